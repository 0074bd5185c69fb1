using System.Globalization;
using TradeAccord.Core.Negotiation;
using TradeAccord.Sources.Measures;

namespace TradeAccord.Sources.Negotiation;

/// <summary>Computes derived values: per option label, the raw measure (before normalising to [0, 1]).</summary>
/// <param name="party">The party whose values are derived.</param>
/// <param name="spec">The <c>derived</c> block.</param>
/// <param name="options">The issue's options.</param>
/// <returns>Raw value per option, and how they were derived.</returns>
public delegate (IReadOnlyDictionary<string, double> Raw, string How) ValueDeriver(string party, YamlMap spec, IReadOnlyList<string> options);

/// <summary>
/// Reads a negotiation domain: <c>negotiation</c>, <c>title</c>, <c>issues</c> (id, title, options), two
/// <c>parties</c> (party, reservation, weights, values per issue: a map option → value in [0, 1], <c>linear: increasing|decreasing</c>
/// over numeric options, or <c>derived: ...</c> computed from the data), and <c>constraints</c> (issue, when, requires, allowed).
/// </summary>
public static class NegotiationReader
{
    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="SourceException">The file is malformed: the first problem, with its line.</exception>
    public static NegotiationDomain Read(string path, string displayName, ValueDeriver? derive = null) =>
        Read(YamlMap.Load(path, displayName), derive);

    /// <summary>Parses a negotiation document's <paramref name="text"/>, named <paramref name="displayName"/> in errors.</summary>
    /// <exception cref="SourceException">The document is malformed.</exception>
    public static NegotiationDomain Parse(string text, string displayName, ValueDeriver? derive = null) =>
        Read(YamlMap.Parse(text, displayName), derive);

    private static NegotiationDomain Read(YamlMap file, ValueDeriver? derive)
    {
        file.OnlyKeys("negotiation", "title", "description", "issues", "parties", "constraints");
        var issues = new List<Issue>();
        foreach (var item in file.Maps("issues"))
        {
            item.OnlyKeys("id", "title", "options", "note");
            var id = item.String("id");
            if (issues.Any(i => i.Id == id))
            {
                throw item.Error("id", item.LineOf("id"), $"'{id}' is already an issue: expected issue ids unique");
            }

            var options = item.List("options");
            if (options.Count < 2 || options.Distinct(StringComparer.Ordinal).Count() != options.Count)
            {
                throw item.Error("options", item.LineOf("options"), "expected at least two distinct options");
            }

            issues.Add(new Issue(id, item.String("title"), options));
        }

        if (issues.Count == 0)
        {
            throw file.Error("issues", file.Line, "is required: expected a list of issues with their options");
        }

        var parties = file.Maps("parties").Select(p => Party(p, issues, derive)).ToList();
        if (parties.Count != 2)
        {
            throw file.Error("parties", file.LineOf("parties"), $"has {parties.Count} parties: expected exactly two");
        }

        var constraints = file.Maps("constraints").Select(c => Constraint(c, issues)).ToList();
        var domain = new NegotiationDomain(file.String("negotiation"), file.String("title"), issues, parties, constraints);
        if (OutcomeSpace.Of(domain).Count == 0)
        {
            throw file.Error("constraints", file.LineOf("constraints"), "leave no outcome possible: expected constraints that some outcome satisfies");
        }

        return domain;
    }

    private static Preferences Party(YamlMap map, List<Issue> issues, ValueDeriver? derive)
    {
        map.OnlyKeys("party", "reservation", "reservationBasis", "weights", "values");
        var party = map.String("party");
        var reservation = Unit(map, "reservation");
        var weightsMap = map.OptionalMap("weights") ?? throw map.Error("weights", map.Line, "is required: expected a weight per issue");
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var issue in issues)
        {
            weights[issue.Id] = weightsMap.Has(issue.Id) ? Unit(weightsMap, issue.Id) : throw weightsMap.Error(issue.Id, weightsMap.Line, "has no weight: expected one per issue");
        }

        foreach (var key in weightsMap.Keys.Where(k => issues.All(i => i.Id != k)))
        {
            throw weightsMap.Error(key, weightsMap.LineOf(key), $"is not an issue: expected one of {string.Join(", ", issues.Select(i => i.Id))}");
        }

        var sum = weights.Values.Sum();
        if (Math.Abs(sum - 1) > 1e-6)
        {
            throw map.Error("weights", map.LineOf("weights"), $"sum to {sum.ToString("0.######", CultureInfo.InvariantCulture)}: expected 1");
        }

        var valuesMap = map.OptionalMap("values") ?? throw map.Error("values", map.Line, "is required: expected a value function per issue");
        foreach (var key in valuesMap.Keys.Where(k => issues.All(i => i.Id != k)))
        {
            throw valuesMap.Error(key, valuesMap.LineOf(key), $"is not an issue: expected one of {string.Join(", ", issues.Select(i => i.Id))}");
        }

        var values = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        var derived = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var issue in issues)
        {
            var spec = valuesMap.OptionalMap(issue.Id) ?? throw valuesMap.Error(issue.Id, valuesMap.Line, "has no value function: expected option values, linear or derived");
            if (spec.Has("linear"))
            {
                values[issue.Id] = Linear(spec, issue);
            }
            else if (spec.Has("derived"))
            {
                var (raw, how) = derive?.Invoke(party, spec, issue.Options) ?? throw spec.Error("derived", spec.LineOf("derived"), "cannot be computed here: no data to derive from");
                values[issue.Id] = Normalise(raw);
                derived[issue.Id] = how;
            }
            else
            {
                spec.OnlyKeys([.. issue.Options]);
                values[issue.Id] = issue.Options.ToDictionary(o => o, o => spec.Has(o) ? Unit(spec, o) : throw spec.Error(o, spec.Line, $"has no value: expected a value in [0, 1] for every option of {issue.Id}"), StringComparer.Ordinal);
            }
        }

        return new Preferences(party, weights, values, reservation, derived);
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

    private static Constraint Constraint(YamlMap map, List<Issue> issues)
    {
        map.OnlyKeys("id", "title", "issue", "when", "requires", "allowed");
        var issue = Known(map, "issue", issues);
        var requires = Known(map, "requires", issues);
        var when = Options(map, "when", issue);
        var allowed = Options(map, "allowed", requires);
        return new Constraint(map.String("id"), map.String("title"), issue.Id, when, requires.Id, allowed);
    }

    private static Issue Known(YamlMap map, string key, List<Issue> issues)
    {
        var id = map.String(key);
        return issues.FirstOrDefault(i => i.Id == id) ?? throw map.Error(key, map.LineOf(key), $"'{id}' is not an issue: expected one of {string.Join(", ", issues.Select(i => i.Id))}");
    }

    private static IReadOnlyList<string> Options(YamlMap map, string key, Issue issue)
    {
        var options = map.List(key);
        foreach (var o in options.Where(o => !issue.Options.Contains(o, StringComparer.Ordinal)))
        {
            throw map.Error(key, map.LineOf(key), $"'{o}' is not an option of {issue.Id}: expected one of {string.Join(", ", issue.Options)}");
        }

        return options.Count == 0 ? throw map.Error(key, map.LineOf(key), "is required: expected at least one option") : options;
    }

    private static double Unit(YamlMap map, string key)
    {
        var text = map.String(key);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is >= 0 and <= 1
            ? v
            : throw map.Error(key, map.LineOf(key), $"'{text}' is not valid: expected a number from 0 to 1");
    }
}
