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
        var runs = Runs(hts);
        if (runs.Count == 0)
        {
            return measures;
        }

        var first = runs[0].From;
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

            result.AddRange(Parts(measure, heading, runs, first));
        }

        return result;
    }

    private static IEnumerable<Measure> Parts(Measure measure, string heading, List<(DateOnly From, DateOnly? To, IReadOnlyDictionary<string, ProductCoverage> Coverage)> runs, DateOnly first)
    {
        // Consecutive revisions that give the heading the same lines form one part.
        var parts = new List<(DateOnly From, DateOnly? To, ProductCoverage Coverage, string Revisions)>();
        foreach (var (from, to, coverage) in runs)
        {
            var lines = coverage.TryGetValue(heading, out var c) ? c : new ProductCoverage(heading + "-none", new Dictionary<ProductCode, DutyRate?>());
            if (parts.Count > 0 && parts[^1].Coverage.Lines.ToHashSet().SetEquals(lines.Lines))
            {
                parts[^1] = parts[^1] with { To = to };
                continue;
            }

            parts.Add((from, to, lines, from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var start = measure.Validity.Start > first ? measure.Validity.Start : first;
        foreach (var (from, to, coverage, _) in parts)
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

    // One entry per footnoted revision: its dates and every heading's lines.
    private static List<(DateOnly From, DateOnly? To, IReadOnlyDictionary<string, ProductCoverage> Coverage)> Runs(CompiledHts hts)
    {
        var runs = new List<(DateOnly, DateOnly?, IReadOnlyDictionary<string, ProductCoverage>)>();
        for (var i = 0; i < hts.Revisions.Count; i++)
        {
            var coverage = hts.FootnoteCoverage(i);
            if (coverage.Count == 0)
            {
                continue;
            }

            runs.Add((hts.Revisions[i].InForceFrom, i + 1 < hts.Revisions.Count ? hts.Revisions[i + 1].InForceFrom : null, coverage));
        }

        return runs;
    }

    private static DateOnly? Earlier(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
