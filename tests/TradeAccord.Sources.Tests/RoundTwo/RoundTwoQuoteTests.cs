using TradeAccord.Core.Tariffs;
using static TradeAccord.Sources.Tests.BuiltIn;

namespace TradeAccord.Sources.Tests.RoundTwo;

/// <summary>
/// The 2025–2026 US tariffs on the shipped data, as importers met them: each figure is the sum of the layers the cited
/// instruments give the line on that day (rates in the comments; the texts are in data/legal and the HTS JSON).
/// </summary>
public class RoundTwoQuoteTests
{
    private static decimal Authority(DutyQuote quote, TariffAuthority authority) =>
        quote.Layers.Where(l => l.Measure.Authority == authority).Sum(l => l.AdValorem);

    [Theory]
    // Toys (List 4B, suspended since 2019-12-15): fentanyl 20% (EO 14228, from 2025-03-04) + reciprocal 125% (EO 14266).
    [InlineData("2025-04-15", 1.45)]
    // EO 14298: reciprocal 10% from 2025-05-14; fentanyl still 20%.
    [InlineData("2025-05-20", 0.30)]
    // The 2025-11-04 order: fentanyl 10% from 2025-11-10; reciprocal 10% (the 34% suspended to 2026-11-10).
    [InlineData("2025-11-15", 0.20)]
    public void Toys_from_China_through_2025(string entry, double total)
    {
        var quote = Quote("9503.00.0073", "CN", entry);

        quote.TotalAdValorem.ShouldBe((decimal)total);
        Authority(quote, TariffAuthority.Mfn).ShouldBe(0m);
    }

    [Fact]
    public void Toys_from_China_after_the_end_of_the_IEEPA_duties_owe_no_IEEPA_layer()
    {
        var quote = Quote("9503.00.0073", "CN", "2026-03-02");

        quote.Layers.ShouldNotContain(l => l.Measure.Authority.IsIeepa());
        // Proclamation 11012: 10% from 2026-02-24 on goods not on its exemption lists (toys are not).
        Authority(quote, TariffAuthority.Section122).ShouldBe(0.10m);
        quote.TotalAdValorem.ShouldBe(0.10m);
    }

    [Fact]
    public void Toys_from_Viet_Nam_owe_the_ten_percent_baseline_in_April_2025() =>
        // EO 14257: 10% on all partners from 2025-04-05; Viet Nam's 46% was paused before it applied.
        Quote("9503.00.0073", "VN", "2025-04-07").TotalAdValorem.ShouldBe(0.10m);

    [Fact]
    public void A_List_3_steel_article_from_China_before_the_metals_derivatives()
    {
        var quote = Quote("7326.90.8688", "CN", "2025-03-05");

        // 2.9% general + 25% List 3 + 20% fentanyl; the 25% on steel derivatives starts 2025-03-12.
        quote.TotalAdValorem.ShouldBe(0.479m);
        Authority(quote, TariffAuthority.Section301).ShouldBe(0.25m);
        Authority(quote, TariffAuthority.IeepaFentanyl).ShouldBe(0.20m);
    }

    [Fact]
    public void Steel_from_Japan_owes_fifty_percent_under_232_and_no_reciprocal_duty()
    {
        var quote = Quote("7208.10.1500", "JP", "2025-06-10");

        Authority(quote, TariffAuthority.Section232).ShouldBe(0.50m);
        Authority(quote, TariffAuthority.IeepaReciprocal).ShouldBe(0m);
        quote.TotalAdValorem.ShouldBe(0.50m);
        quote.NotApplied.ShouldContain(n => n.Measure.Authority == TariffAuthority.IeepaReciprocal && n.Whole);
    }

    [Fact]
    public void Steel_from_the_United_Kingdom_stays_at_twenty_five_percent() =>
        // Proclamation 10947: the UK stays at 25% while the rest of the world goes to 50% on 2025-06-04.
        Authority(Quote("7208.10.1500", "GB", "2025-06-10"), TariffAuthority.Section232).ShouldBe(0.25m);

    [Fact]
    public void Section_122_is_not_levied_on_a_232_good_and_is_on_another()
    {
        var steel = Quote("7208.10.1500", "JP", "2026-03-02");
        steel.Layers.ShouldNotContain(l => l.Measure.Authority == TariffAuthority.Section122);
        steel.NotApplied.ShouldContain(n => n.Rule.Id == "pp11012-no-surcharge-on-232-part");

        Authority(Quote("9503.00.0073", "JP", "2026-03-02"), TariffAuthority.Section122).ShouldBe(0.10m);
        // Laptops are on the surcharge's exemption list (Annex II of Proclamation 11012): the exemption is the layer.
        var laptop = Quote("8471.30.0100", "JP", "2026-03-02");
        Authority(laptop, TariffAuthority.Section122).ShouldBe(0m);
        laptop.Layers.ShouldContain(l => l.Measure.Kind == MeasureKind.Exclusion && l.Measure.Authority == TariffAuthority.Section122);
    }

    [Fact]
    public void The_refund_scenario_prices_as_if_no_IEEPA_duty_had_applied()
    {
        var record = Quote("9503.00.0073", "CN", "2025-04-15");
        var refund = Quote("9503.00.0073", "CN", "2025-04-15", scenario: "ieepa-refund");

        refund.Layers.ShouldNotContain(l => l.Measure.Authority.IsIeepa());
        (record.TotalDuty - refund.TotalDuty).ShouldBe(record.IeepaDuty);
        record.IeepaDuty.ShouldBe(14_500.00m);
    }
}

public class Section301CoverageTests
{
    [Theory]
    // Goods lines whose footnotes name the heading in the HTS JSON of 2025 revision 14 (in force 2025-06-01), counted
    // apart from the engine: zcat data/hts/json/hts_2025_rev_14.json.gz | python3 -c 'import json,sys; d=json.load(sys.stdin);
    // print(sum(any("9903.88.03" in f["value"] for f in r.get("footnotes") or []) for r in d if r["htsno"] and not r["htsno"].startswith("99")))'
    // (an exact match on "See 9903.88.03." finds 5,786: 120 lines name two headings in one footnote).
    [InlineData("9903.88.01", 860)]
    [InlineData("9903.88.02", 287)]
    [InlineData("9903.88.03", 5_906)]
    [InlineData("9903.88.15", 2_963)]
    public void On_a_2025_date_each_list_covers_the_lines_the_HTS_footnotes_name(string heading, int lines)
    {
        var day = BuiltIn.Day("2025-06-01");
        var measure = BuiltIn.Schedule().Set.Measures.Single(m => m.Heading == heading && m.Kind == MeasureKind.Section301 && m.Validity.Contains(day));

        measure.Coverage.Count.ShouldBe(lines);
        measure.Id.ShouldEndWith("@2025-01-01");
    }

    [Fact]
    public void Before_2025_the_lists_keep_the_coverage_of_the_USITC_table()
    {
        var day = BuiltIn.Day("2024-06-01");
        var list3 = BuiltIn.Schedule().Set.Measures.Single(m => m.Heading == "9903.88.03" && m.Kind == MeasureKind.Section301 && m.Validity.Contains(day));

        list3.Id.ShouldBe("us301-l3-25");
        list3.Validity.EndOrNull.ShouldBe(BuiltIn.Day("2025-01-01"));
    }
}
