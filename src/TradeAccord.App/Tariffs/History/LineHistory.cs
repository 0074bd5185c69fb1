using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.App.Tariffs.History;

/// <summary>A line's duty over a period: the quote on every date on which the total or the set of layers changed.</summary>
/// <param name="Question">What was asked.</param>
/// <param name="ScheduleName">The schedule (baseline or scenario) used.</param>
/// <param name="From">First entry date.</param>
/// <param name="To">Last entry date (inclusive).</param>
/// <param name="Changes">The first date and every date on which something changed, in order.</param>
public sealed record LineHistory(HistoryQuestion Question, string ScheduleName, DateOnly From, DateOnly To, IReadOnlyList<HistoryChange> Changes)
{
    /// <summary>
    /// The history of <paramref name="question"/>'s line between the dates asked (by default the whole data period).
    /// </summary>
    /// <remarks>
    /// Rates are constant between the dates on which a measure covering the line starts or ends and on which the
    /// nomenclature (HTS revision) changes, so the line is quoted on those dates only, whatever the measures are
    /// called or how many there are; a date is kept when its total or its layers differ from the date before.
    /// </remarks>
    /// <exception cref="Core.Errors.OutsideDataException">The period reaches outside the data.</exception>
    public static LineHistory Of(TariffSchedule schedule, HistoryQuestion question)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(question);
        var (from, to) = PeriodFields.Within(schedule.DataPeriod, question.From, question.To);
        var changes = new List<HistoryChange>();
        HistoryChange? previous = null;
        foreach (var date in Boundaries(schedule, question, from, to))
        {
            var shipment = new Shipment(question.Code, question.Origin, date, ClaimExclusions: question.ClaimExclusion);
            var result = DutyCalculator.Quote(schedule, question.Importer, shipment);
            var change = result.TryGetValue(out var quote) ? HistoryChange.Of(date, quote) : HistoryChange.Unpriced(date, result.Error!);
            if (previous is null || change.Signature != previous.Signature)
            {
                changes.Add(change);
                previous = change;
            }
        }

        return new LineHistory(question, schedule.Name, from, to, changes);
    }

    /// <summary>
    /// The dates on which the line's duty can change inside [<paramref name="from"/>, <paramref name="to"/>]: the
    /// first date, and each start and end of a measure that covers the line (or an ancestor) for the origin, and of
    /// each nomenclature layer.
    /// </summary>
    public static IReadOnlyList<DateOnly> Boundaries(TariffSchedule schedule, HistoryQuestion question, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(question);
        var dates = new SortedSet<DateOnly> { from };
        if (!schedule.TryGetImporter(question.Importer, out var importer))
        {
            return [.. dates];
        }

        foreach (var measure in importer.Measures)
        {
            if (measure.DefinesNomenclature || (measure.Origins.Includes(question.Origin) && measure.Coverage.Covers(question.Code)))
            {
                AddEdges(dates, measure.Validity, from, to);
            }
        }

        return [.. dates];
    }

    /// <summary>Adds the start and the end of <paramref name="validity"/> where they fall after <paramref name="from"/> and on or before <paramref name="to"/>.</summary>
    public static void AddEdges(ISet<DateOnly> dates, DateInterval validity, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(dates);
        foreach (var edge in new[] { validity.Start, validity.EndOrNull ?? DateOnly.MaxValue })
        {
            if (edge > from && edge <= to)
            {
                dates.Add(edge);
            }
        }
    }
}
