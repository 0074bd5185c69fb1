using TradeAccord.Core.Commitments;

namespace TradeAccord.Storage.Tests;

/// <summary>
/// 2021 on the shipped data: the HS6 series ends in 2021-02, and the monthly releases of 2021's year-to-date category
/// totals (Census, via tradewar-tracker) continue it through 2021-11.
/// </summary>
public class ContinuationTests
{
    // Year-to-date totals of the releases for 2021-02, 2021-06 and 2021-11 (data/phase_one/us_exports_..._ytd_vintages.csv).
    private static readonly Dictionary<string, (decimal Feb, decimal Jun, decimal Nov)> YearToDate = new()
    {
        ["Agriculture"] = (5_819_530_853m, 14_227_914_281m, 30_198_996_424m),
        ["Energy"] = (1_893_295_406m, 6_580_342_643m, 14_243_623_412m),
        ["Manufactured Goods"] = (8_792_207_284m, 30_689_560_285m, 56_544_050_206m),
    };

    [Fact]
    public void The_year_to_date_releases_continue_the_hs6_series_through_november()
    {
        var february = Shipped.Track(new TrackOptions(2021, new DateOnly(2021, 2, 1)));
        var november = Shipped.Track(new TrackOptions(2021));

        february.Continuation.ShouldBeNull();
        november.Continuation.ShouldBe(new TrackContinuation("us-exports-by-category", "census-ytd-2021-11", new DateOnly(2021, 3, 1), new DateOnly(2021, 11, 1)));
        november.Through.ShouldBe(new DateOnly(2021, 11, 1));
        foreach (var (category, ytd) in YearToDate)
        {
            // March to November is the November release's total less the February release's, to the dollar.
            var added = Actual(november, category) - Actual(february, category);
            added.ShouldBe(ytd.Nov - ytd.Feb, category);
            november.Categories.Single(c => c.Name == category).Subcategories
                .Single(s => s.Name == PurchaseTracker.NoDetail).Actual.ShouldBe(ytd.Nov - ytd.Feb, category);
        }

        november.Notes.ShouldContain(n => n.StartsWith("from 2021-03 to 2021-11: category totals of us-exports-by-category (census-ytd-2021-11)", StringComparison.Ordinal));
    }

    [Fact]
    public void An_earlier_release_shows_what_was_known_then()
    {
        var june = Shipped.Track(new TrackOptions(2021), categoryVintage: "census-ytd-2021-06");
        var february = Shipped.Track(new TrackOptions(2021, new DateOnly(2021, 2, 1)));

        june.Through.ShouldBe(new DateOnly(2021, 6, 1));
        june.Continuation!.Vintage.ShouldBe("census-ytd-2021-06");
        foreach (var (category, ytd) in YearToDate)
        {
            (Actual(june, category) - Actual(february, category)).ShouldBe(ytd.Jun - ytd.Feb, category);
        }
    }

    [Fact]
    public void A_subcategory_is_set_only_against_the_baseline_months_it_has_data_for()
    {
        var november = Shipped.Track(new TrackOptions(2021));
        var february = Shipped.Track(new TrackOptions(2021, new DateOnly(2021, 2, 1)));

        var oilseedsNov = november.Categories.Single(c => c.Name == "Agriculture").Subcategories.Single(s => s.Name == "Oilseeds");
        var oilseedsFeb = february.Categories.Single(c => c.Name == "Agriculture").Subcategories.Single(s => s.Name == "Oilseeds");
        oilseedsNov.ShouldBe(oilseedsFeb);
        // The category's baseline still covers January to November 2017, split between detailed and totals-only months.
        var agriculture = november.Categories.Single(c => c.Name == "Agriculture");
        agriculture.Subcategories.Sum(s => s.Baseline).ShouldBe(agriculture.Progress.Baseline);
    }

    [Fact]
    public void The_2020_figures_do_not_change()
    {
        var report = Shipped.Track(new TrackOptions(2020));
        report.Continuation.ShouldBeNull();
        report.Total.PercentOfTarget.ShouldBe(62.56m);
    }

    [Fact]
    public void The_whole_of_phase_one_is_the_two_years_summed()
    {
        var both = Shipped.Track(new TrackOptions(2020, Years: 2));
        var first = Shipped.Track(new TrackOptions(2020));
        var second = Shipped.Track(new TrackOptions(2021));

        (both.From, both.Through, both.WindowEnd).ShouldBe((new DateOnly(2020, 1, 1), new DateOnly(2021, 11, 1), new DateOnly(2021, 12, 1)));
        both.Total.Actual.ShouldBe(first.Total.Actual + second.Total.Actual);
        both.Total.Target.ShouldBe(first.Total.Target + second.Total.Target);
        both.Total.FullTarget.ShouldBe(first.Total.FullTarget + second.Total.FullTarget);
        both.Total.Baseline.ShouldBe(first.Total.Baseline + second.Total.Baseline);
        var agriculture = both.Categories.Single(c => c.Name == "Agriculture");
        agriculture.Months.Count.ShouldBe(23);
        agriculture.Subcategories.Sum(s => s.Baseline).ShouldBe(agriculture.Progress.Baseline);
        // Article 6.2: 12.5 bn over 2017 in 2020 and 19.5 bn in 2021, on the 2017 agricultural baseline twice.
        agriculture.Progress.FullTarget.ShouldBe(2 * agriculture.BaselineYearTotal + 32_000_000_000m);
    }

    private static decimal Actual(TrackReport report, string category) => report.Categories.Single(c => c.Name == category).Progress.Actual;
}
