using TradeAccord.Core.Commitments;

namespace TradeAccord.Storage.Tests;

/// <summary>The phase one purchase commitments tracked on the shipped US export series.</summary>
public class TrackerTests
{
    private const decimal Billion = 1_000_000_000m;

    // The 2017 values and 2020 values published by an independent tracker on the same Census series
    // (mwaugh0328/tradewar-tracker, phase-one-trade-Cdata.ipynb @ 752eb48a, "benchmarks" cell), in USD billion.
    [Theory]
    [InlineData("Manufactured Goods", 50.15148, 52.17981, 62.83)]
    [InlineData("Agriculture", 20.96979, 27.33534, 81.67)]
    [InlineData("Energy", 7.649222, 9.738383, 37.24)]
    public void Baseline_2017_and_2020_results_agree_with_the_published_tracker(string category, double published2017, double published2020, double percent)
    {
        var report = Shipped.Track(new TrackOptions(2020));
        var progress = report.Categories.Single(c => c.Name == category);

        (progress.BaselineYearTotal / Billion).ShouldBe((decimal)published2017, 0.00001m);
        (progress.Progress.Actual / Billion).ShouldBe((decimal)published2020, 0.00001m);
        progress.Progress.PercentOfTarget.ShouldBe((decimal)percent);
    }

    [Fact]
    public void The_2020_total_target_matches_the_published_us_export_target()
    {
        var report = Shipped.Track(new TrackOptions(2020));
        // PIIE's tracker (versions of May–September 2020): "a 2020 target of $142.7 billion" on US export statistics.
        Math.Round(report.Total.Target / Billion, 1).ShouldBe(142.7m);
        Math.Round(report.Total.Actual / Billion, 2).ShouldBe(89.25m);
        report.Total.PercentOfTarget.ShouldBe(62.56m);
    }

    [Theory]
    [InlineData(TargetWeights.Seasonal)]
    [InlineData(TargetWeights.Even)]
    public void Monthly_targets_sum_to_the_annual_target(TargetWeights weights)
    {
        var report = Shipped.Track(new TrackOptions(2020, Weights: weights));
        var increases = new Dictionary<string, decimal> { ["Manufactured Goods"] = 32.9m, ["Agriculture"] = 12.5m, ["Energy"] = 18.5m };
        foreach (var category in report.Categories.Where(c => c.HasData))
        {
            category.Months.Count.ShouldBe(12);
            category.Months.Sum(m => m.Target).ShouldBe(category.BaselineYearTotal + increases[category.Name] * Billion);
            category.Months.ShouldAllBe(m => m.Target == decimal.Round(m.Target, 2));
            category.Progress.FullTarget.ShouldBe(category.Progress.Target);
        }
    }

    [Fact]
    public void Seasonal_targets_follow_the_2017_months()
    {
        var report = Shipped.Track(new TrackOptions(2020, new DateOnly(2020, 6, 1)));
        var agriculture = report.Categories.Single(c => c.Name == "Agriculture");
        var even = Shipped.Track(new TrackOptions(2020, new DateOnly(2020, 6, 1), Weights: TargetWeights.Even)).Categories.Single(c => c.Name == "Agriculture");

        // US farm exports to China are heaviest in the autumn harvest months, so a seasonal target asks less by June.
        agriculture.Progress.Target.ShouldBeLessThan(even.Progress.Target);
        even.Progress.Target.ShouldBe((even.BaselineYearTotal + 12.5m * Billion) / 2m, 0.06m, "six whole-cent months");
        agriculture.Progress.Projected.ShouldBe(Math.Round(agriculture.Progress.Actual * agriculture.Progress.FullTarget / agriculture.Progress.Target, 0));
        agriculture.Progress.Shortfall.ShouldBe(agriculture.Progress.Target - agriculture.Progress.Actual);
        agriculture.Months.Select(m => m.Month.Month).ShouldBe([1, 2, 3, 4, 5, 6]);
    }

    [Fact]
    public void The_agreement_year_runs_from_the_month_of_entry_into_force()
    {
        var report = Shipped.Track(new TrackOptions(2020, Window: TrackWindow.Agreement, Weights: TargetWeights.Even));
        report.From.ShouldBe(new DateOnly(2020, 2, 1));
        report.Through.ShouldBe(new DateOnly(2021, 1, 1));
        var energy = report.Categories.Single(c => c.Name == "Energy");
        energy.Months[^1].Target.ShouldBeGreaterThan(energy.Months[0].Target, "January 2021 carries the higher 2021 target");
        report.Notes.ShouldContain(n => n.StartsWith("agreement year from the month of entry into force (2020-02-14)", StringComparison.Ordinal));
    }

    [Fact]
    public void Coverage_names_the_annex_codes_the_data_cannot_show()
    {
        var report = Shipped.Track(new TrackOptions(2020));
        report.Coverage.Gaps.Select(g => $"{g.Line.Code} {g.Match}").ShouldBe(["27111990 NoTrade", "8802 NoTrade"]);
        // Summed from the export file itself: all of 2020, and the rows its own annex column leaves empty ("not in
        // agreement", 34.87364 USD bn in the published tracker's 2020 figures, mwaugh0328/tradewar-tracker).
        (report.Coverage.Covered + report.Coverage.Uncovered).ShouldBe(ExportFile.Sum(2020, _ => true));
        report.Coverage.Uncovered.ShouldBe(ExportFile.Sum(2020, r => !ExportFile.InAnnex(r)));
        Math.Round(report.Coverage.Uncovered / Billion, 5).ShouldBe(34.87364m);
    }

    [Fact]
    public void Services_without_yearly_figures_say_so()
    {
        var report = Shipped.Track(new TrackOptions(2020));
        report.Categories.Single(c => c.Name == "Services").HasData.ShouldBeFalse();
        report.Notes.ShouldContain(n => n.StartsWith("Services: no data.", StringComparison.Ordinal));
        report.Total.Target.ShouldBe(report.Categories.Where(c => c.HasData).Sum(c => c.Progress.Target));
    }

    [Fact]
    public void Farm_purchases_to_october_2020_agree_with_piies_tracker()
    {
        // PIIE's tracker, November 2020 (as reported on 2020-11-30): US exports of covered agricultural products
        // $17.5 billion against a year-to-date target of $24.6 billion, January to October 2020, seasonal targets.
        var agriculture = Shipped.Track(new TrackOptions(2020, new DateOnly(2020, 10, 1))).Categories.Single(c => c.Name == "Agriculture");
        agriculture.Progress.Actual.ShouldBe(17_500_000_000m, 17_500_000_000m * 0.01m);
        agriculture.Progress.Target.ShouldBe(24_600_000_000m, 24_600_000_000m * 0.01m);
    }

    [Fact]
    public void Data_ending_before_the_window_ends_is_said()
    {
        var report = Shipped.Track(new TrackOptions(2021));
        report.Through.ShouldBe(new DateOnly(2021, 11, 1));
        report.Notes.ShouldContain("us-exports (census-2021-03-25), continued by us-exports-by-category (census-ytd-2021-11), has data through 2021-11: months after it are not counted");
        var agreementYear = Shipped.Track(new TrackOptions(2021, Window: TrackWindow.Agreement));
        agreementYear.Through.ShouldBe(new DateOnly(2021, 11, 1));
        agreementYear.Categories.First(c => c.HasData).Months.Count.ShouldBe(10);
    }
}
