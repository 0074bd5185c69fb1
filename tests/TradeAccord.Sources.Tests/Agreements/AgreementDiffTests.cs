using TradeAccord.Core.Agreements;

namespace TradeAccord.Sources.Tests.Agreements;

/// <summary>The two November 2019 positions compared: where the sides part, provision by provision.</summary>
public class AgreementDiffTests
{
    private static readonly IReadOnlyList<ProvisionChange> Gap =
        AgreementDiff.Compare(Agreements.Load(Agreements.UsPosition), Agreements.Load(Agreements.ChinaPosition));

    [Fact]
    public void Farm_purchases_number_in_the_text_against_no_number()
    {
        var farm = Change("purchases-agriculture", ChangeKind.Changed);
        Term(farm, "form").ShouldBe(("range", "best-efforts"));
        Term(farm, "publicText").ShouldBe(("yes", "no"));
        Term(farm, "targets.2020").ShouldBe(("level 40–50 USD billion", "none"));
        Term(farm, "targets.2021").ShouldBe(("level 40–50 USD billion", "none"));
    }

    [Fact]
    public void Tariff_rollback_timing_and_size()
    {
        var list4a = Change("us-list4a", ChangeKind.Changed);
        Term(list4a, "requires").ShouldBe(("15%", "removed"), "size: kept at 15% against removed");
        Term(list4a, "from").ShouldBe(("2019-09-01", "signing"), "timing: unchanged since September against with the deal");
        Term(Change("us-list4b", ChangeKind.Changed), "requires").ShouldBe(("suspended", "removed"));
    }

    [Fact]
    public void Enforcement_mechanism_strong_against_weak()
    {
        var enforcement = Change("enforcement", ChangeKind.Changed);
        Term(enforcement, "counterMeasures").ShouldBe(("not allowed", "allowed"));
        Term(enforcement, "responses").ShouldBe(("snapback", "none"));
    }

    [Fact]
    public void Exit_clause_only_in_china_position()
    {
        var exit = Change("cond-purchases-exit", ChangeKind.Added);
        Term(exit, "link").ShouldBe(("none", "suspended-by"));
        Term(exit, "governs").ShouldBe(("none", "purchases-agriculture"));
        Term(exit, "trigger").ShouldBe(("none", "US escalates-tensions"));
    }

    [Fact]
    public void Linkage_on_each_side()
    {
        Term(Change("cond-list4b-for-numbers", ChangeKind.Removed), "trigger")
            .ShouldBe(("provision purchases-agriculture as binding-number or range", "none"));
        Term(Change("cond-rollback-for-offers", ChangeKind.Added), "link").ShouldBe(("none", "exchanged-for"));
        Change("tech-transfer", ChangeKind.Removed).Section.ShouldBe("structural");
    }

    [Fact]
    public void A_draft_compared_with_itself_has_no_differences() =>
        AgreementDiff.Compare(Agreements.Load(Agreements.UsPosition), Agreements.Load(Agreements.UsPosition)).ShouldBeEmpty();

    [Fact]
    public void Signed_text_against_china_position_shows_the_numbers_china_accepted()
    {
        var changes = AgreementDiff.Compare(Agreements.Load(Agreements.ChinaPosition), Agreements.Load(Agreements.PhaseOne));
        var farm = changes.Single(c => c.Id == "purchases-agriculture");
        farm.Terms.Single(t => t.Name == "form").New.ShouldBe("binding-number");
        farm.Terms.Single(t => t.Name == "targets.2020").New.ShouldBe("increase 12.5 USD billion");
        changes.Single(c => c.Id == "agreement").Terms.Single(t => t.Name == "signed").ShouldBe(new TermChange("signed", "none", "2020-01-15"));
    }

    private static ProvisionChange Change(string id, ChangeKind kind)
    {
        var change = Gap.Single(c => c.Id == id);
        change.Kind.ShouldBe(kind);
        return change;
    }

    private static (string Old, string New) Term(ProvisionChange change, string name)
    {
        var term = change.Terms.SingleOrDefault(t => t.Name == name) ?? throw new ShouldAssertException($"{change.Id} has no changed term {name}");
        return (term.Old, term.New);
    }
}
