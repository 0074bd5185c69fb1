using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Hts;

namespace TradeAccord.Sources.Section301;

/// <summary>
/// Gives the Section 301 list measures (Lists 1 to 4B) their coverage from the HTS itself wherever the shipped
/// revisions carry footnotes ("See 9903.88.03."), instead of the USITC table of 2020 in that year's codes.
/// </summary>
/// <remarks>
/// A list measure still open at the first revision with footnotes is cut there; from that date one part follows per
/// run of revisions whose footnotes give the heading the same lines, each with id <c>{id}@{date}</c> (the form
/// scenarios and agreements already read as the same measure line, see <see cref="MeasureLineage"/>). Before it, the
/// 2020 table answers, as it did.
/// </remarks>
public static class Section301FootnoteCoverage
{
    /// <summary>The chapter 99 headings of the lists whose lines the HTS marks by footnote.</summary>
    public static readonly IReadOnlySet<string> ListHeadings = new HashSet<string>(StringComparer.Ordinal)
    {
        "9903.88.01", "9903.88.02", "9903.88.03", "9903.88.04", "9903.88.15", "9903.88.16",
    };

    /// <summary>The measures with each open list measure split at the footnoted revisions.</summary>
    public static List<Measure> Apply(List<Measure> measures, CompiledHts hts)
    {
        var runs = ListHeadings.ToDictionary(h => h, h => hts.FootnoteRuns(h).ToList(), StringComparer.Ordinal);
        var footnoted = runs.Values.SelectMany(r => r).Select(r => r.First).DefaultIfEmpty(-1).Min();
        if (footnoted < 0)
        {
            return measures;
        }

        var first = hts.Revisions[footnoted].InForceFrom;
        var result = new List<Measure>(measures.Count + 16);
        foreach (var measure in measures)
        {
            if (measure.Kind != MeasureKind.Section301 || measure.Heading is not { } heading || !ListHeadings.Contains(heading) ||
                measure.Validity.EndOrNull is { } end && end <= first)
            {
                result.Add(measure);
                continue;
            }

            if (measure.Validity.Start < first)
            {
                result.Add(measure with { Validity = new DateInterval(measure.Validity.Start, first) });
            }

            result.AddRange(Parts(measure, heading, Segments(hts, heading, runs[heading], footnoted), first));
        }

        return result;
    }

    // The heading's lines over the footnoted revisions, one entry per run of revisions that give it the same lines.
    private static List<(DateOnly From, DateOnly? To, ProductCoverage Coverage)> Segments(
        CompiledHts hts, string heading, List<(ProductCode Code, int First, int Last)> runs, int footnoted)
    {
        var count = hts.Revisions.Count;
        var starts = runs.Select(r => r.First).Concat(runs.Select(r => r.Last + 1)).Append(footnoted)
            .Where(r => r >= footnoted && r < count).Distinct().Order().ToList();
        var segments = new List<(DateOnly From, DateOnly? To, ProductCoverage Coverage)>();
        HashSet<ProductCode>? previous = null;
        for (var k = 0; k < starts.Count; k++)
        {
            var revision = starts[k];
            var lines = runs.Where(r => r.First <= revision && revision <= r.Last).Select(r => r.Code).ToHashSet();
            var to = k + 1 < starts.Count ? hts.Revisions[starts[k + 1]].InForceFrom : (DateOnly?)null;
            if (previous is not null && previous.SetEquals(lines))
            {
                segments[^1] = segments[^1] with { To = to };
                continue;
            }

            segments.Add((hts.Revisions[revision].InForceFrom, to,
                new ProductCoverage($"{heading}-footnotes-{revision}", lines.ToDictionary(c => c, _ => (DutyRate?)null))));
            previous = lines;
        }

        return segments;
    }

    private static IEnumerable<Measure> Parts(Measure measure, string heading, List<(DateOnly From, DateOnly? To, ProductCoverage Coverage)> segments, DateOnly first)
    {
        var start = measure.Validity.Start > first ? measure.Validity.Start : first;
        foreach (var (from, to, coverage) in segments)
        {
            var partFrom = from > start ? from : start;
            var partTo = Earlier(to, measure.Validity.EndOrNull);
            if (partTo is { } t && t <= partFrom)
            {
                continue;
            }

            yield return measure with
            {
                Id = $"{measure.Id}@{partFrom:yyyy-MM-dd}",
                Coverage = coverage,
                Validity = new DateInterval(partFrom, partTo),
                Source = "hts/hts_lines_compiled.csv (footnotes \"See " + heading + ".\" of the revisions in force)",
            };
        }
    }

    private static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
