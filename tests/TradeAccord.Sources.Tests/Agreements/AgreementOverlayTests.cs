using TradeAccord.Core.Agreements;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Agreements;
using TradeAccord.Sources.Scenarios;
using TradeAccord.Sources.References;

namespace TradeAccord.Sources.Tests.Agreements;

/// <summary>Drafts turned into scenarios and priced on real lines of the schedule.</summary>
public class AgreementOverlayTests
{
    // A List 4A line (9903.88.15): live horses, HTS 0101.21.00.10.
    private const string List4ALine = "0101.21.0010";

    [Fact]
    public void The_us_position_keeps_list_4a_at_15_percent_after_the_cut()
    {
        var quote = BuiltIn.Quote(List4ALine, "CN", "2020-03-01", scenario: Agreements.PathOf(Agreements.UsPosition));
        quote.TotalDuty.ShouldBe(1_500m);
        BuiltIn.Layers(quote).ShouldBe(["Mfn Free", "9903.88.15 15%"]);
        BuiltIn.Quote(List4ALine, "CN", "2020-03-01").TotalDuty.ShouldBe(750m, "the record: 7.5% after 2020-02-14");
    }

    [Fact]
    public void The_china_position_signed_on_2019_12_15_removes_list_4a_and_list_4b()
    {
        var china = Agreements.Load(Agreements.ChinaPosition) with { Signed = new DateOnly(2019, 12, 15) };
        var scenario = AgreementOverlay.ToScenario(china with { EntryIntoForce = china.Signed }, "china-2019-11", out var skipped);
        skipped.ShouldBeEmpty();
        var set = scenario.ApplyTo(BuiltIn.Loader.Baseline).GetValueOrThrow();
        var schedule = TariffSchedule.Compile(set, scenario.Name);

        Quote(schedule, List4ALine, "2020-03-01").TotalDuty.ShouldBe(0m);
        Quote(schedule, List4ALine, "2019-12-14").TotalDuty.ShouldBe(1_500m, "before the assumed signing List 4A still applies");
        set.Measures.Where(m => m.Heading is "9903.88.15" or "9903.88.16").Select(m => $"{m.Id} {m.Validity}")
            .ShouldBe(["us301-l4a-15 [2019-09-01, 2019-12-15)"]);
    }

    [Fact]
    public void An_undated_obligation_is_skipped_with_its_reason()
    {
        AgreementOverlay.ToScenario(Agreements.Load(Agreements.ChinaPosition), "x", out var skipped);
        skipped.ShouldBe(["us-list4a: starts on signing, which the draft does not date"]);
    }

    [Fact]
    public void The_written_scenario_reads_back_to_the_same_duties()
    {
        var us = Agreements.Load(Agreements.UsPosition);
        var scenario = AgreementOverlay.ToScenario(us, "us-2019-11", out _);
        using var folder = new TempFolder();
        var file = folder.Write("us-2019-11.yaml", ScenarioWriter.Write(scenario, "test"));
        var reread = ScenarioReader.Read(file, BuiltIn.Loader.Baseline);
        reread.Changes.Count.ShouldBe(2);
        var direct = TariffSchedule.Compile(scenario.ApplyTo(BuiltIn.Loader.Baseline).GetValueOrThrow());
        var viaFile = TariffSchedule.Compile(reread.ApplyTo(BuiltIn.Loader.Baseline).GetValueOrThrow());
        foreach (var date in new[] { "2019-10-01", "2019-12-20", "2020-03-01", "2020-12-31" })
        {
            Quote(viaFile, List4ALine, date).TotalDuty.ShouldBe(Quote(direct, List4ALine, date).TotalDuty, date);
        }
    }

    [Fact]
    public void Checking_an_agreement_against_its_own_overlay_meets_every_dated_obligation()
    {
        var us = Agreements.Load(Agreements.UsPosition);
        var schedule = BuiltIn.Schedule(Agreements.PathOf(Agreements.UsPosition));
        var checks = TariffCheck.Run(us, BuiltIn.Loader.Baseline, schedule.Set, BuiltIn.Day("2020-06-01"));
        // The position's two tariff obligations (agreements/positions-2019-11/us.yaml, `tariffs:`), both due by then.
        checks.Select(c => c.Obligation.Id).ShouldBe(["us-list4a", "us-list4b"]);
        checks.ShouldAllBe(c => c.Verdict == Verdict.Met);
    }

    [Fact]
    public void An_agreement_with_problems_is_refused_as_a_scenario()
    {
        using var folder = new TempFolder();
        var file = folder.Write("bad.yaml", Agreements.Text(Agreements.UsPosition).Replace("measure: us301-l4a-15", "measure: nothing", StringComparison.Ordinal));
        var error = Should.Throw<AgreementException>(() => new ScheduleLoader(BuiltIn.Loader.Paths).Load(BuiltIn.Ref(ReferenceKind.Scenario, file)));
        error.Problems.ShouldHaveSingleItem().Rule.ShouldBe(Rules.UnknownMeasure);
    }

    private static DutyQuote Quote(TariffSchedule schedule, string hts, string date) =>
        DutyCalculator.Quote(schedule, Core.Common.CountryCode.US,
            new Shipment(ProductCode.Parse(hts).GetValueOrThrow(), Core.Common.CountryCode.CN, BuiltIn.Day(date), null, 10_000m, null, null)).GetValueOrThrow();
}
