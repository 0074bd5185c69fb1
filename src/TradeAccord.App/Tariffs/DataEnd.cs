using TradeAccord.App.Requests;
using TradeAccord.Core.Common;
using TradeAccord.Core.Errors;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.App.Tariffs;

/// <summary>
/// Entries after the last day of the data: refused by default, or — when the caller says so — priced on the schedule
/// of the last day, carried forward, with a warning naming what is known to be missing after it.
/// </summary>
public static class DataEnd
{
    /// <summary>Whether <paramref name="date"/> falls after the schedule's data period.</summary>
    public static bool IsAfter(TariffSchedule schedule, DateOnly date) =>
        schedule.DataPeriod.LastDay is { } last && date > last;

    /// <summary>What a refusal adds for a date after the data: how to carry the schedule forward, and what is missing.</summary>
    public static string Hint(TariffSchedule schedule, DateOnly date, FieldStyle style) => !IsAfter(schedule, date)
        ? ""
        : $"; {style.Spell("assumeUnchanged")} prices it on the schedule of {DutyJson.Iso(schedule.DataPeriod.LastDay!.Value)}" + Missing(schedule);

    /// <summary>Prices <paramref name="shipment"/> as if entered on the last day of the data, and says so.</summary>
    /// <exception cref="ValidationException">The code cannot be priced as declared.</exception>
    public static DutyQuote PriceCarriedForward(TariffSchedule schedule, CountryCode importer, Shipment shipment, FieldStyle style)
    {
        var last = schedule.DataPeriod.LastDay!.Value;
        // The export date moves by the same distance, so a transit rule reads the entry as it would have been read.
        var shift = shipment.EntryDate.DayNumber - last.DayNumber;
        var moved = shipment with { EntryDate = last, ExportDate = shipment.ExportDate?.AddDays(-shift) };
        var result = DutyCalculator.Quote(schedule, importer, moved);
        if (!result.TryGetValue(out var quote))
        {
            throw new ValidationException(style.Spell("hts"), result.Error!);
        }

        var warning = $"entry date {DutyJson.Iso(shipment.EntryDate)} is after the data end ({DutyJson.Iso(last)}): priced on the schedule of {DutyJson.Iso(last)}, " +
            "assumed unchanged" + Missing(schedule);
        return quote with { Shipment = shipment, Warnings = [warning, .. quote.Warnings] };
    }

    private static string Missing(TariffSchedule schedule) => schedule.Set.MissingAfterEnd.Count == 0
        ? ""
        : "; known to be missing after it: " + string.Join("; ", schedule.Set.MissingAfterEnd);
}
