using System.Globalization;
using TradeAccord.Core.Commitments;
using TradeAccord.Core.Common;

namespace TradeAccord.App.Tracking;

/// <summary>The JSON shape of a reported-figures track, the same from the CLI and the API; every figure names its row.</summary>
public static class ReportedTrackJson
{
    /// <summary>The report as JSON.</summary>
    public static object Of(ReportedTrackReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new
        {
            agreement = report.Agreement, series = report.Series, vintage = report.Vintage,
            from = Day(report.Window.Start), to = Day(report.Window.End),
            commitments = report.Commitments.Select(c => new
            {
                id = c.Commitment, title = c.Title, period = c.Period, from = Day(c.Span.Start), to = Day(c.Span.End), dueTonnes = c.DueTonnes,
                statistics = c.Statistics.Select(s => new
                {
                    statistic = s.Statistic.ToKebab(), tonnes = s.Tonnes, span = s.Span, asOf = s.AsOf is { } d ? Day(d) : null,
                    gapTonnes = s.GapTonnes, summary = Summary(s), note = s.Note,
                    rows = s.Rows.Select(Row), others = s.Others.Select(Row),
                }),
            }),
        };
    }

    /// <summary>E.g. "12 Mt purchased (traders (via WSNext), 2026-01-12; ...)" or "no figure".</summary>
    public static string Summary(StatisticFigure s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (s.Tonnes is null)
        {
            return $"no {s.Statistic.ToKebab()} figure for the period";
        }

        var verb = s.Statistic switch { Statistic.Purchases => "reported purchased", Statistic.Exports => "exported", _ => "arrived" };
        var sources = s.Rows.Select(r => r.Source).Distinct(StringComparer.Ordinal).Count() == 1 && s.Rows.Count > 1
            ? $"{s.Rows[0].Source}, {s.Span}"
            : string.Join("; ", s.Rows.Select(r => $"{r.Source}, {r.AsOfText}"));
        return $"{ReportedTracker.Tonnes(s.Tonnes)} {verb} ({sources})";
    }

    private static object Row(ReportedFigure r) => new
    {
        line = r.Line, statistic = r.Statistic.ToKebab(), cumulation = r.Cumulation.ToKebab(), figure = r.Figure, unit = r.Unit, period = r.Period,
        asOf = r.AsOfText, source = r.Source, confidence = r.Confidence.ToKebab(), url = r.Url, note = r.Note,
    };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
