using TradeAccord.Core.Common;
using TradeAccord.Core.Errors;

using TradeAccord.App.Requests;

namespace TradeAccord.App.Tariffs.History;

/// <summary>The period checks that series requests (a line's history, effective rates by day) share.</summary>
public static class PeriodFields
{
    /// <summary>Optional <c>from</c> and <c>to</c> dates; a <c>to</c> before <c>from</c> is a problem of <c>to</c>.</summary>
    public static (DateOnly? From, DateOnly? To) Period(this Fields fields, string? from, string? to)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var start = fields.OptionalDate("from", from);
        var end = fields.OptionalDate("to", to);
        if (start is { } s && end is { } e && e < s)
        {
            fields.Problem("to", $"{DutyJson.Iso(e)} is before {fields.Name("from")} {DutyJson.Iso(s)}: expected a date on or after it");
        }

        return (start, end);
    }

    /// <summary>
    /// The period as days of the data: absent ends default to the data's, and a period reaching outside the data is
    /// out of range and says where the data end.
    /// </summary>
    /// <exception cref="OutsideDataException">The period reaches outside the data.</exception>
    public static (DateOnly From, DateOnly To) Within(DateInterval data, DateOnly? from, DateOnly? to)
    {
        var last = data.LastDay ?? throw new InvalidOperationException("The data period has no end.");
        var start = from ?? data.Start;
        var end = to ?? last;
        if (start < data.Start || end > last)
        {
            throw new OutsideDataException(
                $"the period {DutyJson.Iso(start)} to {DutyJson.Iso(end)} is outside the data: expected dates from {DutyJson.Iso(data.Start)} to {DutyJson.Iso(last)}");
        }

        if (end < start)
        {
            throw new OutsideDataException($"the period {DutyJson.Iso(start)} to {DutyJson.Iso(end)} ends before it starts: expected the end on or after {DutyJson.Iso(start)}");
        }

        return (start, end);
    }
}
