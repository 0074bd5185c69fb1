using System.Data.Common;

namespace TradeAccord.Storage.Sql;

/// <summary>
/// What differs between DuckDB and PostgreSQL under the stores' one SQL: how a connection is opened and its tables
/// created, how strict a write transaction is, how rows are bulk-loaded, and what a provider's error means. The
/// queries, their $1, $2 parameters and the column types are the same on both and are written once, in the stores.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>Where the database is, for messages: a file path, or postgresql://host:port/database.</summary>
    public abstract string Description { get; }

    /// <summary>Opens a connection and creates <paramref name="schema"/>'s tables if they do not exist.</summary>
    /// <exception cref="StoreException">The database cannot be reached or opened.</exception>
    public abstract DbConnection Open(StoreSchema schema, StoreOptions options);

    /// <summary>As <see cref="Open"/>, waiting (for a lock, for the server) without holding a thread.</summary>
    public abstract Task<DbConnection> OpenAsync(StoreSchema schema, StoreOptions options, CancellationToken cancellationToken);

    /// <summary>Starts a write transaction at the strictest isolation the database offers.</summary>
    public abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>
    /// Loads the rows <paramref name="writeRows"/> writes into <paramref name="table"/>, whose columns they fill in order.
    /// Only staging tables are loaded this way: the load is the fast path of each database, not part of a transaction.
    /// </summary>
    public abstract void BulkLoad(DbConnection connection, string table, Action<IBulkWriter> writeRows);

    /// <summary>
    /// Takes the store's import lock on <paramref name="connection"/>, waiting for whoever holds it, and returns what
    /// releases it. Reentrant on one connection and thread.
    /// </summary>
    public abstract IDisposable LockImports(DbConnection connection);

    /// <summary>What a provider error means: its kind, whether trying again may help, and the key it clashed on.</summary>
    public abstract ProviderFailure Classify(DbException e);
}

/// <summary>The tables of one store, in SQL both databases accept, and the lookup indexes only PostgreSQL needs.</summary>
/// <param name="Use">What the database is for, in messages ("a trade store").</param>
/// <param name="Tables">CREATE TABLE IF NOT EXISTS statements.</param>
/// <param name="Indexes">CREATE INDEX IF NOT EXISTS statements.</param>
internal sealed record StoreSchema(string Use, IReadOnlyList<string> Tables, IReadOnlyList<string> Indexes);
