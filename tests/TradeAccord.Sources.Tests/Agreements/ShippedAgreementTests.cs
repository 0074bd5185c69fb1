using System.Globalization;
using TradeAccord.Core.Agreements;
using TradeAccord.Sources.Csv;

namespace TradeAccord.Sources.Tests.Agreements;

public class ShippedAgreementTests
{
    [Theory]
    [InlineData(Agreements.PhaseOne)]
    [InlineData(Agreements.UsPosition)]
    [InlineData(Agreements.ChinaPosition)]
    public void Each_shipped_agreement_is_valid(string name)
    {
        var read = Agreements.Read(name);
        read.Problems.ShouldBeEmpty(string.Join("\n", read.Problems));
        read.Agreement!.Id.ShouldBe("us-china-phase-one");
    }

    [Fact]
    public void Article_6_2_targets_equal_the_transcribed_table_in_data()
    {
        var agreement = Agreements.Load(Agreements.PhaseOne);
        var table = Path.Combine(BuiltIn.Loader.Paths.Data, "phase_one", "phase_one_commitments_article_6_2.csv");
        var rows = CsvTable.Read(table, "phase_one_commitments_article_6_2.csv", "category", "increase_over_2017_baseline_2020_usd",
            "increase_over_2017_baseline_2021_usd", "article").ToList();
        rows.Count.ShouldBe(4);
        foreach (var row in rows)
        {
            var commitment = agreement.Purchases.Single(p => p.Source!.Article == row["article"]);
            commitment.Baseline!.Year.ShouldBe(2017);
            commitment.Unit.ShouldBe("USD billion");
            commitment.Targets.Single(t => t.Year == 2020).Minimum.ShouldBe(row.Decimal("increase_over_2017_baseline_2020_usd") / 1e9m);
            commitment.Targets.Single(t => t.Year == 2021).Minimum.ShouldBe(row.Decimal("increase_over_2017_baseline_2021_usd") / 1e9m);
        }

        agreement.Purchases.Sum(p => p.Targets.Sum(t => t.Minimum)).ShouldBe(200.0m, "Article 6.2: no less than $200 billion over two years");
    }

    [Fact]
    public void Goods_commitments_name_annex_6_1_categories_and_services_has_no_product_list()
    {
        var agreement = Agreements.Load(Agreements.PhaseOne);
        var mapping = BuiltIn.Loader.AgreementContext.Products("phase_one/annex_6_1_products.csv")!;
        mapping.Lines.Count.ShouldBe(536, "data/SOURCES.md section 4: annex_6_1_products.csv has 536 rows, as the raw annex it is derived from");
        mapping.Categories.Order().ShouldBe(["Agriculture", "Energy", "Manufactured Goods"]);
        agreement.Purchases.Where(p => p.Products is not null).Select(p => p.Category).Order().ShouldBe(["Agriculture", "Energy", "Manufactured Goods"]);
        agreement.Purchases.Single(p => p.Products is null).Category.ShouldBe("Services");
    }

    [Fact]
    public void Phase_one_timeline_orders_signing_tariff_actions_targets_and_milestones()
    {
        var agreement = Agreements.Load(Agreements.PhaseOne);
        var timeline = AgreementTimeline.Of(agreement);
        var dates = timeline.Dated.Select(e => e.Date).ToList();
        dates.ShouldBe(dates.Order().ToList());
        Day(timeline, "us-list4b").ShouldBe("2019-12-15");
        timeline.Dated.Single(e => e.What == "signed").Date.ShouldBe(new DateOnly(2020, 1, 15));
        Day(timeline, "us-list4a").ShouldBe("2020-02-14");
        // 30 calendar days after entry into force on 2020-02-14.
        Day(timeline, "ip-action-plan").ShouldBe("2020-03-15");
        timeline.Dated.Where(e => e.Provision == "purchases-agriculture").Select(e => e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .ShouldBe(["2020-01-01", "2020-12-31", "2021-01-01", "2021-12-31"]);
        timeline.Relative.ShouldContain(r => r.What.Contains("90 calendar days after assessment", StringComparison.Ordinal) && !r.Confirmed);
        // The 60 days' notice is the time limit of the stage a notice opens: listed once, not again as a withdrawal line.
        timeline.Relative.Count(r => r.What.Contains("60 calendar days after withdrawal-noticed", StringComparison.Ordinal) && !r.Confirmed).ShouldBe(1);
        timeline.Relative.ShouldNotContain(r => r.What.Contains("days after written notice", StringComparison.Ordinal));
    }

    [Fact]
    public void A_draft_obligation_from_signing_is_undated_until_a_signing_date_is_assumed()
    {
        var china = Agreements.Load(Agreements.ChinaPosition);
        AgreementTimeline.Of(china).Undated.ShouldContain(u => u.Contains("[us-list4a]", StringComparison.Ordinal));
        var dated = AgreementTimeline.Of(china with { Signed = new DateOnly(2019, 12, 15), EntryIntoForce = new DateOnly(2019, 12, 15) });
        dated.Undated.ShouldBeEmpty();
        Day(dated, "us-list4a").ShouldBe("2019-12-15");
    }

    [Fact]
    public void Reported_positions_mark_every_provision_reported()
    {
        foreach (var name in new[] { Agreements.UsPosition, Agreements.ChinaPosition })
        {
            var draft = Agreements.Load(name);
            draft.Status.ShouldBe(AgreementStatus.Draft);
            draft.Provisions.ShouldAllBe(p => p.Evidence == Evidence.Reported);
        }
    }

    private static string Day(AgreementTimeline timeline, string provision) =>
        timeline.Dated.First(e => e.Provision == provision).Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
