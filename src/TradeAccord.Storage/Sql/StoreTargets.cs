using Npgsql;

namespace TradeAccord.Storage.Sql;

/// <summary>Which database a <c>--db</c> value names, for both stores.</summary>
internal static class StoreTargets
{
    /// <summary>PostgreSQL for a connection string, else the DuckDB file (or $ACCORD_DB, or the default path).</summary>
    /// <exception cref="StoreException">A connection string that is malformed.</exception>
    public static SqlDialect Resolve(string? db) =>
        PostgresConnectionString(db) is { } connectionString ? new PostgresDialect(connectionString) : new DuckDbDialect(StorePaths.Resolve(db));

    /// <summary>The Npgsql connection string <paramref name="db"/> (or $ACCORD_DB when it is null) names, or null for a DuckDB file.</summary>
    public static string? PostgresConnectionString(string? db)
    {
        var named = db ?? Environment.GetEnvironmentVariable(StorePaths.Variable);
        return IsPostgres(named) ? ConnectionString(named!) : null;
    }

    public static bool IsPostgres(string? db) =>
        db is not null && (db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
                           || db.Contains("Host=", StringComparison.OrdinalIgnoreCase));

    public static string ConnectionString(string db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) ? FromUri(db) : db;
    }

    private static string FromUri(string uri)
    {
        var u = new Uri(uri);
        var builder = new NpgsqlConnectionStringBuilder { Host = u.Host, Port = u.Port > 0 ? u.Port : 5432, Database = u.AbsolutePath.Trim('/') };
        if (u.UserInfo.Split(':') is [var user, ..] && user.Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(user);
            if (u.UserInfo.Split(':') is [_, var password])
            {
                builder.Password = Uri.UnescapeDataString(password);
            }
        }

        return builder.ConnectionString;
    }
}
