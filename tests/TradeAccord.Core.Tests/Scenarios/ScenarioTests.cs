using TradeAccord.Core.Common;
using TradeAccord.Core.Scenarios;
using TradeAccord.Core.Tariffs;
using static TradeAccord.Core.Tests.Synthetic;

namespace TradeAccord.Core.Tests.Scenarios;

public class ScenarioTests
{
    private static readonly ProductCoverage Lines = Coverage("lines", ("01011100", "2%"));
    private static readonly ProductCoverage Listed = Coverage("listed", ("01011100", null));

    private static MeasureSet Set(params Measure[] measures) => new(measures, Period, []);

    private static decimal RateOn(MeasureSet set, string date) =>
        DutyCalculator.Quote(TariffSchedule.Compile(set), CountryCode.US, Ship("01011100", "CN", date)).GetValueOrThrow().TotalAdValorem;

    [Fact]
    public void Change_FromAMidDate_SplitsTheMeasure()
    {
        var set = Set(Mfn("g", Start, null, Lines), Additional("a", "25%", Start, null, Listed));
        var scenario = new Scenario("s", "", [new ChangeMeasure("a", new DateOnly(2019, 10, 15), RateText.Parse("30%"), null, null)]);

        var changed = scenario.ApplyTo(set).GetValueOrThrow();

        changed.Measures.Select(m => m.Id).ShouldBe(["g", "a", "a@2019-10-15"]);
        RateOn(changed, "2019-10-14").ShouldBe(0.27m);
        RateOn(changed, "2019-10-15").ShouldBe(0.32m);
        RateOn(set, "2019-10-15").ShouldBe(0.27m); // the original set is untouched
    }

    [Fact]
    public void Change_RateOfAMeasureWithPerLineRates_AppliesTheNewRateToEveryLine()
    {
        var perLine = Additional("r", "25%", Start, null, Coverage("per-line", ("01011100", "5%"))) with { Rate = null };
        var set = Set(Mfn("g", Start, null, Lines), perLine);
        var scenario = new Scenario("s", "", [new ChangeMeasure("r", new DateOnly(2019, 1, 1), RateText.Parse("10%"), null, null)]);

        var changed = scenario.ApplyTo(set).GetValueOrThrow();

        RateOn(changed, "2018-12-31").ShouldBe(0.07m);
        RateOn(changed, "2019-01-01").ShouldBe(0.12m);
    }

    [Fact]
    public void Change_StatusFromTheStart_KeepsTheId()
    {
        var set = Set(Mfn("g", Start, null, Lines), Additional("b", "15%", new DateOnly(2019, 12, 15), null, Listed) with { Status = MeasureStatus.Suspended });
        var scenario = new Scenario("s", "", [new ChangeMeasure("b", new DateOnly(2019, 12, 15), null, MeasureStatus.InForce, null)]);

        var changed = scenario.ApplyTo(set).GetValueOrThrow();

        changed.Measures.Single(m => m.Id == "b").Status.ShouldBe(MeasureStatus.InForce);
        RateOn(changed, "2019-12-16").ShouldBe(0.17m);
    }

    [Fact]
    public void Change_SplitMeasure_StaysSupersededByWhatReplacedIt()
    {
        var exclusion = Additional("x", "0%", Start, null, Listed) with { Supersedes = ["a"] };
        var set = Set(Mfn("g", Start, null, Lines), Additional("a", "25%", Start, null, Listed), exclusion);
        var scenario = new Scenario("s", "", [new ChangeMeasure("a", new DateOnly(2019, 1, 1), RateText.Parse("30%"), null, "a30")]);

        scenario.ApplyTo(set).GetValueOrThrow().Measures.Single(m => m.Id == "x").Supersedes.ShouldBe(["a", "a30"]);
    }

    [Fact]
    public void EndKind_RemovesEveryMeasureOfTheKind()
    {
        var set = Set(Mfn("g", Start, null, Lines), Additional("a", "25%", Start, null, Listed), Additional("b", "10%", new DateOnly(2019, 1, 1), null, Listed));
        var scenario = new Scenario("s", "", [new EndMeasures([], MeasureKind.Section301, new DateOnly(2018, 6, 1))]);

        var changed = scenario.ApplyTo(set).GetValueOrThrow();

        changed.Measures.Select(m => m.Id).ShouldBe(["g", "a"]);
        changed.Measures.Single(m => m.Id == "a").Validity.End.ShouldBe(new DateOnly(2018, 6, 1));
        RateOn(changed, "2019-06-01").ShouldBe(0.02m);
    }

    [Fact]
    public void EndKind_ForOneImporter_LeavesTheOthers()
    {
        var chinese = Additional("c", "25%", Start, null, Listed) with { Importer = CountryCode.CN };
        var set = Set(Mfn("g", Start, null, Lines), Additional("a", "25%", Start, null, Listed), chinese);
        var scenario = new Scenario("s", "", [new EndMeasures([], MeasureKind.Section301, Start, CountryCode.US)]);

        scenario.ApplyTo(set).GetValueOrThrow().Measures.Select(m => m.Id).ShouldBe(["g", "c"]);
    }

    [Fact]
    public void Apply_UnknownMeasures_ReportsEveryOneWithItsOrigin()
    {
        var scenario = new Scenario("s", "",
        [
            new ChangeMeasure("nope", Start, RateText.Parse("1%"), null, null) { Origin = "s.yaml:4" },
            new EndMeasures(["gone"], null, Start) { Origin = "s.yaml:7" },
        ]);

        var error = scenario.ApplyTo(Set(Mfn("g", Start, null, Lines))).Error.ShouldNotBeNull();

        error.ShouldContain("s.yaml:4: unknown measure 'nope'");
        error.ShouldContain("s.yaml:7: unknown measure 'gone'");
    }

    [Fact]
    public void Add_DuplicateId_Fails() =>
        new Scenario("s", "", [new AddMeasure(Additional("a", "5%", Start, null, Listed))])
            .ApplyTo(Set(Additional("a", "25%", Start, null, Listed))).Error.ShouldNotBeNull().ShouldContain("already exists");
}
