using System.Globalization;
using TradeAccord.Core.Negotiation;
using TradeAccord.Sources.Documents;
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
/// Every problem in the document is reported at once, each with its line and field.
/// </summary>
public static class NegotiationReader
{
    /// <summary>Reads <paramref name="path"/>, safely (<see cref="DocumentText.ReadFile"/>).</summary>
    /// <param name="path">The file.</param>
    /// <param name="displayName">The name errors give the file.</param>
    /// <param name="derive">Computes <c>derived</c> values; without it they are refused.</param>
    /// <exception cref="SourceException">The file is unreadable or malformed: every problem is named, with its line.</exception>
    public static NegotiationDomain Read(string path, string displayName, ValueDeriver? derive = null) =>
        Parse(DocumentText.ReadFile(path, displayName), displayName, derive);

    /// <summary>Reads a domain from YAML or JSON <paramref name="text"/>, e.g. a request body.</summary>
    /// <param name="text">The document.</param>
    /// <param name="displayName">The name errors give the document, e.g. "body".</param>
    /// <param name="derive">Computes <c>derived</c> values; without it they are refused.</param>
    /// <exception cref="SourceException">The text is too large, too deeply nested or malformed: every problem is named.</exception>
    public static NegotiationDomain Parse(string text, string displayName, ValueDeriver? derive = null)
    {
        var file = YamlMap.Parse(text, displayName);
        var problems = new SourceProblems();
        problems.Check(() => file.OnlyKeys("negotiation", "title", "description", "issues", "parties", "constraints"));
        var issues = NegotiationIssues.Read(file, problems);
        var partyMaps = problems.Get(() => file.Maps("parties"));
        var parties = (partyMaps ?? []).Select(p => NegotiationParties.Read(p, issues, derive, problems)).ToList();
        if (partyMaps is not null && partyMaps.Count != 2)
        {
            problems.Add(file.Error("parties", file.LineOf("parties"), $"has {partyMaps.Count} parties: expected exactly two"));
        }

        var constraints = (problems.Get(() => file.Maps("constraints")) ?? []).Select(c => Constraint(c, issues, problems)).ToList();
        var negotiation = problems.Get(() => file.String("negotiation"));
        var title = problems.Get(() => file.String("title"));
        problems.ThrowIfAny();

        var domain = new NegotiationDomain(
            negotiation!, title!, issues.All, [.. parties.OfType<Preferences>()], [.. constraints.OfType<Constraint>()]);
        if (OutcomeSpace.Of(domain).Count == 0)
        {
            throw file.Error("constraints", file.LineOf("constraints"), "leave no outcome possible: expected constraints that some outcome satisfies");
        }

        return domain;
    }

    private static Constraint? Constraint(YamlMap map, NegotiationIssues issues, SourceProblems problems)
    {
        var before = problems.Count;
        problems.Check(() => map.OnlyKeys("id", "title", "issue", "when", "requires", "allowed"));
        var id = problems.Get(() => map.String("id"));
        var title = problems.Get(() => map.String("title"));
        var issue = problems.Get(() => issues.Known(map, "issue"));
        var requires = problems.Get(() => issues.Known(map, "requires"));
        // Options are checked only against an issue whose own options are sound (its problem is already reported).
        var when = issue is null || !issues.IsUsable(issue) ? null : problems.Get(() => Options(map, "when", issue));
        var allowed = requires is null || !issues.IsUsable(requires) ? null : problems.Get(() => Options(map, "allowed", requires));
        return problems.Count > before || issue is null || requires is null || when is null || allowed is null
            ? null
            : new Constraint(id!, title!, issue.Id, when, requires.Id, allowed);
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

    /// <summary>A number from 0 to 1 at <paramref name="key"/>.</summary>
    internal static double Unit(YamlMap map, string key)
    {
        var text = map.String(key);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is >= 0 and <= 1
            ? v
            : throw map.Error(key, map.LineOf(key), $"'{text}' is not valid: expected a number from 0 to 1");
    }
}
