using System.Data.Common;
using TradeAccord.Storage.Sql;

namespace TradeAccord.Storage.Cases;

/// <summary>The case store in an embedded DuckDB file (the default).</summary>
public sealed class DuckDbCaseStore : SqlCaseStore
{
    private DuckDbCaseStore(DuckDbDialect dialect, DbConnection connection, StoreOptions options)
        : base(dialect, connection, options)
    {
    }

    /// <summary>Opens (creating if needed) the store in the DuckDB file at <paramref name="path"/>.</summary>
    /// <exception cref="StoreException">The file stays locked by another process, or is not a DuckDB database.</exception>
    public static DuckDbCaseStore Open(string path) => Open(path, StoreOptions.Default);

    /// <summary>As <see cref="Open(string)"/>, with <paramref name="options"/>.</summary>
    /// <exception cref="StoreException">The file stays locked by another process, or is not a DuckDB database.</exception>
    public static DuckDbCaseStore Open(string path, StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        var dialect = new DuckDbDialect(path);
        return new DuckDbCaseStore(dialect, Connect(dialect, options), options);
    }

    internal static async Task<DuckDbCaseStore> OpenAsync(string path, StoreOptions options, CancellationToken cancellationToken)
    {
        var dialect = new DuckDbDialect(path);
        return new DuckDbCaseStore(dialect, await ConnectAsync(dialect, options, cancellationToken).ConfigureAwait(false), options);
    }
}

/// <summary>The case store on a PostgreSQL server.</summary>
public sealed class PostgresCaseStore : SqlCaseStore
{
    private PostgresCaseStore(PostgresDialect dialect, DbConnection connection, StoreOptions options)
        : base(dialect, connection, options)
    {
    }

    /// <summary>Connects with <paramref name="connectionString"/> and creates the tables if needed.</summary>
    /// <exception cref="StoreException">The server cannot be reached.</exception>
    public static PostgresCaseStore Open(string connectionString) => Open(connectionString, StoreOptions.Default);

    /// <summary>As <see cref="Open(string)"/>, with <paramref name="options"/>.</summary>
    /// <exception cref="StoreException">The server cannot be reached.</exception>
    public static PostgresCaseStore Open(string connectionString, StoreOptions options)
    {
        var dialect = new PostgresDialect(connectionString);
        return new PostgresCaseStore(dialect, Connect(dialect, options), options);
    }

    internal static async Task<PostgresCaseStore> OpenAsync(string connectionString, StoreOptions options, CancellationToken cancellationToken)
    {
        var dialect = new PostgresDialect(connectionString);
        return new PostgresCaseStore(dialect, await ConnectAsync(dialect, options, cancellationToken).ConfigureAwait(false), options);
    }
}

/// <summary>Opens the case store a <c>--db</c> value names.</summary>
public static class CaseStores
{
    /// <summary>
    /// A PostgreSQL store when <paramref name="db"/> is a connection string (<c>Host=...</c>, <c>postgres://...</c>),
    /// else the DuckDB store at that path (or $ACCORD_DB, or the default path).
    /// </summary>
    /// <exception cref="StoreException">The store cannot be reached or opened (a busy DuckDB file, after a wait).</exception>
    public static ICaseStore Open(string? db) => Open(db, StoreOptions.Default);

    /// <summary>As <see cref="Open(string?)"/>, with <paramref name="options"/> (a hook inside every write, in tests).</summary>
    /// <exception cref="StoreException">The store cannot be reached or opened.</exception>
    public static ICaseStore Open(string? db, StoreOptions options) =>
        StoreTargets.PostgresConnectionString(db) is { } connectionString
            ? PostgresCaseStore.Open(connectionString, options)
            : DuckDbCaseStore.Open(StorePaths.Resolve(db), options);

    /// <summary>As <see cref="Open(string?)"/>, for servers: waiting for another process's DuckDB lock holds no thread.</summary>
    /// <exception cref="StoreException">The store cannot be reached or opened.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public static Task<ICaseStore> OpenAsync(string? db, CancellationToken cancellationToken = default) =>
        OpenAsync(db, StoreOptions.Default, cancellationToken);

    /// <summary>As <see cref="OpenAsync(string?, CancellationToken)"/>, with <paramref name="options"/>.</summary>
    /// <exception cref="StoreException">The store cannot be reached or opened.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public static async Task<ICaseStore> OpenAsync(string? db, StoreOptions options, CancellationToken cancellationToken = default) =>
        StoreTargets.PostgresConnectionString(db) is { } connectionString
            ? await PostgresCaseStore.OpenAsync(connectionString, options, cancellationToken).ConfigureAwait(false)
            : await DuckDbCaseStore.OpenAsync(StorePaths.Resolve(db), options, cancellationToken).ConfigureAwait(false);

    /// <summary>Whether <paramref name="db"/> names a PostgreSQL server.</summary>
    public static bool IsPostgres(string? db) => StoreTargets.IsPostgres(db);

    /// <summary>An Npgsql connection string from a <c>--db</c> value (a connection string or a postgres:// URI).</summary>
    public static string ConnectionString(string db) => StoreTargets.ConnectionString(db);
}
