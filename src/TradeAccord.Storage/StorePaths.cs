namespace TradeAccord.Storage;

/// <summary>Where the trade store lives unless told otherwise.</summary>
public static class StorePaths
{
    /// <summary>The environment variable that names another store file.</summary>
    public const string Variable = "ACCORD_DB";

    /// <summary>
    /// The store to use: <paramref name="explicitPath"/> (the <c>--db</c> option), else $ACCORD_DB, else
    /// <c>$XDG_DATA_HOME/tradeaccord/accord.duckdb</c> (<c>~/.local/share/tradeaccord/accord.duckdb</c> when unset).
    /// </summary>
    public static string Resolve(string? explicitPath = null)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return Path.GetFullPath(explicitPath);
        }

        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromEnvironment)
        {
            return Path.GetFullPath(fromEnvironment);
        }

        var dataHome = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(dataHome, "tradeaccord", "accord.duckdb");
    }
}
