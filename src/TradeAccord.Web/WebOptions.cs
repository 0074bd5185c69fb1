namespace TradeAccord.Web;

/// <summary>How the server is started.</summary>
/// <param name="Urls">Where it listens, e.g. http://127.0.0.1:5080.</param>
/// <param name="Db">The store: a DuckDB file path or a PostgreSQL connection string (null: the default file).</param>
/// <param name="Data">Another data folder, or null for the built-in data.</param>
/// <param name="KeysFile">A JSON file mapping API keys to roles, or null (then $ACCORD_API_KEYS names one, or no keys exist).</param>
public sealed record WebOptions(string Urls = "http://127.0.0.1:5080", string? Db = null, string? Data = null, string? KeysFile = null);
