using TradeAccord.Core.Common;
using TradeAccord.Core.Scenarios;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Measures;

namespace TradeAccord.Sources.Scenarios;

/// <summary>
/// Reads a scenario file: <c>name</c>, <c>description</c>, and <c>changes</c>, each one of
/// <c>add: {measure}</c>, <c>change: id</c> (with <c>from</c>, <c>rate</c> and/or <c>status</c>, optional <c>id</c>),
/// <c>replace: id</c> (the measure's whole line from <c>from</c>: a <c>rate</c> and/or <c>status</c>, or <c>removed: true</c>),
/// or <c>end: [ids]</c> / <c>endKind: kind</c> (with <c>from</c>, and <c>importer</c> to limit a kind to one importer).
/// </summary>
public static class ScenarioReader
{
    /// <summary>Reads <paramref name="path"/>; coverage references resolve against <paramref name="baseline"/>.</summary>
    /// <exception cref="SourceException">The file is unreadable or malformed.</exception>
    public static Scenario Read(string path, MeasureSet baseline, string? displayName = null)
    {
        var name = displayName ?? Path.GetFileName(path);
        return Read(YamlMap.Load(path, name), baseline);
    }

    /// <summary>Parses a scenario document's <paramref name="text"/>, named <paramref name="displayName"/> in errors.</summary>
    /// <exception cref="SourceException">The document is malformed.</exception>
    public static Scenario Parse(string text, string displayName, MeasureSet baseline) => Read(YamlMap.Parse(text, displayName), baseline);

    private static Scenario Read(YamlMap file, MeasureSet baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        file.OnlyKeys("name", "description", "changes");
        var byId = baseline.Measures.GroupBy(m => m.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byHeading = baseline.Measures.Where(m => m.Heading is not null && m.Kind != MeasureKind.Exclusion)
            .GroupBy(m => m.Heading!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Coverage.WithoutRates(), StringComparer.Ordinal);
        var resolver = new CoverageResolver(byHeading, id => byId.GetValueOrDefault(id));
        var changes = new List<ScenarioChange>();
        foreach (var entry in file.Maps("changes"))
        {
            ScenarioChange change;
            if (entry.OptionalMap("add") is { } add)
            {
                entry.OnlyKeys("add");
                change = new AddMeasure(MeasureYaml.Read(add, null, resolver));
            }
            else if (entry.OptionalString("change") is { } id)
            {
                entry.OnlyKeys("change", "from", "rate", "status", "id");
                if (!entry.Has("rate") && !entry.Has("status"))
                {
                    throw entry.Error("change", entry.Line, "says nothing to change: expected rate and/or status");
                }

                change = new ChangeMeasure(id, entry.Date("from"), entry.OptionalRate("rate"),
                    entry.Has("status") ? MeasureYaml.ParseStatus(entry) : null, entry.OptionalString("id"));
            }
            else if (entry.OptionalString("replace") is { } replaced)
            {
                entry.OnlyKeys("replace", "from", "rate", "status", "removed", "id", "legalBase");
                var removed = entry.OptionalString("removed") switch
                {
                    null or "false" => false,
                    "true" => true,
                    var other => throw entry.Error("removed", entry.LineOf("removed"), $"'{other}' is not valid: expected true or false"),
                };
                if (removed && (entry.Has("rate") || entry.Has("status")))
                {
                    throw entry.Error("removed", entry.LineOf("removed"), "is given with rate or status: expected a removal, or a new rate and/or status");
                }

                change = new ReplaceMeasure(replaced, entry.Date("from"), entry.OptionalRate("rate"),
                    entry.Has("status") ? MeasureYaml.ParseStatus(entry) : null, entry.OptionalString("id"), removed, entry.OptionalString("legalBase"));
            }
            else if (entry.Has("end") || entry.Has("endKind"))
            {
                entry.OnlyKeys("end", "endKind", "importer", "from");
                change = new EndMeasures(entry.List("end"), entry.Has("endKind") ? MeasureYaml.ParseKind(entry, "endKind") : null,
                    entry.Date("from"), entry.Has("importer") ? entry.Country("importer") : null);
            }
            else
            {
                throw entry.Error("changes", entry.Line, "expected one of add, change, replace, end or endKind");
            }

            changes.Add(change with { Origin = $"{file.File}:{entry.Line}" });
        }

        return new Scenario(file.String("name"), file.String("description"), changes);
    }
}
