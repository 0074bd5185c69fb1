using System.Globalization;
using TradeAccord.Core.Negotiation;
using TradeAccord.Sources.Documents;
using TradeAccord.Sources.Measures;

namespace TradeAccord.Sources.Negotiation;

/// <summary>
/// The issues of a domain as read, and which of them have sound options: the parties' values and the constraints
/// are checked against those only, so one bad list of options is reported once, not again at every use.
/// </summary>
internal sealed class NegotiationIssues
{
    private readonly HashSet<string> _unusable = new(StringComparer.Ordinal);

    private NegotiationIssues()
    {
    }

    /// <summary>Every issue with a readable id, in file order.</summary>
    public List<Issue> All { get; } = [];

    /// <summary>Reads the <c>issues</c> of <paramref name="file"/>, recording problems in <paramref name="problems"/>.</summary>
    public static NegotiationIssues Read(YamlMap file, SourceProblems problems)
    {
        var issues = new NegotiationIssues();
        var items = problems.Get(() => file.Maps("issues"));
        if (items is { Count: 0 } || (items is null && !file.Has("issues")))
        {
            problems.Add(file.Error("issues", file.Line, "is required: expected a list of issues with their options"));
        }

        foreach (var item in items ?? [])
        {
            issues.Add(item, problems);
        }

        // Checked before anything enumerates the outcomes; the product stops growing once past the limit, so it
        // never overflows.
        var outcomes = issues.All.Aggregate(1L, (n, i) => n > DocumentLimits.MaxOutcomes ? n : n * Math.Max(i.Options.Count, 1));
        if (outcomes > DocumentLimits.MaxOutcomes)
        {
            var limit = DocumentLimits.MaxOutcomes.ToString("N0", CultureInfo.InvariantCulture);
            problems.Add(file.Error("issues", file.LineOf("issues"),
                $"allow more than {limit} outcomes (the product of the option counts): expected fewer issues or options"));
        }

        return issues;
    }

    /// <summary>Whether <paramref name="issue"/>'s options are sound, so values and constraints can be checked against them.</summary>
    public bool IsUsable(Issue issue) => !_unusable.Contains(issue.Id);

    /// <summary>The ids, for messages: "a, b".</summary>
    public string Ids => string.Join(", ", All.Select(i => i.Id));

    /// <summary>The issue named at <paramref name="key"/>.</summary>
    /// <exception cref="SourceException">No issue has that id.</exception>
    public Issue Known(YamlMap map, string key)
    {
        var id = map.String(key);
        return All.FirstOrDefault(i => i.Id == id)
            ?? throw map.Error(key, map.LineOf(key), $"'{id}' is not an issue: expected one of {Ids}");
    }

    private void Add(YamlMap item, SourceProblems problems)
    {
        problems.Check(() => item.OnlyKeys("id", "title", "options", "note"));
        var id = problems.Get(() => item.String("id"));
        var title = problems.Get(() => item.String("title"));
        var options = problems.Get(() => item.List("options"));
        if (id is null)
        {
            return;
        }

        if (All.Any(i => i.Id == id))
        {
            problems.Add(item.Error("id", item.LineOf("id"), $"'{id}' is already an issue: expected issue ids unique"));
            return;
        }

        if (options is not null && (options.Count < 2 || options.Distinct(StringComparer.Ordinal).Count() != options.Count))
        {
            problems.Add(item.Error("options", item.LineOf("options"), "expected at least two distinct options"));
            options = null;
        }

        if (options is null)
        {
            _unusable.Add(id);
        }

        All.Add(new Issue(id, title ?? "", options ?? []));
    }
}
