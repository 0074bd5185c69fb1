using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using static TradeAccord.Sources.Tests.BuiltIn;

namespace TradeAccord.Sources.Tests.RoundTwo;

/// <summary>
/// Every shipped stacking rule on a real line, with and without it: the entry priced on the shipped schedule, then on
/// the same schedule without that one rule. With the rule the named authority's layer is kept off (wholly or in part)
/// and the trace names the rule; without it the layer is back in full.
/// </summary>
public class ShippedStackingRuleTests
{
    public static TheoryData<string, string, string, string, string, decimal?, decimal?> Cases => new()
    {
        // rule, line, origin, entry date, authority kept off, metal content, US content (of a 10,000 entry)
        { "eo14289-autos-over-metals", "8708.29.5160", "JP", "2025-06-10", "s232", null, null },
        { "eo14289-autos-over-ca-mx-fentanyl", "8703.23.0190", "MX", "2025-04-10", "ieepa-fentanyl", null, null },
        { "eo14289-ca-mx-fentanyl-over-metals", "7208.10.1500", "CA", "2025-04-01", "s232", null, null },
        { "pp10947-metals-over-ca-mx-fentanyl", "7208.10.1500", "CA", "2025-06-10", "ieepa-fentanyl", null, null },
        { "eo14257-no-reciprocal-on-232", "7208.10.1500", "JP", "2025-04-10", "ieepa-reciprocal", null, null },
        { "pp10947-reciprocal-on-non-metal-content", "8418.10.0010", "JP", "2025-08-20", "ieepa-reciprocal", 4_000m, null },
        { "eo14257-us-content", "9503.00.0073", "VN", "2025-04-07", "ieepa-reciprocal", null, 3_000m },
        { "pp11012-no-surcharge-on-232-part", "7208.10.1500", "JP", "2026-03-02", "s122", null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_rule_keeps_its_layer_off_and_without_it_the_layer_is_back(
        string rule, string hts, string origin, string entry, string authorityWord, decimal? content, decimal? usContent)
    {
        var authority = TariffAuthorities.Parse(authorityWord)!.Value;
        var shipment = new Shipment(ProductCode.Parse(hts).GetValueOrThrow(), CountryCode.Parse(origin).GetValueOrThrow(), Day(entry),
            Value: 10_000m, ContentValue: content, UsContentValue: usContent);
        var shipped = Schedule();
        var without = TariffSchedule.Compile(shipped.Set with { StackingRules = [.. shipped.Set.StackingRules.Where(r => r.Id != rule)] }, "without " + rule);

        var with = DutyCalculator.Quote(shipped, CountryCode.US, shipment).GetValueOrThrow();
        var withoutRule = DutyCalculator.Quote(without, CountryCode.US, shipment).GetValueOrThrow();

        with.NotApplied.ShouldContain(n => n.Rule.Id == rule && n.Measure.Authority == authority, $"{rule} on {hts} from {origin}");
        withoutRule.NotApplied.ShouldNotContain(n => n.Rule.Id == rule);
        Share(withoutRule, authority).ShouldBeGreaterThan(Share(with, authority));
        withoutRule.TotalDuty!.Value.ShouldBeGreaterThan(with.TotalDuty!.Value);
    }

    [Fact]
    public void Every_shipped_rule_has_a_case_here() =>
        Schedule().Set.StackingRules.Select(r => r.Id).Except(Cases.Select(c => c.Data.Item1)).ShouldBeEmpty();

    private static decimal Share(DutyQuote quote, TariffAuthority authority) =>
        quote.Layers.Where(l => l.Measure.Authority == authority).Sum(l => l.AdValorem);
}
