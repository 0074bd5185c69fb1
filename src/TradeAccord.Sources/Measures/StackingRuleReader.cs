using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using TradeAccord.Core.Tariffs.Stacking;

namespace TradeAccord.Sources.Measures;

/// <summary>Reads stacking rules (data/us/stacking.yaml): which duty layer keeps which other off an entry, each cited.</summary>
public static class StackingRuleReader
{
    /// <summary>Reads a rules file from disk.</summary>
    /// <exception cref="SourceException">The file is unreadable or malformed: every problem in it is named.</exception>
    public static IReadOnlyList<StackingRule> Read(string path, string displayName) => Parse(YamlMap.Load(path, displayName));

    /// <summary>Reads the rules of a parsed file (top-level <c>rules</c>).</summary>
    /// <exception cref="SourceException">Every problem in the file is named.</exception>
    public static IReadOnlyList<StackingRule> Parse(YamlMap file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var problems = new SourceProblems();
        problems.Check(() => file.OnlyKeys("rules"));
        var rules = new List<StackingRule>();
        foreach (var entry in problems.Get(() => file.Maps("rules")) ?? [])
        {
            if (problems.Get(() => ReadRule(entry)) is not { } rule)
            {
                continue;
            }

            if (rules.Any(r => r.Id == rule.Id))
            {
                problems.Add(entry.Error("id", entry.LineOf("id"), $"'{rule.Id}' is used twice"));
            }

            rules.Add(rule);
        }

        problems.ThrowIfAny();
        return rules;
    }

    private static StackingRule ReadRule(YamlMap map)
    {
        var problems = new SourceProblems();
        problems.Check(() => map.OnlyKeys("id", "citation", "validFrom", "validTo", "origins", "when", "removes", "part", "threshold", "note"));
        var id = problems.Get(() => map.String("id"));
        var citation = problems.Get(() => map.String("citation"));
        var from = problems.Get(() => (DateOnly?)map.Date("validFrom"));
        var to = problems.Get(() => map.OptionalDate("validTo"));
        if (from is { } f && to is { } t && t <= f)
        {
            problems.Add(map.Error("validTo", map.LineOf("validTo"), $"{t:yyyy-MM-dd} must be after validFrom {f:yyyy-MM-dd}"));
        }

        var origins = problems.Get(() => Origins(map));
        var when = problems.Get(() => map.List("when")) ?? [];
        var removes = problems.Get(() => map.List("removes")) ?? [];
        if (map.Has("removes") && removes.Count == 0 || !map.Has("removes"))
        {
            problems.Add(map.Error("removes", map.LineOf("removes"), "is required: expected a list of measure families, e.g. [ieepa-reciprocal]"));
        }

        var part = problems.Get(() => Part(map));
        var threshold = problems.Get(() => Threshold(map, part));
        if (part != StackingPart.UsContent && when.Count == 0)
        {
            problems.Add(map.Error("when", map.LineOf("when"), "is required: expected the families whose layers trigger the rule, e.g. [s232-*]"));
        }

        problems.ThrowIfAny();
        return new StackingRule
        {
            Id = id!,
            Citation = citation!,
            Validity = new DateInterval(from!.Value, to),
            Origins = origins!,
            When = when,
            Removes = removes,
            Part = part,
            Threshold = threshold,
        };
    }

    private static OriginScope Origins(YamlMap map)
    {
        var origins = map.List("origins");
        if (origins.Count == 0 || origins is ["all"])
        {
            return OriginScope.All;
        }

        return OriginScope.Only(origins.Select(o => CountryCode.Parse(o) is { Success: true } r && r.TryGetValue(out var c)
            ? c
            : throw map.Error("origins", map.LineOf("origins"), $"'{o}' is not an ISO 3166-1 alpha-2 country code")));
    }

    private static StackingPart Part(YamlMap map) => map.OptionalString("part") switch
    {
        null or "whole" => StackingPart.Whole,
        "trigger-part" => StackingPart.TriggerPart,
        "us-content" => StackingPart.UsContent,
        var other => throw map.Error("part", map.LineOf("part"), $"'{other}' is not a part: expected whole, trigger-part or us-content"),
    };

    private static decimal Threshold(YamlMap map, StackingPart part)
    {
        var rate = map.OptionalRate("threshold");
        if (part == StackingPart.UsContent && rate is null)
        {
            throw map.Error("threshold", map.Line, "is required for part us-content: expected a share such as 20%");
        }

        return rate is null ? 0m : rate.IsComputable && rate.Specific.Count == 0 && rate.AdValorem is >= 0m and <= 1m
            ? rate.AdValorem
            : throw map.Error("threshold", map.LineOf("threshold"), $"'{rate.Text}' is not a share: expected a percentage from 0% to 100%");
    }
}
