using TradeAccord.Storage.Sql;

namespace TradeAccord.Storage;

/// <summary>Opens the trade store a <c>--db</c> value names.</summary>
public static class TradeStores
{
    /// <summary>PostgreSQL for a connection string, else the DuckDB file (or $ACCORD_DB, or the default path).</summary>
    /// <exception cref="StoreException">The store cannot be reached or opened (a busy DuckDB file, after a wait).</exception>
    public static ITradeStore Open(string? db) => Open(db, StoreOptions.Default);

    /// <summary>As <see cref="Open(string?)"/>, with <paramref name="options"/>.</summary>
    /// <exception cref="StoreException">The store cannot be reached or opened.</exception>
    public static ITradeStore Open(string? db, StoreOptions options) => SqlTradeStore.Open(StoreTargets.Resolve(db), options);

    /// <summary>
    /// As <see cref="Open(string?)"/>, for servers: waiting for another process's DuckDB lock, or for PostgreSQL, holds
    /// no thread.
    /// </summary>
    /// <exception cref="StoreException">The store cannot be reached or opened.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public static Task<ITradeStore> OpenAsync(string? db, CancellationToken cancellationToken = default) =>
        OpenAsync(db, StoreOptions.Default, cancellationToken);

    /// <summary>As <see cref="OpenAsync(string?, CancellationToken)"/>, with <paramref name="options"/>.</summary>
    /// <exception cref="StoreException">The store cannot be reached or opened.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public static async Task<ITradeStore> OpenAsync(string? db, StoreOptions options, CancellationToken cancellationToken = default) =>
        await SqlTradeStore.OpenAsync(StoreTargets.Resolve(db), options, cancellationToken).ConfigureAwait(false);

    /// <summary>An empty store in memory (DuckDB), gone when disposed: for tests and benchmarks.</summary>
    public static SqlTradeStore OpenInMemory() => SqlTradeStore.Open(new DuckDbDialect(DuckDbFiles.InMemory), StoreOptions.Default);
}
