using ScottPlot;
using TradeAccord.App.Tracking;
using TradeAccord.Core.Commitments;

namespace TradeAccord.Cli.Output;

/// <summary>
/// Draws cumulative actual purchases (solid) against the cumulative target (dashed) for each category of a report,
/// in USD billion, titled and labelled for a report. The fonts travel with the program: a server without fonts
/// would otherwise draw a chart with no text at all.
/// </summary>
internal static class TrackChart
{
    /// <summary>Writes the chart to <paramref name="path"/> (.svg or .png).</summary>
    public static void Save(TrackReport report, string path, int width = 1000, int height = 600)
    {
        ChartFonts.Register();
        var plot = new Plot();
        var palette = new[] { Colors.C0, Colors.C1, Colors.C2, Colors.C3, Colors.C4 };
        var index = 0;
        foreach (var category in report.Categories.Where(c => c.HasData && c.Months.Count > 0))
        {
            var color = palette[index++ % palette.Length];
            double[] months = [.. category.Months.Select((_, i) => (double)i)];
            var actual = plot.Add.ScatterLine(months, [.. category.Months.Select(m => (double)(m.CumulativeActual / 1e9m))], color);
            actual.LegendText = $"{category.Name}: actual";
            actual.LineWidth = 2.5f;
            var target = plot.Add.ScatterLine(months, [.. category.Months.Select(m => (double)(m.CumulativeTarget / 1e9m))], color);
            target.LegendText = $"{category.Name}: target";
            target.LineWidth = 2f;
            target.LinePattern = LinePattern.Dashed;
        }

        // Months are positions 0..n-1 with their own labels: exact, whatever the time zone or calendar rounding.
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        var labelled = report.Categories.FirstOrDefault(c => c.Months.Count > 0)?.Months ?? [];
        var step = labelled.Count > 12 ? 2 : 1;
        for (var i = 0; i < labelled.Count; i += step)
        {
            ticks.AddMajor(i, TrackJson.Month(labelled[i].Month));
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Right.MinimumSize = 30;
        var highest = report.Categories.SelectMany(c => c.Months).Select(m => (double)(Math.Max(m.CumulativeActual, m.CumulativeTarget) / 1e9m)).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsY(0, highest * 1.05);
        plot.Title($"Purchases against the {report.Options.Weights.ToString().ToLowerInvariant()} target, {TrackJson.Month(report.From)} to {TrackJson.Month(report.Through)}\n"
                   + $"{report.Series} ({report.Vintage}): {(report.Total.PercentOfTarget is { } p ? $"{p:0.0}% of target" : "no numeric target")}");
        plot.XLabel("Month");
        plot.YLabel("Cumulative, USD billion");
        plot.ShowLegend(Alignment.UpperLeft);
        ChartFonts.SaveAs(plot, path, width, height);
    }
}
