using TradeAccord.Core.Agreements;
using TradeAccord.Core.Commitments;

namespace TradeAccord.Core.Tests.Commitments;

/// <summary>The tracker's arithmetic on clearly synthetic trade: round numbers, one category.</summary>
public class PurchaseTrackerTests
{
    private static readonly ProductMapping Annex = new("synthetic", [
        new AnnexLine("1201", "1201", "Agriculture", "Oilseeds"),
        new AnnexLine("271012250", "2710", "Energy", "Refined products"),
    ]);

    private static Agreement Deal(TargetMeasure measure = TargetMeasure.Increase, decimal figure = 12m) => new()
    {
        Id = "synthetic", Title = "synthetic", Status = AgreementStatus.Signed, Parties = [],
        Signed = new DateOnly(2020, 1, 15), EntryIntoForce = new DateOnly(2020, 2, 14),
        Purchases =
        [
            new PurchaseCommitment
            {
                Id = "p", Title = "p", Category = "Agriculture", Products = "synthetic", Unit = "USD", Form = CommitmentForm.BindingNumber,
                PublicText = true, Baseline = new Baseline(2017, "s"), MeasuredBy = ["s"],
                Targets = [new PurchaseTarget(2020, measure, figure, figure)],
            },
        ],
    };

    // 2017: 1 a month except 13 in December (24 in all); 2020: 2 a month.
    private static readonly MonthlyTotal[] Trade =
    [
        .. Enumerable.Range(1, 12).Select(m => new MonthlyTotal(new DateOnly(2017, m, 1), "Agriculture", "Oilseeds", m == 12 ? 13m : 1m)),
        .. Enumerable.Range(1, 12).Select(m => new MonthlyTotal(new DateOnly(2020, m, 1), "Agriculture", "Oilseeds", 2m)),
    ];

    private static CategoryProgress Track(TrackOptions options, Agreement? deal = null, IReadOnlyList<Suspension>? suspensions = null) =>
        PurchaseTracker.Track(deal ?? Deal(), "s", "v", Trade, new Dictionary<string, IReadOnlyList<AnnualFlow>>(), [], suspensions ?? [], options).Categories.Single();

    [Fact]
    public void Seasonal_targets_follow_the_baseline_months_and_sum_to_baseline_plus_increase()
    {
        var june = Track(new TrackOptions(2020, new DateOnly(2020, 6, 1)));
        june.BaselineYearTotal.ShouldBe(24m);
        june.Progress.FullTarget.ShouldBe(36m);
        june.Progress.Target.ShouldBe(6m * 36m / 24m);
        june.Progress.Actual.ShouldBe(12m);
        june.Progress.PercentOfTarget.ShouldBe(133.33m);
        june.Progress.Projected.ShouldBe(48m, "actual × full target ÷ target so far: 12 × 36 / 9");
        june.Progress.Baseline.ShouldBe(6m);
    }

    [Fact]
    public void Even_targets_are_a_twelfth_a_month()
    {
        var june = Track(new TrackOptions(2020, new DateOnly(2020, 6, 1), Weights: TargetWeights.Even));
        june.Progress.Target.ShouldBe(18m);
        june.Months.ShouldAllBe(m => m.Target == 3m);
    }

    [Fact]
    public void A_level_target_ignores_the_baseline()
    {
        var year = Track(new TrackOptions(2020, Weights: TargetWeights.Even), Deal(TargetMeasure.Level, 30m));
        year.Progress.FullTarget.ShouldBe(30m);
        year.Progress.PercentOfTarget.ShouldBe(80m);
    }

    [Fact]
    public void Suspended_months_carry_no_target()
    {
        var suspension = new Suspension("p", new DateOnly(2020, 10, 15), "c", "synthetic");
        var year = Track(new TrackOptions(2020, Weights: TargetWeights.Even), suspensions: [suspension]);
        year.Months.Count(m => m.Suspended).ShouldBe(3, "October (suspended mid-month) to December");
        year.Progress.FullTarget.ShouldBe(27m);
    }

    [Fact]
    public void Allocation_gives_whole_cents_that_sum_to_the_total()
    {
        var months = PurchaseTracker.Allocate(100m, [1m, 1m, 1m]);
        months.ShouldBe([33.34m, 33.33m, 33.33m]);
        PurchaseTracker.Allocate(33_469_790_000m, [.. Enumerable.Repeat(1m, 12)]).Sum().ShouldBe(33_469_790_000m);
    }

    [Fact]
    public void Mapping_takes_the_longest_annex_prefix_and_reports_lines_finer_than_the_data()
    {
        var mapper = new ProductMapper(Annex);
        mapper.LineFor("120190")!.Subcategory.ShouldBe("Oilseeds");
        mapper.LineFor("271012250")!.Category.ShouldBe("Energy");
        mapper.LineFor("271012").ShouldBeNull("the HS6 code holds more than the 9-digit annex line");
        var gap = mapper.Gaps(["120190", "271012"]).ShouldHaveSingleItem();
        (gap.Line.Code, gap.Match, gap.TradeCodes.Single()).ShouldBe(("271012250", AnnexMatch.FinerThanData, "271012"));
    }
}
