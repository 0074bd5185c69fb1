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
                        var quote = DutyCalculator.Quote(schedule, CountryCode.US, shipment);
                        if (!DutyCalculator.TryQuotePlain(schedule, CountryCode.US, shipment, out var figures))
                        {
                            full++;
                            continue;
                        }

                        plain++;
                        var expected = quote.GetValueOrThrow();
                        figures.Warnings.ShouldBe(expected.Warnings);
                        expected.IsComplete.ShouldBeTrue();
                        figures.TotalDuty.ShouldBe(expected.TotalDuty!.Value, $"{line} {date} {origin} {shipment.Quantity}");
                        figures.TotalAdValorem.ShouldBe(expected.TotalAdValorem);
                        figures.BaseAdValorem.ShouldBe(expected.BaseAdValorem);
                        figures.Headings.ShouldBe(string.Join(" ", expected.Layers.Select(l => l.Measure.Heading).OfType<string>()));
                    }
                }
            }
        }

        plain.ShouldBeGreaterThan(100_000);
        full.ShouldBeGreaterThan(1_000); // specific rates, warnings, exclusions, 4B before its date: the full path
    }
}
