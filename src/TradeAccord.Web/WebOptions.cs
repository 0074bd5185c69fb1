namespace TradeAccord.Web;

/// <summary>How the server is started.</summary>
/// <param name="Urls">Where it listens, e.g. http://127.0.0.1:5080.</param>
/// <param name="Db">The store: a DuckDB file path or a PostgreSQL connection string (null: the default file).</param>
/// <param name="Data">Another data folder, or null for the built-in data.</param>
/// <param name="KeysFile">A JSON file mapping API keys to roles, or null (then $ACCORD_API_KEYS names one, or no keys exist).</param>
public sealed record WebOptions(string Urls = "http://127.0.0.1:5080", string? Db = null, string? Data = null, string? KeysFile = null)
{
    /// <summary>The default <see cref="MaxUploadBytes"/>: 100 MiB, about 1.5 million entry rows.</summary>
    public const long DefaultMaxUploadBytes = 100L * 1024 * 1024;

    /// <summary>The default <see cref="RequestTimeout"/>.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(100);

    /// <summary>The default <see cref="MaxOutcomes"/>.</summary>
    public const long DefaultMaxOutcomes = 2_000_000;

    /// <summary>The largest upload (an entries CSV for a batch), in bytes; a larger body is answered 413.</summary>
    public long MaxUploadBytes { get; init; } = DefaultMaxUploadBytes;

    /// <summary>How long a request may run before it is cancelled and answered 503.</summary>
    public TimeSpan RequestTimeout { get; init; } = DefaultRequestTimeout;

    /// <summary>
    /// The most outcomes a negotiation analysis enumerates; a larger domain is answered 400. Each outcome costs about
    /// 24 bytes of scores, so the default bounds one analysis at roughly 50 MB.
    /// </summary>
    public long MaxOutcomes { get; init; } = DefaultMaxOutcomes;
}
