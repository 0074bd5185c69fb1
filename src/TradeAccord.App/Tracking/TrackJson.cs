using TradeAccord.Core.Commitments;
using TradeAccord.Core.Common;

namespace TradeAccord.App.Tracking;

/// <summary>The JSON shape of a tracking report: fixed names, amounts in USD, percentOfTarget in percent.</summary>
public static class TrackJson
{
    /// <summary>The JSON shape of a tracking report.</summary>
    public static object Of(TrackReport r) => new
    {
        series = r.Series,
        vintage = r.Vintage,
        period = new { from = Month(r.From), to = Month(r.Through), windowEnd = Month(r.WindowEnd) },
        continuedBy = r.Continuation is { } c ? new { series = c.Series, vintage = c.Vintage, from = Month(c.From), to = Month(c.Through) } : null,
        window = r.Options.Window.ToKebab(),
        years = r.Options.Years,
        weights = r.Options.Weights.ToKebab(),
        categories = r.Categories.Select(c => new
        {
            name = c.Name,
            commitment = c.Commitment,
            hasData = c.HasData,
            baseline = c.Progress.Baseline,
            target = Round(c.Progress.Target),
            actual = c.Progress.Actual,
            percentOfTarget = c.Progress.PercentOfTarget,
            shortfall = c.Progress.Shortfall is { } cs ? Round(cs) : (decimal?)null,
            hasTarget = c.Progress.HasTarget,
            fullTarget = Round(c.Progress.FullTarget),
            projected = c.Progress.Projected,
            baselineYearTotal = c.BaselineYearTotal,
            suspended = c.Suspended is { } s ? new { from = s.From, condition = s.Condition, reason = s.Reason } : null,
            subcategories = c.Subcategories.Select(s => new { name = s.Name, baseline = s.Baseline, actual = s.Actual }),
            months = c.Months.Select(m => new
            {
                month = Month(m.Month), target = Round(m.Target), actual = m.Actual,
                cumulativeTarget = Round(m.CumulativeTarget), cumulativeActual = m.CumulativeActual, suspended = m.Suspended,
            }),
        }),
        total = new
        {
            baseline = r.Total.Baseline,
            target = Round(r.Total.Target),
            actual = r.Total.Actual,
            percentOfTarget = r.Total.PercentOfTarget,
            shortfall = r.Total.Shortfall is { } ts ? Round(ts) : (decimal?)null,
            fullTarget = Round(r.Total.FullTarget),
            projected = r.Total.Projected,
        },
        coverage = new
        {
            covered = r.Coverage.Covered,
            uncovered = r.Coverage.Uncovered,
            gaps = r.Coverage.Gaps.Select(g => new { annexCode = g.Line.Code, category = g.Line.Category, subcategory = g.Line.Subcategory, match = g.Match.ToKebab(), tradeCodes = g.TradeCodes }),
        },
        notes = r.Notes,
    };

    /// <summary>A month as yyyy-MM.</summary>
    public static string Month(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    // Targets are shares of yearly figures; cents are the finest unit any figure here carries.
    /// <summary>Rounds to the cent.</summary>
    public static decimal Round(decimal value) => Math.Round(value, 2);
}
