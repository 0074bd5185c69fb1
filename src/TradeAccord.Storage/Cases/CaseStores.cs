using System.Data.Common;
using DuckDB.NET.Data;
using Npgsql;

namespace TradeAccord.Storage.Cases;

/// <summary>The case store in the embedded DuckDB file (the default).</summary>
public sealed class DuckDbCaseStore : SqlCaseStore
{
    private DuckDbCaseStore(DuckDBConnection connection, string path)
        : base(connection, path)
    {
    }

    /// <summary>Opens (creating if needed) the store in the DuckDB file at <paramref name="path"/>.</summary>
    public static DuckDbCaseStore Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new DuckDbCaseStore(DuckDbFiles.Open(path, CreateTables), path);
    }

    /// <inheritdoc />
    // DuckDB's transactions are snapshot isolated with optimistic conflict detection: it takes no level.
    protected override DbTransaction Begin() => Connection.BeginTransaction();

    /// <inheritdoc />
    protected override bool IsConflict(DbException e) =>
        e.Message.Contains("PRIMARY KEY", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("constraint", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("conflict", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The case store on a PostgreSQL server.</summary>
public sealed class PostgresCaseStore : SqlCaseStore
{
    private PostgresCaseStore(NpgsqlConnection connection, string description)
        : base(connection, description)
    {
    }

    /// <summary>Connects with <paramref name="connectionString"/> and creates the tables if needed.</summary>
    /// <exception cref="StoreException">The server cannot be reached.</exception>
    public static PostgresCaseStore Open(string connectionString)
    {
        var (connection, description) = PostgresSchema.Open(connectionString, Schema, "a case store");
        return new PostgresCaseStore(connection, description);
    }

    /// <inheritdoc />
    protected override DbTransaction Begin() => Connection.BeginTransaction(System.Data.IsolationLevel.Serializable);

    /// <inheritdoc />
    protected override bool IsConflict(DbException e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure };
}

/// <summary>Opens the case store a <c>--db</c> value names.</summary>
public static class CaseStores
{
    /// <summary>
    /// A PostgreSQL store when <paramref name="db"/> is a connection string (<c>Host=...</c>, <c>postgres://...</c>),
    /// else the DuckDB store at that path (or $ACCORD_DB, or the default path).
    /// </summary>
    public static ICaseStore Open(string? db)
    {
        if (IsPostgres(db ?? Environment.GetEnvironmentVariable(StorePaths.Variable)))
        {
            return PostgresCaseStore.Open(ConnectionString(db ?? Environment.GetEnvironmentVariable(StorePaths.Variable)!));
        }

        return DuckDbCaseStore.Open(StorePaths.Resolve(db));
    }

    /// <summary>Whether <paramref name="db"/> names a PostgreSQL server.</summary>
    public static bool IsPostgres(string? db) =>
        db is not null && (db.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || db.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
                           || db.Contains("Host=", StringComparison.OrdinalIgnoreCase));

    /// <summary>An Npgsql connection string from a <c>--db</c> value (a connection string or a postgres:// URI).</summary>
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
