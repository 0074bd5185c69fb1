using TradeAccord.Core.Common;

namespace TradeAccord.Core.Tariffs;

/// <summary>
/// A declared code looked up once in one importer's schedule (<see cref="DutyCalculator.Resolve"/>), so a batch that
/// meets the code again on many rows prices it with <see cref="DutyCalculator.TryQuotePlain(ResolvedCode, Shipment, out PlainQuote)"/>
/// without looking it up again: with the entries spread over some thousands of lines, that lookup missed the CPU's
/// caches on almost every row (a profile of a million entries put a tenth of the batch's CPU in it).
/// </summary>
public sealed class ResolvedCode
{
    internal ResolvedCode(TariffSchedule schedule, CountryCode importer, ImporterSchedule measures, ProductCode code)
    {
        Schedule = schedule;
        Importer = importer;
        Code = code;
        Measures = measures;
        Lookup = measures.Lookup(code);
    }

    /// <summary>The schedule the code was looked up in.</summary>
    public TariffSchedule Schedule { get; }

    /// <summary>The importing country.</summary>
    public CountryCode Importer { get; }

    /// <summary>The declared code.</summary>
    public ProductCode Code { get; }

    internal ImporterSchedule Measures { get; }

    internal LineResolution[] Lookup { get; }
}
