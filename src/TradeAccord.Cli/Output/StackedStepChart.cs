using ScottPlot;

namespace TradeAccord.Cli.Output;

/// <summary>One band of a stacked step chart: its label and its height from each change date on.</summary>
/// <param name="Label">The legend text.</param>
/// <param name="Heights">One height per change date (percent), held until the next date.</param>
internal sealed record StepBand(string Label, double[] Heights);

/// <summary>
/// Draws bands stacked on one another as step areas over dates (a rate held from each change date to the next), for
/// a line's layers and for effective rates by authority. Dates are the x axis; heights are percent.
/// </summary>
internal static class StackedStepChart
{
    /// <summary>Writes the chart to <paramref name="path"/> (.svg or .png).</summary>
    /// <param name="path">The file.</param>
    /// <param name="title">The title.</param>
    /// <param name="dates">The change dates, ascending.</param>
    /// <param name="end">The last day shown (the last band's step runs to it).</param>
    /// <param name="bands">The bands, bottom first.</param>
    public static void Save(string path, string title, IReadOnlyList<DateOnly> dates, DateOnly end, IReadOnlyList<StepBand> bands)
    {
        ChartFonts.Register();
        var plot = new Plot();
        var x = dates.Select(X).Append(X(end.AddDays(1))).ToArray();
        var below = new double[dates.Count];
        var palette = new ScottPlot.Palettes.Category10();
        var index = 0;
        foreach (var band in bands)
        {
            var above = below.Zip(band.Heights, (b, h) => b + h).ToArray();
            if (band.Heights.Any(h => h != 0))
            {
                var polygon = plot.Add.Polygon(Outline(x, below, above));
                var color = palette.GetColor(index);
                polygon.FillStyle.Color = color.WithAlpha(0.75);
                polygon.LineStyle.Color = color;
                polygon.LegendText = band.Label;
            }

            index++;
            below = above;
        }

        // ISO dates, whatever the machine's culture.
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.DateTimeAutomatic
        {
            LabelFormatter = d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        plot.Axes.SetLimitsY(0, Math.Max(1, below.DefaultIfEmpty(0).Max()) * 1.1);
        plot.Title(title);
        plot.YLabel("Ad valorem, %");
        plot.ShowLegend(Alignment.UpperLeft);
        ChartFonts.SaveAs(plot, path);
    }

    // The band's outline: along its top step by step, then back along the top of the band below.
    private static Coordinates[] Outline(double[] x, double[] below, double[] above)
    {
        var points = new List<Coordinates>();
        for (var i = 0; i < above.Length; i++)
        {
            points.Add(new Coordinates(x[i], above[i]));
            points.Add(new Coordinates(x[i + 1], above[i]));
        }

        for (var i = below.Length - 1; i >= 0; i--)
        {
            points.Add(new Coordinates(x[i + 1], below[i]));
            points.Add(new Coordinates(x[i], below[i]));
        }

        return [.. points];
    }

    private static double X(DateOnly date) => date.ToDateTime(TimeOnly.MinValue).ToOADate();
}
