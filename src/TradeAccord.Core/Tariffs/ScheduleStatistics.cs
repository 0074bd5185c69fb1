using TradeAccord.Core.Common;

namespace TradeAccord.Core.Tariffs;

/// <summary>How many lines a heading (or a nomenclature layer) covers on a date.</summary>
/// <param name="Heading">The heading, or null for a layer without one (an HTS revision's general rates).</param>
/// <param name="Title">The measure's name.</param>
/// <param name="MeasureIds">The measures counted (several when one heading has several measures on the date).</param>
/// <param name="Status">Status of the measures on the date.</param>
/// <param name="Lines8">Covered lines listed at 8 digits.</param>
/// <param name="Lines10">Covered lines listed at 10 digits.</param>
public sealed record HeadingCount(string? Heading, string Title, IReadOnlyList<string> MeasureIds, MeasureStatus Status, int Lines8, int Lines10);

/// <summary>Counts of covered lines per heading, as the USITC China Tariffs table reports them.</summary>
public static class ScheduleStatistics
{
    /// <summary>The measures of <paramref name="importer"/> valid on <paramref name="date"/>, counted per heading.</summary>
    public static IReadOnlyList<HeadingCount> On(TariffSchedule schedule, CountryCode importer, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (!schedule.TryGetImporter(importer, out var measures))
        {
            return [];
        }

        return [.. measures.Measures
            .Where(m => m.Validity.Contains(date) && !m.RequiresClaim)
            .GroupBy(m => m.Heading ?? m.Title, StringComparer.Ordinal)
            .Select(g =>
            {
                var lines = g.SelectMany(m => m.Coverage.Lines).Distinct().ToList();
                var first = g.First();
                return new HeadingCount(first.Heading, first.Title, [.. g.Select(m => m.Id)], first.Status,
                    lines.Count(l => l.DigitCount == 8), lines.Count(l => l.DigitCount == 10));
            })
            .OrderBy(c => c.Heading is null ? 0 : 1).ThenBy(c => c.Heading ?? c.Title, StringComparer.Ordinal)];
    }
}
