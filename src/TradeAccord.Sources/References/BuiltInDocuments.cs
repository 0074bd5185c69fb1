namespace TradeAccord.Sources.References;

/// <summary>The shipped documents of each kind, found once per data folder, and where each one is.</summary>
public sealed class BuiltInDocuments
{
    private readonly DataPaths _paths;
    private readonly Lazy<IReadOnlyList<string>> _scenarios;
    private readonly Lazy<IReadOnlyList<string>> _agreements;
    private readonly Lazy<IReadOnlyList<string>> _negotiations;

    /// <summary>Lists the documents under <paramref name="paths"/>.</summary>
    public BuiltInDocuments(DataPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        _paths = paths;
        _scenarios = new(() => List(paths.Scenarios, SearchOption.TopDirectoryOnly));
        _agreements = new(() => List(paths.Agreements, SearchOption.AllDirectories));
        _negotiations = new(() => List(paths.Negotiations, SearchOption.TopDirectoryOnly));
    }

    /// <summary>The names of the shipped documents of <paramref name="kind"/>, in order.</summary>
    public IReadOnlyList<string> Names(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Scenario => _scenarios.Value,
        ReferenceKind.Agreement => _agreements.Value,
        ReferenceKind.Negotiation => _negotiations.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// The shipped document <paramref name="name"/>, or null. The name is compared with the listed names, never
    /// joined to a path first, so no spelling of a path can reach outside the folder.
    /// </summary>
    public DocumentRef.BuiltIn? Find(ReferenceKind kind, string? name) =>
        name is not null && Names(kind).Contains(name, StringComparer.Ordinal) ? new DocumentRef.BuiltIn(kind, name) : null;

    /// <summary>The file of a shipped document.</summary>
    public string PathOf(DocumentRef.BuiltIn document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var folder = document.Kind switch
        {
            ReferenceKind.Scenario => _paths.Scenarios,
            ReferenceKind.Agreement => _paths.Agreements,
            _ => _paths.Negotiations,
        };
        return Path.Combine(folder, document.Name + ".yaml");
    }

    /// <summary>The word for a kind in messages.</summary>
    public static string Noun(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Scenario => "scenario",
        ReferenceKind.Agreement => "agreement",
        _ => "negotiation domain",
    };

    private static IReadOnlyList<string> List(string folder, SearchOption depth) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.yaml", depth)
                .Select(f => Path.ChangeExtension(Path.GetRelativePath(folder, f), null).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)]
            : [];
}
