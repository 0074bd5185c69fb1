using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Sources.Tests;

/// <summary>The allocation-free path batches use must give exactly what the full quote gives, on real lines.</summary>
public class PlainQuoteTests
{
    [Fact]
    public void TryQuotePlain_AgreesWithQuote_OnEveryRealLineItAccepts()
    {
        var schedule = BuiltIn.Schedule("dec15-proceeds");
        schedule.TryGetImporter(CountryCode.US, out var us);
        var dates = new[] { "2018-03-01", "2018-09-24", "2019-05-20", "2019-06-20", "2019-12-16", "2020-03-01" }.Select(BuiltIn.Day).ToArray();
        var origins = new[] { CountryCode.CN, CountryCode.Parse("DE").GetValueOrThrow(), CountryCode.Parse("CU").GetValueOrThrow() };
        int plain = 0, full = 0;
        foreach (var line in us.NomenclatureLayers[1].Coverage.Lines.Order().Where((_, i) => i % 5 == 0))
        {
            foreach (var date in dates)
            {
                foreach (var origin in origins)
                {
                    var withoutQuantity = new Shipment(line, origin, date, Value: 12_345.67m);
                    foreach (var shipment in new[] { withoutQuantity, withoutQuantity with { Quantity = 1_234.5m, Unit = "kg" } })
                    {
                        _ = PlainAgrees(schedule, shipment) ? plain++ : full++;
                    }
                }
            }
        }

        plain.ShouldBeGreaterThan(100_000);
        full.ShouldBeGreaterThan(1_000); // specific rates, warnings, exclusions, 4B before its date: the full path
    }

    // From March 2025 the stacking rules of data/us/stacking.yaml apply: the plain path takes an entry only when no
    // rule in force changes its layers, and must then give what the full quote gives; entries with a metal or US
    // content value, and origins the Canada/Mexico rules name, are here so that both answers are exercised.
    [Fact]
    public void TryQuotePlain_AgreesWithQuote_InTheYearsOfTheStackingRules()
    {
        var schedule = BuiltIn.Schedule();
        schedule.TryGetImporter(CountryCode.US, out var us);
        var dates = new[] { "2025-03-04", "2025-04-10", "2025-06-10", "2025-11-20", "2026-03-01", "2026-07-01" }.Select(BuiltIn.Day).ToArray();
        var origins = new[] { "CN", "CA", "MX", "DE", "VN" }.Select(c => CountryCode.Parse(c).GetValueOrThrow()).ToArray();
        int plain = 0, full = 0;
        foreach (var line in us.NomenclatureLayers[^1].Coverage.Lines.Order().Where((_, i) => i % 7 == 0))
        {
            foreach (var date in dates)
            {
                foreach (var origin in origins)
                {
                    var bare = new Shipment(line, origin, date, Value: 12_345.67m);
                    foreach (var shipment in new[] { bare, bare with { Quantity = 1_234.5m, Unit = "kg" }, bare with { ContentValue = 4_000m }, bare with { UsContentValue = 5_000m } })
                    {
                        _ = PlainAgrees(schedule, shipment) ? plain++ : full++;
                    }
                }
            }
        }

        plain.ShouldBeGreaterThan(50_000);
        full.ShouldBeGreaterThan(5_000); // Section 232 goods, metal and US content, specific rates without a quantity
    }

    [Fact]
    public void A_resolved_code_prices_only_shipments_of_that_code()
    {
        var schedule = BuiltIn.Schedule();
        var resolved = DutyCalculator.Resolve(schedule, CountryCode.US, ProductCode.Parse("7326.90.8688").GetValueOrThrow())!;
        var other = new Shipment(ProductCode.Parse("0402.99.9000").GetValueOrThrow(), CountryCode.CN, BuiltIn.Day("2019-06-20"), Value: 100m);

        Should.Throw<ArgumentException>(() => DutyCalculator.TryQuotePlain(resolved, other, out _)).Message.ShouldContain("7326908688");
        DutyCalculator.Resolve(schedule, CountryCode.Parse("KP").GetValueOrThrow(), other.Code).ShouldBeNull();
    }

    // Whether the plain path took the shipment; when it did, its figures must be the full quote's, and the path
    // through a code resolved beforehand (as batches take it) must answer the same.
    private static bool PlainAgrees(TariffSchedule schedule, Shipment shipment)
    {
        var quote = DutyCalculator.Quote(schedule, CountryCode.US, shipment);
        var plain = DutyCalculator.TryQuotePlain(schedule, CountryCode.US, shipment, out var figures);
        DutyCalculator.TryQuotePlain(DutyCalculator.Resolve(schedule, CountryCode.US, shipment.Code)!, shipment, out var resolved).ShouldBe(plain);
        resolved.ShouldBe(figures);
        if (!plain)
        {
            return false;
        }

        var expected = quote.GetValueOrThrow();
        var what = shipment.ToString();
        figures.Warnings.ShouldBe(expected.Warnings, what);
        expected.IsComplete.ShouldBeTrue(what);
        expected.NotApplied.ShouldBeEmpty(what);
        figures.TotalDuty.ShouldBe(expected.TotalDuty!.Value, what);
        figures.IeepaDuty.ShouldBe(expected.IeepaDuty, what);
        figures.TotalAdValorem.ShouldBe(expected.TotalAdValorem, what);
        figures.BaseAdValorem.ShouldBe(expected.BaseAdValorem, what);
        figures.Headings.ShouldBe(string.Join(" ", expected.Layers.Select(l => l.Measure.Heading).OfType<string>()), what);
        return true;
    }
}
