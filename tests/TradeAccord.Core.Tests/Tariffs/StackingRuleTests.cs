using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using TradeAccord.Core.Tariffs.Stacking;
using static TradeAccord.Core.Tests.Synthetic;

namespace TradeAccord.Core.Tests.Tariffs;

/// <summary>
/// The stacking engine on synthetic measures (families and rules named like the real ones, rates and codes made up):
/// each kind of rule with and without its trigger. The shipped rules are tested on real lines in the Sources tests.
/// </summary>
public class StackingRuleTests
{
    private static readonly ProductCoverage Lines = Coverage("lines", ("73269086", "3%"), ("95030000", "Free"));
    private static readonly ProductCoverage Steel = Coverage("steel", ("7326", null));
    private static readonly ProductCoverage All = Coverage("all", ("73", null), ("95", null));

    private static Measure Layer(string id, string rate, string family, TariffAuthority authority, ProductCoverage coverage, LevyBase levy = LevyBase.Value) =>
        Additional(id, rate, Start, null, coverage) with { Family = family, Authority = authority, LevyBase = levy, Origins = OriginScope.All };

    private static readonly Measure Metal = Layer("metal-50", "50%", "s232-steel", TariffAuthority.Section232, Steel);
    private static readonly Measure MetalContent = Layer("metal-content-50", "50%", "s232-steel", TariffAuthority.Section232, Steel, LevyBase.Content);
    private static readonly Measure Reciprocal = Layer("recip-10", "10%", "ieepa-reciprocal", TariffAuthority.IeepaReciprocal, All);

    private static readonly StackingRule NoReciprocalOn232 = new()
    {
        Id = "no-recip-on-232", Citation = "synthetic", Validity = new DateInterval(Start, null), When = ["s232-*"], Removes = ["ieepa-reciprocal"],
        Part = StackingPart.TriggerPart,
    };

    private static readonly StackingRule UsContent = new()
    {
        Id = "us-content", Citation = "synthetic", Validity = new DateInterval(Start, null), Removes = ["ieepa-reciprocal"],
        Part = StackingPart.UsContent, Threshold = 0.20m,
    };

    private static readonly DateInterval ToMid2026 = new(Start, new DateOnly(2026, 7, 24));

    private static TariffSchedule Schedule(IReadOnlyList<StackingRule> rules, params Measure[] measures) =>
        TariffSchedule.Compile(new MeasureSet([Mfn("g", Start, null, Lines), .. measures], ToMid2026, []) { StackingRules = rules });

    private static DutyQuote Quote(TariffSchedule schedule, Shipment shipment) => DutyCalculator.Quote(schedule, CountryCode.US, shipment).GetValueOrThrow();

    [Fact]
    public void Without_a_rule_the_layers_add_up()
    {
        var quote = Quote(Schedule([], Metal, Reciprocal), Ship("7326908600", "JP", "2025-06-10"));

        quote.Layers.Select(l => l.Measure.Id).ShouldBe(["g", "metal-50", "recip-10"]);
        quote.TotalAdValorem.ShouldBe(0.63m);
        quote.NotApplied.ShouldBeEmpty();
    }

    [Fact]
    public void A_rule_removes_the_layer_its_trigger_excludes_and_says_which_rule()
    {
        var quote = Quote(Schedule([NoReciprocalOn232], Metal, Reciprocal), Ship("7326908600", "JP", "2025-06-10"));

        quote.Layers.Select(l => l.Measure.Id).ShouldBe(["g", "metal-50"]);
        quote.TotalAdValorem.ShouldBe(0.53m);
        var removed = quote.NotApplied.ShouldHaveSingleItem();
        (removed.Measure.Id, removed.Rule.Id, removed.Whole).ShouldBe(("recip-10", "no-recip-on-232", true));
    }

    [Fact]
    public void Without_its_trigger_the_rule_leaves_the_layer()
    {
        var quote = Quote(Schedule([NoReciprocalOn232], Metal, Reciprocal), Ship("9503000073", "JP", "2025-06-10"));

        quote.Layers.Select(l => l.Measure.Id).ShouldBe(["g", "recip-10"]);
        quote.NotApplied.ShouldBeEmpty();
    }

    [Fact]
    public void A_rule_outside_its_dates_does_nothing()
    {
        var later = NoReciprocalOn232 with { Validity = new DateInterval(new DateOnly(2025, 6, 11), null) };

        Quote(Schedule([later], Metal, Reciprocal), Ship("7326908600", "JP", "2025-06-10")).NotApplied.ShouldBeEmpty();
        Quote(Schedule([later], Metal, Reciprocal), Ship("7326908600", "JP", "2025-06-11")).NotApplied.ShouldHaveSingleItem();
    }

    [Fact]
    public void A_content_levy_falls_on_the_declared_content_and_leaves_the_rest_to_the_removed_layer()
    {
        var quote = Quote(Schedule([NoReciprocalOn232], MetalContent, Reciprocal), Ship("7326908600", "JP", "2025-06-10") with { ContentValue = 400m });

        // 3% of 1,000 + 50% of the 400 of steel + 10% of the other 600.
        quote.Layers.OrderBy(l => l.Measure.Id, StringComparer.Ordinal).Select(l => (l.Measure.Id, l.Amount))
            .ShouldBe([("g", (decimal?)30.00m), ("metal-content-50", 200.00m), ("recip-10", 60.00m)]);
        quote.TotalAdValorem.ShouldBe(0.29m);
        quote.NotApplied.ShouldHaveSingleItem().Whole.ShouldBeFalse();
    }

    [Fact]
    public void A_content_levy_without_the_content_value_falls_on_the_whole_value_and_says_so()
    {
        var quote = Quote(Schedule([NoReciprocalOn232], MetalContent, Reciprocal), Ship("7326908600", "JP", "2025-06-10"));

        quote.Layers.Select(l => l.Amount).ShouldBe([30.00m, 500.00m]);
        quote.Warnings.ShouldContain(w => w.Contains("no content value was given", StringComparison.Ordinal));
        quote.NotApplied.ShouldHaveSingleItem().Whole.ShouldBeTrue();
    }

    [Fact]
    public void Us_content_of_at_least_the_threshold_is_spared_and_less_is_not()
    {
        var schedule = Schedule([UsContent], Reciprocal);

        Quote(schedule, Ship("9503000073", "VN", "2025-04-07") with { UsContentValue = 250m }).Layers[^1].Amount.ShouldBe(75.00m);
        Quote(schedule, Ship("9503000073", "VN", "2025-04-07") with { UsContentValue = 150m }).Layers[^1].Amount.ShouldBe(100.00m);
        Quote(schedule, Ship("9503000073", "VN", "2025-04-07")).NotApplied.ShouldBeEmpty();
    }

    [Fact]
    public void The_fast_batch_path_leaves_entries_a_rule_can_touch_to_the_full_quote()
    {
        var schedule = Schedule([NoReciprocalOn232], Metal, Reciprocal);

        DutyCalculator.TryQuotePlain(schedule, CountryCode.US, Ship("7326908600", "JP", "2025-06-10"), out _).ShouldBeFalse();
        DutyCalculator.TryQuotePlain(Schedule([], Metal), CountryCode.US, Ship("7326908600", "JP", "2025-06-10"), out var plain).ShouldBeTrue();
        plain.TotalDuty.ShouldBe(530.00m);
    }
}
