using TradeAccord.Core.Scenarios;
using TradeAccord.Core.Tariffs;
using static TradeAccord.Core.Tests.Synthetic;

namespace TradeAccord.Core.Tests.Scenarios;

/// <summary>Replacing a measure's whole line from a date, on synthetic measures.</summary>
public class ReplaceMeasureTests
{
    private static readonly ProductCoverage Lines = Coverage("lines", ("01011100", "2%"));
    private static readonly ProductCoverage Listed = Coverage("listed", ("01011100", null));
    private static readonly DateOnly Cut = new(2019, 9, 1);
    private static readonly DateOnly Later = new(2020, 2, 14);

    // One line (heading 9903.99.01) at 15% and then 7.5%, as List 4A was; an exclusion that replaces both.
    private static MeasureSet Record() => new(
    [
        Mfn("g", Start, null, Lines),
        Additional("l-15", "15%", Cut, Later, Listed) with { Heading = "9903.99.01" },
        Additional("l-7.5", "7.5%", Later, null, Listed) with { Heading = "9903.99.01" },
        Additional("other", "25%", Start, null, Listed) with { Heading = "9903.99.02" },
        Additional("x", "0%", Start, null, Coverage("excluded", ("01019000", null))) with { Kind = MeasureKind.Exclusion, Supersedes = ["l-15", "l-7.5"] },
    ], Period, []);

    private static decimal RateOn(MeasureSet set, string date, string code = "01011100") =>
        DutyCalculator.Quote(TariffSchedule.Compile(set), TradeAccord.Core.Common.CountryCode.US, Ship(code, "CN", date)).GetValueOrThrow().TotalAdValorem;

    [Fact]
    public void A_rate_replaces_the_line_from_its_date_and_what_the_line_did_later()
    {
        var scenario = new Scenario("s", "", [new ReplaceMeasure("l-15", Cut, RateText.Parse("15%"), null)]);

        var set = scenario.ApplyTo(Record()).GetValueOrThrow();

        set.Measures.Where(m => m.Heading == "9903.99.01").Select(m => $"{m.Id} {m.Validity}").ShouldBe(["l-15@2019-09-01 [2019-09-01, open)"]);
        RateOn(set, "2020-06-01").ShouldBe(0.02m + 0.25m + 0.15m);
        RateOn(Record(), "2020-06-01").ShouldBe(0.02m + 0.25m + 0.075m);
    }

    [Fact]
    public void Removal_ends_the_line_and_leaves_other_lines_alone()
    {
        var scenario = new Scenario("s", "", [new ReplaceMeasure("l-7.5", new DateOnly(2019, 12, 15), null, null, Remove: true)]);

        var set = scenario.ApplyTo(Record()).GetValueOrThrow();

        set.Measures.Where(m => m.Heading == "9903.99.01").Select(m => $"{m.Id} {m.Validity}").ShouldBe(["l-15 [2019-09-01, 2019-12-15)"]);
        RateOn(set, "2019-12-14").ShouldBe(0.02m + 0.25m + 0.15m);
        RateOn(set, "2019-12-15").ShouldBe(0.02m + 0.25m);
    }

    [Fact]
    public void Whatever_replaced_the_line_replaces_the_replacement_too()
    {
        var scenario = new Scenario("s", "", [new ReplaceMeasure("l-15", new DateOnly(2019, 12, 15), RateText.Parse("5%"), null, NewId: "deal")]);

        var set = scenario.ApplyTo(Record()).GetValueOrThrow();

        set.Measures.Single(m => m.Id == "x").Supersedes.ShouldBe(["l-15", "deal"], "l-7.5 is gone; the deal's measure is excluded as it was");
    }

    [Fact]
    public void A_suspension_keeps_the_line_on_record_without_applying_it()
    {
        var scenario = new Scenario("s", "", [new ReplaceMeasure("l-15", Later, null, MeasureStatus.Suspended)]);

        var set = scenario.ApplyTo(Record()).GetValueOrThrow();

        set.Measures.Single(m => m.Id == "l-15@2020-02-14").Status.ShouldBe(MeasureStatus.Suspended);
        RateOn(set, "2020-03-01").ShouldBe(0.02m + 0.25m);
    }

    [Fact]
    public void An_unknown_measure_is_refused_with_where_it_was_written()
    {
        var scenario = new Scenario("s", "", [new ReplaceMeasure("nothing", Later, null, null) { Origin = "draft: us-list4a" }]);

        scenario.ApplyTo(Record()).Error.ShouldBe("scenario 's' cannot be applied: draft: us-list4a: unknown measure 'nothing'");
    }

    [Fact]
    public void Measures_without_a_heading_form_a_line_by_id_before_the_date_suffix()
    {
        var round = Additional("cn-ret", "25%", Start, Later, Listed) with { Heading = null, Kind = MeasureKind.Retaliation };
        var step = round with { Id = "cn-ret@2020-02-14", Validity = TradeAccord.Core.Common.DateInterval.From(Later), Rate = RateText.Parse("10%") };
        MeasureLineage.Continues(round, step).ShouldBeTrue();
        MeasureLineage.Continues(round, round with { Id = "cn-other" }).ShouldBeFalse();
        MeasureLineage.BaseId("cn-ret@2020-02-14").ShouldBe("cn-ret");
    }
}
