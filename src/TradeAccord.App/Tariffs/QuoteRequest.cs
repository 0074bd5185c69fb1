using TradeAccord.App.Requests;
using TradeAccord.Core.Common;
using TradeAccord.Core.Errors;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.App.Tariffs;

/// <summary>One entry to price, as either host receives it: the text typed, checked by <see cref="Validate"/>.</summary>
/// <param name="Hts">The declared code.</param>
/// <param name="Origin">Country of origin.</param>
/// <param name="EntryDate">Entry date, yyyy-MM-dd.</param>
/// <param name="Value">Customs value, USD.</param>
/// <param name="ExportDate">Export date, if it matters.</param>
/// <param name="Quantity">Quantity, for specific duties.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Importer">Importing country (US default).</param>
/// <param name="ClaimExclusion">Whether a product exclusion is claimed.</param>
/// <param name="ContentValue">Value of the metal content, USD, for duties levied on it (Section 232 derivatives).</param>
/// <param name="UsContentValue">Value of the US content, USD (IEEPA reciprocal duties spare it when it is at least 20%).</param>
/// <param name="DeclareEndUse">The goods are declared for the end use a measure names (Section 232 vehicle parts).</param>
/// <param name="AssumeUnchanged">Price an entry after the data end on the last schedule of the data, with a warning.</param>
public sealed record QuoteRequest(string? Hts, string? Origin, string? EntryDate, decimal? Value, string? ExportDate = null, decimal? Quantity = null,
    string? Unit = null, string? Importer = null, bool ClaimExclusion = false, decimal? ContentValue = null, decimal? UsContentValue = null,
    bool AssumeUnchanged = false, bool DeclareEndUse = false)
{
    /// <summary>The importer and the shipment, or every problem at once, named as <paramref name="style"/> names fields.</summary>
    /// <exception cref="Core.Errors.ValidationException">One or more fields are wrong.</exception>
    public (CountryCode Importer, Shipment Shipment) Validate(FieldStyle style)
    {
        var fields = new Fields(style);
        var product = default(ProductCode);
        if (string.IsNullOrWhiteSpace(Hts))
        {
            fields.Problem("hts", "is required: expected an HTS code such as 7326.90.8688");
        }
        else if (!ProductCode.Parse(Hts).TryGetValue(out product))
        {
            fields.Problem("hts", ProductCode.Parse(Hts).Error!);
        }

        var origin = fields.Country("origin", Origin);
        var entry = fields.Date("entryDate", EntryDate);
        var export = fields.OptionalDate("exportDate", ExportDate);
        if (export > entry && !fields.Has("entryDate"))
        {
            fields.Problem("exportDate", $"{export:yyyy-MM-dd} is after the entry date {entry:yyyy-MM-dd}: expected a date on or before it");
        }

        // Without a value the quote gives the rates only (both hosts alike).
        if (Value is not (null or (>= 0 and < DutyCalculator.MaxAmount)))
        {
            fields.Problem("value", $"{Value} is not valid: expected a customs value in USD of zero or more");
        }

        if (Quantity is not (null or (>= 0 and < DutyCalculator.MaxAmount)))
        {
            fields.Problem("quantity", $"{Quantity} is not valid: expected a quantity of zero or more, below {DutyCalculator.MaxAmount:N0}");
        }

        if (Quantity is not null && Unit is null)
        {
            fields.Problem("unit", $"is required with {fields.Name("quantity")}: expected the quantity's unit, e.g. kg");
        }

        CheckPart(fields, "contentValue", ContentValue);
        CheckPart(fields, "usContentValue", UsContentValue);
        var importer = fields.Country("importer", Importer ?? "US");
        fields.ThrowIfInvalid();
        return (importer, new Shipment(product, origin, entry, export, Value, Quantity, Unit, ClaimExclusion, ContentValue, UsContentValue, DeclareEndUse));
    }

    // A part of the value is only meaningful with the value, and cannot exceed it.
    private void CheckPart(Fields fields, string field, decimal? part)
    {
        if (part is null)
        {
            return;
        }

        if (Value is null)
        {
            fields.Problem(field, $"needs {fields.Name("value")}: a part of the value is priced only with the whole value");
        }
        else if (part < 0m || part > Value)
        {
            fields.Problem(field, $"{part} is not valid: expected an amount from 0 to the value {Value}");
        }
    }

    /// <summary>
    /// Prices a validated <paramref name="shipment"/>: the quote, or why none can be given, as the error kind the
    /// hosts answer with (a date outside the data is out of range and says where the data end; any other refusal,
    /// such as an unknown code, is the declared code's problem).
    /// </summary>
    /// <exception cref="OutsideDataException">The entry date is outside the schedule's data.</exception>
    /// <exception cref="ValidationException">The code cannot be priced as declared.</exception>
    public static DutyQuote Price(TariffSchedule schedule, CountryCode importer, Shipment shipment, FieldStyle style, bool assumeUnchanged = false)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (assumeUnchanged && DataEnd.IsAfter(schedule, shipment.EntryDate))
        {
            return DataEnd.PriceCarriedForward(schedule, importer, shipment, style);
        }

        var result = DutyCalculator.Quote(schedule, importer, shipment);
        if (result.TryGetValue(out var quote))
        {
            return quote;
        }

        // Validate has checked every field but the code against the data: a date outside them is the entry date's
        // problem; what remains is the declared code's.
        throw schedule.DataPeriod.Contains(shipment.EntryDate)
            ? new ValidationException(style.Spell("hts"), result.Error!)
            : new OutsideDataException(result.Error! + DataEnd.Hint(schedule, shipment.EntryDate, style), style.Spell("entryDate"));
    }
}
