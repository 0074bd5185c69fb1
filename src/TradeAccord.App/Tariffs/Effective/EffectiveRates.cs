using TradeAccord.App.Tariffs.History;
using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.App.Tariffs.Effective;

/// <summary>The answer to an effective-rate question: the figure on each date on which it changed.</summary>
/// <param name="Question">What was asked.</param>
/// <param name="ScheduleName">The schedule (baseline or scenario) used.</param>
/// <param name="Points">The first date and each date on which a figure changed; each holds until the next.</param>
/// <param name="Warnings">What the reader must know (the EU aggregate priced as one member).</param>
public sealed record EffectiveRates(EffectiveQuestion Question, string ScheduleName, IReadOnlyList<EffectiveFigure> Points, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Weights every line's rate by the partners' 2024 imports, on the date asked or on every day of the series.
    /// </summary>
    /// <remarks>
    /// Rates are piecewise constant between the dates on which a measure starts or ends, so a series prices every line
    /// once on its first date and then, on each such date only, the lines the measures starting or ending there cover
    /// for the partners' origins (every line when the nomenclature changes); the running sums are adjusted by the
    /// difference. The measures are taken as they come, whatever their authority, so new kinds need no change here.
    /// </remarks>
    /// <exception cref="Core.Errors.OutsideDataException">A date outside the data.</exception>
    public static EffectiveRates Of(TariffSchedule schedule, EffectiveQuestion question)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(question);
        var (from, to) = PeriodFields.Within(schedule.DataPeriod, question.From, question.To);
        var book = new RateBook(schedule, question.Partners, from);
        var points = new List<EffectiveFigure> { book.Figure(from) };
        if (schedule.TryGetImporter(CountryCode.US, out var importer))
        {
            foreach (var (date, measures) in Edges(importer, question.Partners, from, to))
            {
                book.Reprice(date, measures);
                var figure = book.Figure(date);
                if (!figure.SameFigures(points[^1]))
                {
                    points.Add(figure);
                }
            }
        }

        var warnings = question.Partners.Any(p => p.Partner.Iso is null)
            ? new[] { $"the European Union is one aggregate in the imports file: its lines are priced as goods of {CensusPartner.EuStandIn} (the US treats every member alike)" }
            : [];
        return new EffectiveRates(question, schedule.Name, points, warnings);
    }

    /// <summary>The figure in force on <paramref name="date"/> (the last point on or before it).</summary>
    public EffectiveFigure On(DateOnly date) => Points.Last(p => p.Date <= date);

    // The dates after the first on which a measure that can reach the partners' goods starts or ends, with those measures.
    private static SortedDictionary<DateOnly, List<Measure>> Edges(ImporterSchedule importer, IReadOnlyList<PartnerImports> partners, DateOnly from, DateOnly to)
    {
        var origins = partners.Select(p => p.Partner.Origin).Distinct().ToList();
        var edges = new SortedDictionary<DateOnly, List<Measure>>();
        foreach (var measure in importer.Measures)
        {
            if (!measure.DefinesNomenclature && !origins.Any(measure.Origins.Includes))
            {
                continue;
            }

            var dates = new SortedSet<DateOnly>();
            LineHistory.AddEdges(dates, measure.Validity, from, to);
            foreach (var date in dates)
            {
                if (!edges.TryGetValue(date, out var list))
                {
                    edges[date] = list = [];
                }

                list.Add(measure);
            }
        }

        return edges;
    }
}
