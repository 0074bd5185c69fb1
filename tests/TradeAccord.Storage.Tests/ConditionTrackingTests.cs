using TradeAccord.Core.Agreements;
using TradeAccord.Core.Commitments;
using TradeAccord.Sources.Agreements;

namespace TradeAccord.Storage.Tests;

/// <summary>Conditions of an agreement applied to the tracking, evaluated on the real schedule or a scenario.</summary>
public class ConditionTrackingTests
{
    // A variant of the signed agreement (for this test only): farm purchases stop if the US raises tariffs.
    private const string StopIfRaised = """
        conditions:
          - id: cond-test-stop-if-raised
            title: Farm purchases stop if the US raises tariffs (test variant, not in the signed text)
            party: CN
            link: suspended-by
            governs: [purchases-agriculture]
            trigger: { party: US, action: raises-tariffs }
            source: { document: eta }

        """;

    // A scenario (for this test only): List 4A back to 15% from 2020-07-01.
    private const string RaiseList4A = """
        name: test-raise-4a
        description: List 4A back to 15% from 2020-07-01 (test scenario)
        changes:
          - change: us301-l4a-7.5
            from: 2020-07-01
            rate: 15%
        """;

    [Fact]
    public void A_tariff_increase_in_the_scenario_suspends_the_commitment_from_that_day()
    {
        using var temp = new TempStore();
        var scenario = temp.Write("raise.yaml", RaiseList4A);
        var agreement = Variant();

        var report = Shipped.Track(new TrackOptions(2020), agreement, scenario);

        var agriculture = report.Categories.Single(c => c.Name == "Agriculture");
        agriculture.Suspended!.From.ShouldBe(new DateOnly(2020, 7, 1));
        agriculture.Suspended.Reason.ShouldContain("us301-l4a-7.5@2020-07-01");
        agriculture.Months.Where(m => m.Month.Month >= 7).ShouldAllBe(m => m.Target == 0m && m.Suspended);
        agriculture.Months.Where(m => m.Month.Month < 7).ShouldAllBe(m => m.Target > 0m && !m.Suspended);
        agriculture.Progress.FullTarget.ShouldBe(agriculture.Progress.Target);
        report.Categories.Single(c => c.Name == "Energy").Suspended.ShouldBeNull();
        report.Notes.ShouldContain(n => n.StartsWith("purchases-agriculture is suspended from 2020-07-01 by cond-test-stop-if-raised", StringComparison.Ordinal));
    }

    [Fact]
    public void Trade_in_suspended_months_is_not_counted_against_the_target()
    {
        using var temp = new TempStore();
        var scenario = temp.Write("raise.yaml", RaiseList4A);

        var agriculture = Shipped.Track(new TrackOptions(2020), Variant(), scenario).Categories.Single(c => c.Name == "Agriculture");

        agriculture.Progress.Actual.ShouldBe(agriculture.Months.Where(m => !m.Suspended).Sum(m => m.Actual));
        agriculture.Progress.Actual.ShouldBeLessThan(agriculture.Months[^1].CumulativeActual, "the months from July are shown but not counted");
        agriculture.Progress.PercentOfTarget!.Value.ShouldBeLessThan(100m);
    }

    [Fact]
    public void A_suspension_that_began_in_2020_still_holds_in_2021()
    {
        using var temp = new TempStore();
        var scenario = temp.Write("raise.yaml", RaiseList4A);

        var agriculture = Shipped.Track(new TrackOptions(2021), Variant(), scenario).Categories.Single(c => c.Name == "Agriculture");

        agriculture.Suspended!.From.ShouldBe(new DateOnly(2020, 7, 1));
        agriculture.Months.ShouldAllBe(m => m.Suspended && m.Target == 0m);
        agriculture.Progress.HasTarget.ShouldBeFalse();
        agriculture.Progress.PercentOfTarget.ShouldBeNull();
    }

    [Fact]
    public void Chinas_position_without_a_number_has_no_target_and_no_percentage()
    {
        var china = AgreementFiles.ReadValid(Path.Combine(Shipped.Loader.Paths.Agreements, "positions-2019-11", "china.yaml"), Shipped.Loader.AgreementContext);

        var report = Shipped.Track(new TrackOptions(2020), china);

        var agriculture = report.Categories.Single();
        agriculture.Progress.Actual.ShouldBeGreaterThan(27_000_000_000m);
        agriculture.Progress.HasTarget.ShouldBeFalse();
        agriculture.Progress.PercentOfTarget.ShouldBeNull();
        agriculture.Progress.Shortfall.ShouldBeNull();
        report.Total.Actual.ShouldBe(0m, "a commitment without a number is not summed against targets");
        report.Notes.ShouldContain("Agriculture: no numeric target in force (best-efforts): its trade is shown, not counted in the total");
    }

    [Fact]
    public void On_the_record_nothing_was_raised_in_2020_so_nothing_is_suspended()
    {
        var report = Shipped.Track(new TrackOptions(2020), Variant());
        report.Categories.ShouldAllBe(c => c.Suspended == null);
    }

    [Fact]
    public void The_signed_texts_consultation_clause_suspends_nothing_and_is_not_guessed()
    {
        var report = Shipped.Track(new TrackOptions(2020));
        report.Categories.ShouldAllBe(c => c.Suspended == null);
        report.Notes.ShouldNotContain(n => n.Contains("cond-unforeseen-events", StringComparison.Ordinal));
    }

    [Fact]
    public void The_us_positions_40_billion_a_year_against_2020_farm_exports()
    {
        var us = AgreementFiles.ReadValid(Path.Combine(Shipped.Loader.Paths.Agreements, "positions-2019-11", "us.yaml"), Shipped.Loader.AgreementContext);
        var agriculture = Shipped.Track(new TrackOptions(2020, Weights: TargetWeights.Even), us).Categories.Single();
        agriculture.Progress.FullTarget.ShouldBe(40_000_000_000m, 0.01m);
        // 2020 agricultural exports by the file's own category column, against the position's 40 bn.
        var exported = ExportFile.Sum(2020, r => ExportFile.Category(r) == "Agriculture");
        agriculture.Progress.Actual.ShouldBe(exported);
        agriculture.Progress.PercentOfTarget.ShouldBe(Math.Round(exported / 40_000_000_000m * 100m, 2));
    }

    private static Agreement Variant()
    {
        var text = File.ReadAllText(Path.Combine(Shipped.Loader.Paths.Agreements, "us-china-phase-one.yaml"))
            .Replace("conditions:\n", StopIfRaised, StringComparison.Ordinal);
        var read = AgreementReader.Parse(text, "variant.yaml", Shipped.Loader.AgreementContext);
        return read.Agreement ?? throw new InvalidOperationException(string.Join("\n", read.Problems));
    }
}
