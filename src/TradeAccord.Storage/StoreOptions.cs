namespace TradeAccord.Storage;

/// <summary>How a store is opened. The defaults are what the CLI and the server use.</summary>
public sealed class StoreOptions
{
    /// <summary>The defaults: wait 15 s for another process's DuckDB lock, nothing called inside transactions.</summary>
    public static StoreOptions Default { get; } = new();

    /// <summary>How long an open waits for another process to release a DuckDB file before giving up.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Called inside every write transaction (an import, a case created, an event appended) after its rows are
    /// written and before it commits, with what is being written (<c>series/vintage</c>, or the case id). None by
    /// default: tests pause or fail here to show that a write killed or failing at that point leaves nothing.
    /// </summary>
    public Action<string>? BeforeCommit { get; init; }
}
