using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Core.Tests;

/// <summary>
/// Clearly synthetic measures for unit tests of the engine's rules. Codes are in chapter 01 and rates are round
/// numbers chosen for easy arithmetic; none of this is tariff data. Tests on the real data live in Sources.Tests.
/// </summary>
internal static class Synthetic
{
    public static readonly DateOnly Start = new(2018, 1, 1);
    public static readonly DateInterval Period = new(Start, new DateOnly(2021, 1, 1));

    public static ProductCoverage Coverage(string id, params (string Code, string? Rate)[] lines) =>
        new(id, lines.ToDictionary(l => ProductCode.FromDigits(l.Code), l => l.Rate is null ? null : RateText.Parse(l.Rate)));

    public static Measure Mfn(string id, DateOnly from, DateOnly? to, ProductCoverage coverage, DateOnly? documentedFrom = null) => new()
    {
        Id = id,
        Importer = CountryCode.US,
        Kind = MeasureKind.Mfn,
        Title = $"synthetic general rates {id}",
        LegalBase = "synthetic",
        Source = "synthetic",
        Origins = OriginScope.All,
        Coverage = coverage,
        Validity = new DateInterval(from, to),
        DefinesNomenclature = true,
        DocumentedFrom = documentedFrom,
    };

    public static Measure Additional(string id, string rate, DateOnly from, DateOnly? to, ProductCoverage coverage) => new()
    {
        Id = id,
        Importer = CountryCode.US,
        Kind = MeasureKind.Section301,
        Title = $"synthetic additional {id}",
        Heading = "9903.00." + id.Length.ToString("00", System.Globalization.CultureInfo.InvariantCulture),
        LegalBase = "synthetic",
        Source = "synthetic",
        Origins = OriginScope.Only(CountryCode.CN),
        Coverage = coverage,
        Rate = RateText.Parse(rate),
        Validity = new DateInterval(from, to),
    };

    public static TariffSchedule Compile(params Measure[] measures) => TariffSchedule.Compile(new MeasureSet(measures, Period, []));

    public static Shipment Ship(string code, string origin, string entry, decimal? value = 1000m, string? export = null) =>
        new(ProductCode.FromDigits(code), CountryCode.Parse(origin).GetValueOrThrow(), DateOnly.Parse(entry, System.Globalization.CultureInfo.InvariantCulture),
            export is null ? null : DateOnly.Parse(export, System.Globalization.CultureInfo.InvariantCulture), value);
}
