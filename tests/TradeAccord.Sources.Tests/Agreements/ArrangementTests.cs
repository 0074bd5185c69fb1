using TradeAccord.Core.Agreements;
using TradeAccord.Core.Common;

namespace TradeAccord.Sources.Tests.Agreements;

/// <summary>
/// The arrangement of 2025-10-30 and its May 2026 additions: valid, their figures as the White House texts state them,
/// and their tariff obligations checked on the record — met, then moot once the IEEPA duties were ended.
/// </summary>
public class ArrangementTests
{
    [Theory]
    [InlineData(Agreements.Arrangement)]
    [InlineData(Agreements.Additions)]
    public void The_2025_and_2026_files_are_valid(string name)
    {
        var read = Agreements.Read(name);
        read.Problems.ShouldBeEmpty(string.Join("\n", read.Problems));
        read.Agreement!.Id.ShouldBe(name);
    }

    [Fact]
    public void Soybean_pledges_are_in_million_tonnes_over_their_own_periods_and_public_on_the_us_side_only()
    {
        var agreement = Agreements.Load(Agreements.Arrangement);
        var late2025 = agreement.Purchases.Single(p => p.Id == "soybeans-2025");
        late2025.Unit.ShouldBe("million t");
        late2025.IsPhysical.ShouldBeTrue();
        late2025.HsCodes.ShouldBe(["1201"]);
        late2025.PublicText.ShouldBeFalse();
        late2025.PublicTextBy[CountryCode.US].ShouldBeTrue();
        late2025.PublicTextBy[CountryCode.CN].ShouldBeFalse();
        var target = late2025.Targets.Single();
        target.Period.ShouldBe(new DateInterval(new DateOnly(2025, 11, 1), new DateOnly(2026, 1, 1)));
        target.Due.ShouldBe(12m);
        agreement.Purchases.Single(p => p.Id == "soybeans-2026-2028").Targets.Select(t => (t.Year, t.Due)).ShouldBe([(2026, 25m), (2027, 25m), (2028, 25m)]);
    }

    [Fact]
    public void The_2026_agricultural_figure_is_prorated_from_its_day()
    {
        var additions = Agreements.Load(Agreements.Additions);
        additions.Amends.ShouldBe(Agreements.Arrangement);
        var target = additions.Purchases.Single().Targets.Single(t => t.Year == 2026);
        target.Period.Start.ShouldBe(new DateOnly(2026, 5, 17));
        // 229 of 365 days remain from 2026-05-17.
        target.Due.ShouldBe(Math.Round(17m * 229 / 365, 3));
        target.Label.ShouldBe("2026 from 2026-05-17");
    }

    [Fact]
    public void The_us_cuts_are_met_in_december_2025_and_moot_after_the_ieepa_duties_end()
    {
        Check("2025-12-01")["us-fentanyl-cut"].Verdict.ShouldBe(Verdict.Met);
        Check("2025-12-01")["us-reciprocal-suspension"].Verdict.ShouldBe(Verdict.Met);
        var after = Check("2026-03-01");
        foreach (var id in new[] { "us-fentanyl-cut", "us-reciprocal-suspension" })
        {
            after[id].Verdict.ShouldBe(Verdict.Moot);
            after[id].Reason.ShouldStartWith("moot since 2026-02-20 (ieepa-duties-ended): The IEEPA duties are ended");
        }
    }

    [Fact]
    public void A_suspension_past_its_expiry_is_unknown_when_the_texts_do_not_say_and_lapsed_when_they_do()
    {
        Check("2026-07-01")["us-maritime-301-suspension"].Verdict.ShouldBe(Verdict.NotCheckable);
        var after = Check("2026-11-10")["us-maritime-301-suspension"];
        after.Verdict.ShouldBe(Verdict.UnknownAfterExpiry);
        after.Reason.ShouldBe("suspended until 2026-11-10; the texts do not say what follows");

        var lapsing = Agreements.Parse(Agreements.Text(Agreements.Arrangement).Replace(
            "until: 2026-11-10\n    afterExpiry: unknown\n    source", "until: 2026-11-10\n    afterExpiry: lapses\n    source", StringComparison.Ordinal)).Agreement!;
        TariffCheck.Run(lapsing, BuiltIn.Loader.Baseline, BuiltIn.Schedule().Set, BuiltIn.Day("2026-11-10"))
            .Single(c => c.Obligation.Id == "us-maritime-301-suspension").Verdict.ShouldBe(Verdict.Expired);
    }

    [Fact]
    public void Phase_one_and_the_arrangement_share_no_ids_and_are_compared_kind_by_kind()
    {
        var kinds = KindComparison.Compare(Agreements.Load(Agreements.PhaseOne), Agreements.Load(Agreements.Arrangement)).ToDictionary(k => k.Kind);
        kinds.Keys.ShouldBe(["tariff", "purchase", "structural", "condition", "enforcement"]);
        kinds["purchase"].OnlyB.ShouldBe(["soybeans-2025", "soybeans-2026-2028"]);
        var unit = kinds["purchase"].Terms.Single(t => t.Name == "unit");
        (unit.Old, unit.New).ShouldBe(("USD billion", "million t"));
        kinds["purchase"].Terms.Single(t => t.Name == "publicText").New.ShouldBe("CN: no, US: yes");
        kinds["tariff"].Terms.Single(t => t.Name == "mootBy").New.ShouldBe("ieepa-duties-ended; none");
        kinds["enforcement"].CountB.ShouldBe(0);
        kinds["enforcement"].Terms.ShouldBeEmpty();
    }

    private static Dictionary<string, ObligationCheck> Check(string date) =>
        TariffCheck.Run(Agreements.Load(Agreements.Arrangement), BuiltIn.Loader.Baseline, BuiltIn.Schedule().Set, BuiltIn.Day(date))
            .ToDictionary(c => c.Obligation.Id);
}
