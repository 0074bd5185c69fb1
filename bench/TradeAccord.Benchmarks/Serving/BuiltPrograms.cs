namespace TradeAccord.Benchmarks.Serving;

/// <summary>
/// The project's programs, built in the bench's own configuration: artifacts/bin/&lt;Project&gt;/&lt;configuration&gt;/&lt;program&gt;.
/// The server is built with the bench (it references it); the CLI is built on its own.
/// </summary>
internal static class BuiltPrograms
{
    /// <summary>accord-server, of src/TradeAccord.Web.</summary>
    public static string Server() => Find("TradeAccord.Web", "accord-server");

    /// <summary>accord, of src/TradeAccord.Cli.</summary>
    public static string Cli() => Find("TradeAccord.Cli", "accord");

    private static string Find(string project, string program)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Name;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, project, configuration, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{program} was not built next to {AppContext.BaseDirectory}: build src/{project} -c {configuration}");
    }
}
