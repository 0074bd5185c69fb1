using System.Globalization;
using TradeAccord.Core.Negotiation;
using TradeAccord.Sources.Measures;

namespace TradeAccord.Sources.Negotiation;

/// <summary>Reads one party's preferences: reservation, a weight per issue, and a value function per issue.</summary>
internal static class NegotiationParties
{
    /// <summary>
    /// The party <paramref name="map"/> states, or null when it has problems (recorded in <paramref name="problems"/>).
    /// </summary>
    public static Preferences? Read(YamlMap map, NegotiationIssues issues, ValueDeriver? derive, SourceProblems problems)
    {
        var before = problems.Count;
        problems.Check(() => map.OnlyKeys("party", "reservation", "reservationBasis", "weights", "values"));
        var party = problems.Get(() => map.String("party"));
        var reservation = problems.Get(() => NegotiationReader.Unit(map, "reservation"));
        var weights = Weights(map, issues, problems);
        var values = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        var derived = new Dictionary<string, string>(StringComparer.Ordinal);
        var valuesMap = problems.Get(() => map.OptionalMap("values")
            ?? throw map.Error("values", map.Line, "is required: expected a value function per issue"));
        if (valuesMap is not null)
        {
            ReportOtherKeys(valuesMap, issues, problems);
            foreach (var issue in issues.All.Where(issues.IsUsable))
            {
                problems.Check(() => ReadValues(valuesMap, issue, party, derive, values, derived));
            }
        }

        return problems.Count > before ? null : new Preferences(party!, weights!, values, reservation, derived);
    }

    private static Dictionary<string, double>? Weights(YamlMap map, NegotiationIssues issues, SourceProblems problems)
    {
        var weightsMap = problems.Get(() => map.OptionalMap("weights")
            ?? throw map.Error("weights", map.Line, "is required: expected a weight per issue"));
        if (weightsMap is null)
        {
            return null;
        }

        var before = problems.Count;
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var issue in issues.All)
        {
            weights[issue.Id] = problems.Get(() => weightsMap.Has(issue.Id)
                ? NegotiationReader.Unit(weightsMap, issue.Id)
                : throw weightsMap.Error(issue.Id, weightsMap.Line, "has no weight: expected one per issue"));
        }

        ReportOtherKeys(weightsMap, issues, problems);
        // The sum means something only when every weight was read.
        var sum = weights.Values.Sum();
        if (problems.Count == before && Math.Abs(sum - 1) > 1e-6)
        {
            var total = sum.ToString("0.######", CultureInfo.InvariantCulture);
            problems.Add(map.Error("weights", map.LineOf("weights"), $"sum to {total}: expected 1"));
        }

        return weights;
    }

    private static void ReportOtherKeys(YamlMap map, NegotiationIssues issues, SourceProblems problems)
    {
        foreach (var key in map.Keys.Where(k => issues.All.All(i => i.Id != k)))
        {
            problems.Add(map.Error(key, map.LineOf(key), $"is not an issue: expected one of {issues.Ids}"));
        }
    }

    private static void ReadValues(YamlMap valuesMap, Issue issue, string? party, ValueDeriver? derive,
        Dictionary<string, IReadOnlyDictionary<string, double>> values, Dictionary<string, string> derived)
    {
        var spec = valuesMap.OptionalMap(issue.Id)
            ?? throw valuesMap.Error(issue.Id, valuesMap.Line, "has no value function: expected option values, linear or derived");
        if (spec.Has("linear"))
        {
            values[issue.Id] = Linear(spec, issue);
        }
        else if (spec.Has("derived"))
        {
            if (derive is null)
            {
                throw spec.Error("derived", spec.LineOf("derived"), "cannot be computed here: no data to derive from");
            }

            if (party is null)
            {
                return; // the missing party name is reported already, and derived values are computed per party
            }

            var (raw, how) = derive(party, spec, issue.Options);
            values[issue.Id] = Normalise(raw);
            derived[issue.Id] = how;
        }
        else
        {
            var problems = new SourceProblems();
            problems.Check(() => spec.OnlyKeys([.. issue.Options]));
            var byOption = issue.Options.ToDictionary(o => o, o => problems.Get(() => spec.Has(o)
                ? NegotiationReader.Unit(spec, o)
                : throw spec.Error(o, spec.Line, $"has no value: expected a value in [0, 1] for every option of {issue.Id}")), StringComparer.Ordinal);
            problems.ThrowIfAny();
            values[issue.Id] = byOption;
        }
    }

    private static Dictionary<string, double> Linear(YamlMap spec, Issue issue)
    {
        spec.OnlyKeys("linear");
        var numbers = issue.Options.Select(o => double.TryParse(o.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : throw spec.Error("linear", spec.LineOf("linear"), $"option '{o}' of {issue.Id} is not a number: expected numeric options for a linear value")).ToList();
        var (low, high) = (numbers.Min(), numbers.Max());
        var increasing = spec.String("linear") switch
        {
            "increasing" => true,
            "decreasing" => false,
            var other => throw spec.Error("linear", spec.LineOf("linear"), $"'{other}' is not valid: expected increasing or decreasing"),
        };
        return issue.Options.Zip(numbers).ToDictionary(p => p.First, p => increasing ? (p.Second - low) / (high - low) : (high - p.Second) / (high - low), StringComparer.Ordinal);
    }

    private static Dictionary<string, double> Normalise(IReadOnlyDictionary<string, double> raw)
    {
        var (low, high) = (raw.Values.Min(), raw.Values.Max());
        return raw.ToDictionary(kv => kv.Key, kv => high > low ? (kv.Value - low) / (high - low) : 1.0, StringComparer.Ordinal);
    }
}
