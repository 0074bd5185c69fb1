using TradeAccord.Core.Scenarios;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Measures;

namespace TradeAccord.Sources.Scenarios;

/// <summary>Reads one entry of a scenario's <c>changes</c>, naming every problem in it.</summary>
internal static class ScenarioChanges
{
    /// <summary>The change <paramref name="entry"/> states.</summary>
    /// <exception cref="SourceException">The entry is malformed: every problem in it is named.</exception>
    public static ScenarioChange Read(YamlMap entry, CoverageResolver resolver)
    {
        if (entry.OptionalMap("add") is { } add)
        {
            var problems = new SourceProblems();
            problems.Check(() => entry.OnlyKeys("add"));
            var measure = problems.Get(() => MeasureYaml.Read(add, null, resolver));
            problems.ThrowIfAny();
            return new AddMeasure(measure!);
        }

        if (entry.OptionalString("change") is { } changed)
        {
            return Change(entry, changed);
        }

        if (entry.OptionalString("replace") is { } replaced)
        {
            return Replace(entry, replaced);
        }

        if (entry.Has("end") || entry.Has("endKind") || entry.Has("endAuthority"))
        {
            return End(entry);
        }

        throw entry.Error("changes", entry.Line, "expected one of add, change, replace, end, endKind or endAuthority");
    }

    private static ChangeMeasure Change(YamlMap entry, string id)
    {
        var problems = new SourceProblems();
        problems.Check(() => entry.OnlyKeys("change", "from", "rate", "status", "id"));
        if (!entry.Has("rate") && !entry.Has("status"))
        {
            problems.Add(entry.Error("change", entry.Line, "says nothing to change: expected rate and/or status"));
        }

        var from = problems.Get(() => entry.Date("from"));
        var rate = problems.Get(() => entry.OptionalRate("rate"));
        var status = problems.Get(() => Status(entry));
        var newId = problems.Get(() => entry.OptionalString("id"));
        problems.ThrowIfAny();
        return new ChangeMeasure(id, from, rate, status, newId);
    }

    private static ReplaceMeasure Replace(YamlMap entry, string id)
    {
        var problems = new SourceProblems();
        problems.Check(() => entry.OnlyKeys("replace", "from", "rate", "status", "removed", "id", "legalBase"));
        var removed = problems.Get(() => entry.OptionalString("removed") switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw entry.Error("removed", entry.LineOf("removed"), $"'{other}' is not valid: expected true or false"),
        });
        if (removed && (entry.Has("rate") || entry.Has("status")))
        {
            problems.Add(entry.Error("removed", entry.LineOf("removed"),
                "is given with rate or status: expected a removal, or a new rate and/or status"));
        }

        var from = problems.Get(() => entry.Date("from"));
        var rate = problems.Get(() => entry.OptionalRate("rate"));
        var status = problems.Get(() => Status(entry));
        var newId = problems.Get(() => entry.OptionalString("id"));
        var legalBase = problems.Get(() => entry.OptionalString("legalBase"));
        problems.ThrowIfAny();
        return new ReplaceMeasure(id, from, rate, status, newId, removed, legalBase);
    }

    private static EndMeasures End(YamlMap entry)
    {
        var problems = new SourceProblems();
        problems.Check(() => entry.OnlyKeys("end", "endKind", "endAuthority", "importer", "from"));
        var ids = problems.Get(() => entry.List("end"));
        var kind = problems.Get(() => entry.Has("endKind") ? MeasureYaml.ParseKind(entry, "endKind") : (MeasureKind?)null);
        var authorities = problems.Get(() => entry.List("endAuthority").Select(word => TariffAuthorities.Parse(word)
            ?? throw entry.Error("endAuthority", entry.LineOf("endAuthority"),
                $"'{word}' is not an authority: expected one of {string.Join(", ", TariffAuthorities.All.Select(a => a.Word()))}")).ToList());
        var from = problems.Get(() => entry.Date("from"));
        var importer = problems.Get(() => entry.Has("importer") ? entry.Country("importer") : (Core.Common.CountryCode?)null);
        problems.ThrowIfAny();
        return new EndMeasures(ids!, kind, from, importer) { Authorities = authorities! };
    }

    private static MeasureStatus? Status(YamlMap entry) => entry.Has("status") ? MeasureYaml.ParseStatus(entry) : null;
}
