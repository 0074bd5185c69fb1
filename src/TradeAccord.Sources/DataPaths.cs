namespace TradeAccord.Sources;

/// <summary>Where the built-in data and scenarios are.</summary>
/// <param name="Data">The data folder (holds catalog.yaml).</param>
/// <param name="Scenarios">The scenarios folder.</param>
public sealed record DataPaths(string Data, string Scenarios)
{
    /// <summary>The agreements folder, beside the data folder.</summary>
    public string Agreements => Path.Combine(Path.GetDirectoryName(Data)!, "agreements");

    /// <summary>The negotiation domains folder, beside the data folder.</summary>
    public string Negotiations => Path.Combine(Path.GetDirectoryName(Data)!, "negotiations");

    /// <summary>The environment variable that points at another data folder.</summary>
    public const string DataVariable = "ACCORD_DATA";

    /// <summary>
    /// Finds the data: an explicit folder, else $ACCORD_DATA, else the copy shipped beside the program, else the
    /// nearest data/ folder above the working directory (a source checkout).
    /// </summary>
    /// <exception cref="SourceException">No data folder is found.</exception>
    public static DataPaths Locate(string? explicitData = null)
    {
        // A folder named on purpose must be right: falling back to other data would answer from the wrong source.
        if (explicitData is not null && !File.Exists(Path.Combine(explicitData, "catalog.yaml")))
        {
            throw new SourceException(explicitData, 0, null, "is not a data folder: expected it to hold catalog.yaml");
        }

        var candidates = new[]
        {
            explicitData,
            Environment.GetEnvironmentVariable(DataVariable),
            Path.Combine(AppContext.BaseDirectory, "data"),
        }.Concat(Ancestors(Directory.GetCurrentDirectory()).Select(d => Path.Combine(d, "data")));
        foreach (var candidate in candidates)
        {
            if (!string.IsNullOrWhiteSpace(candidate) && File.Exists(Path.Combine(candidate, "catalog.yaml")))
            {
                var data = Path.GetFullPath(candidate);
                return new DataPaths(data, Path.Combine(Path.GetDirectoryName(data)!, "scenarios"));
            }
        }

        throw new SourceException(explicitData ?? "data", 0, null,
            $"no data folder found (looked for catalog.yaml in --data, ${DataVariable}, beside the program and above the working directory)");
    }

    private static IEnumerable<string> Ancestors(string directory)
    {
        for (var d = new DirectoryInfo(directory); d is not null; d = d.Parent)
        {
            yield return d.FullName;
        }
    }
}
