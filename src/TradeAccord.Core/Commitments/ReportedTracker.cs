using System.Globalization;
using TradeAccord.Core.Agreements;
using TradeAccord.Core.Common;

namespace TradeAccord.Core.Commitments;

/// <summary>
/// Commitments in physical units against reported figures: for each target period in a window, every statistic
/// that measures it (purchases, exports, arrivals) side by side, with the latest figure, the rows it comes from and
/// the gap to the figure due. Figures are summed only where they allow it: single months of one statistic, never a
/// year-to-date or cumulative figure with anything.
/// </summary>
public static class ReportedTracker
{
    /// <summary>
    /// How far before a period a cumulative figure may start and still measure it: a count "since 2025-10-30" (the
    /// day of the meeting) measures the pledge for November and December; one since the marketing year began in
    /// September does not.
    /// </summary>
    public static readonly int StartToleranceDays = 7;

    /// <summary>Tracks each physical commitment of <paramref name="agreement"/> whose targets fall in <paramref name="window"/>.</summary>
    /// <param name="agreement">The agreement.</param>
    /// <param name="series">The stored series the figures are from.</param>
    /// <param name="vintage">Its vintage.</param>
    /// <param name="figures">The vintage's figures.</param>
    /// <param name="window">The dates tracked, e.g. a calendar year.</param>
    public static ReportedTrackReport Track(Agreement agreement, string series, string vintage, IReadOnlyList<ReportedFigure> figures, DateInterval window)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(figures);
        var rows = new List<ReportedProgress>();
        foreach (var commitment in agreement.Purchases.Where(p => p.IsPhysical && p.MeasuredBy.Contains(series, StringComparer.Ordinal)))
        {
            foreach (var target in commitment.Targets.Where(t => Overlaps(t.Period, window)))
            {
                var due = target.Due * Scale(commitment.Unit);
                var measured = Enum.GetValues<Statistic>().Select(s => Measure(s, figures.Where(f => f.Statistic == s).ToList(), target.Period, due)).ToList();
                rows.Add(new ReportedProgress(commitment.Id, commitment.Title, target.Label, target.Period, due, measured));
            }
        }

        return new ReportedTrackReport(agreement.Id, series, vintage, window, rows);
    }

    private static StatisticFigure Measure(Statistic statistic, List<ReportedFigure> figures, DateInterval period, decimal due)
    {
        var latestStart = period.Start.AddDays(-StartToleranceDays);
        // A figure over a span of its own (a year to date, since a day, a whole period) counts when it starts with the
        // period; the latest published one answers, and others stating the same figure corroborate it.
        var whole = figures.Where(f => f.Cumulation != Cumulation.Month && f.Tonnes is not null && f.Span.Start >= latestStart && f.Span.Start < period.End).ToList();
        var months = Months(figures, period);
        if (whole.Count > 0)
        {
            var latest = whole.MaxBy(f => (f.AsOf, f.Line))!;
            var same = whole.Where(f => f.Tonnes == latest.Tonnes).OrderBy(f => f.AsOf).ThenBy(f => f.Line).ToList();
            var others = whole.Except(same).OrderBy(f => f.AsOf).ThenBy(f => f.Line).ToList();
            return new(statistic, latest.Tonnes, latest.Period, latest.AsOf, same, others, due - latest.Tonnes!.Value, null);
        }

        if (months.Count > 0)
        {
            var sum = months.Sum(f => f.Tonnes!.Value);
            var span = months.Count == 1 ? months[0].Period : $"{months[0].Period}..{months[^1].Period}";
            var lastReported = months.Max(f => f.AsOf);
            var note = months[0].Span.Start < period.Start ? "months before the period are included because their figures are zero: the sum is unchanged" : null;
            return new(statistic, sum, span, lastReported, months, [], due - sum, note);
        }

        var before = figures.Where(f => f.Span.Start < period.End).MaxBy(f => (f.Span.End, f.AsOf, f.Line));
        return new(statistic, null, "", null, [], before is null ? [] : [before], null,
            before is null ? "no figure" : "no figure for the period; the latest before it is listed for context");
    }

    // The months of the period that have a figure in tonnes, summed only while they run without a gap from the
    // period's first month; earlier months are added only while their figure is zero, which says how long nothing
    // arrived without changing the sum.
    private static List<ReportedFigure> Months(List<ReportedFigure> figures, DateInterval period)
    {
        var monthly = figures.Where(f => f.Cumulation == Cumulation.Month && f.Tonnes is not null)
            .GroupBy(f => f.Span.Start).ToDictionary(g => g.Key, g => g.MaxBy(f => (f.AsOf, f.Line))!);
        var run = new List<ReportedFigure>();
        for (var month = period.Start; month < period.End && monthly.TryGetValue(month, out var figure); month = month.AddMonths(1))
        {
            run.Add(figure);
        }

        if (run.Count == 0)
        {
            return run;
        }

        for (var month = period.Start.AddMonths(-1); run.All(f => f.Tonnes == 0m) && monthly.TryGetValue(month, out var earlier) && earlier.Tonnes == 0m; month = month.AddMonths(-1))
        {
            run.Insert(0, earlier);
        }

        return run;
    }

    private static bool Overlaps(DateInterval a, DateInterval b) => a.Start < b.End && b.Start < a.End;

    private static decimal Scale(string unit) => unit switch
    {
        "million t" => 1_000_000m,
        "thousand t" => 1_000m,
        _ => 1m,
    };

    /// <summary>Tonnes as a short figure, e.g. "12 Mt", "0 t", "16.82 Mt".</summary>
    public static string Tonnes(decimal? tonnes) => tonnes switch
    {
        null => "-",
        0m => "0 t",
        var t when Math.Abs(t.Value) >= 100_000m => $"{(t.Value / 1_000_000m).ToString("0.###", CultureInfo.InvariantCulture)} Mt",
        var t => $"{t.Value.ToString("#,0", CultureInfo.InvariantCulture)} t",
    };
}

/// <summary>Reported figures against an agreement's physical commitments in a window.</summary>
/// <param name="Agreement">Agreement id.</param>
/// <param name="Series">Stored series of the figures.</param>
/// <param name="Vintage">Its vintage.</param>
/// <param name="Window">The dates tracked.</param>
/// <param name="Commitments">One row per commitment and target period.</param>
public sealed record ReportedTrackReport(string Agreement, string Series, string Vintage, DateInterval Window, IReadOnlyList<ReportedProgress> Commitments);

/// <summary>One target period of a commitment, with every statistic measuring it.</summary>
/// <param name="Commitment">Provision id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Period">The target's period, as labelled.</param>
/// <param name="Span">The period as dates.</param>
/// <param name="DueTonnes">The figure due, in tonnes.</param>
/// <param name="Statistics">Purchases, exports and arrivals, in that order.</param>
public sealed record ReportedProgress(string Commitment, string Title, string Period, DateInterval Span, decimal DueTonnes, IReadOnlyList<StatisticFigure> Statistics);

/// <summary>What one statistic says of a target period.</summary>
/// <param name="Statistic">The statistic.</param>
/// <param name="Tonnes">The figure, summed over months where that is allowed; null when there is none for the period.</param>
/// <param name="Span">The span of the figure, as written.</param>
/// <param name="AsOf">The latest as-of day of the rows behind it.</param>
/// <param name="Rows">The rows the figure comes from (the months summed, or every row stating the same figure).</param>
/// <param name="Others">Other rows: earlier different figures for the period, or the latest figure before it.</param>
/// <param name="GapTonnes">Due minus the figure; null without a figure.</param>
/// <param name="Note">Why the figure is what it is, when that needs saying.</param>
public sealed record StatisticFigure(Statistic Statistic, decimal? Tonnes, string Span, DateOnly? AsOf, IReadOnlyList<ReportedFigure> Rows,
    IReadOnlyList<ReportedFigure> Others, decimal? GapTonnes, string? Note);
