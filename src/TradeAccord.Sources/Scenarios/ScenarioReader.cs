using TradeAccord.Core.Scenarios;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Documents;
using TradeAccord.Sources.Measures;

namespace TradeAccord.Sources.Scenarios;

/// <summary>
/// Reads a scenario file: <c>name</c>, <c>description</c>, and <c>changes</c>, each one of
/// <c>add: {measure}</c>, <c>change: id</c> (with <c>from</c>, <c>rate</c> and/or <c>status</c>, optional <c>id</c>),
/// <c>replace: id</c> (the measure's whole line from <c>from</c>: a <c>rate</c> and/or <c>status</c>, or <c>removed: true</c>),
/// or <c>end: [ids]</c> / <c>endKind: kind</c> (with <c>from</c>, and <c>importer</c> to limit a kind to one importer).
/// Every problem in the document is reported at once, each with its line and field.
/// </summary>
public static class ScenarioReader
{
    /// <summary>Reads <paramref name="path"/>; coverage references resolve against <paramref name="baseline"/>.</summary>
    /// <param name="path">The file, read safely (<see cref="DocumentText.ReadFile"/>).</param>
    /// <param name="baseline">The measures the scenario changes.</param>
    /// <param name="displayName">The name errors give the file; its file name when null.</param>
    /// <exception cref="SourceException">The file is unreadable or malformed: every problem is named.</exception>
    public static Scenario Read(string path, MeasureSet baseline, string? displayName = null)
    {
        var name = displayName ?? Path.GetFileName(path);
        return Parse(DocumentText.ReadFile(path, name), name, baseline);
    }

    /// <summary>Reads a scenario from YAML or JSON <paramref name="text"/>, e.g. a request body.</summary>
    /// <param name="text">The document.</param>
    /// <param name="displayName">The name errors give the document, e.g. "body".</param>
    /// <param name="baseline">The measures the scenario changes.</param>
    /// <exception cref="SourceException">The text is too large, too deeply nested or malformed: every problem is named.</exception>
    public static Scenario Parse(string text, string displayName, MeasureSet baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var file = YamlMap.Parse(text, displayName);
        var problems = new SourceProblems();
        problems.Check(() => file.OnlyKeys("name", "description", "changes"));
        var resolver = Resolver(baseline);
        var changes = new List<ScenarioChange>();
        foreach (var entry in problems.Get(() => file.Maps("changes")) ?? [])
        {
            if (problems.Get(() => ScenarioChanges.Read(entry, resolver)) is { } change)
            {
                changes.Add(change with { Origin = $"{displayName}:{entry.Line}" });
            }
        }

        var name = problems.Get(() => file.String("name"));
        var description = problems.Get(() => file.String("description"));
        problems.ThrowIfAny();
        return new Scenario(name!, description!, changes);
    }

    private static CoverageResolver Resolver(MeasureSet baseline)
    {
        var byId = baseline.Measures.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byHeading = baseline.Measures.Where(m => m.Heading is not null && m.Kind != MeasureKind.Exclusion)
            .GroupBy(m => m.Heading!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Coverage.WithoutRates(), StringComparer.Ordinal);
        return new CoverageResolver(byHeading, id => byId.GetValueOrDefault(id));
    }
}
