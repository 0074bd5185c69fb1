using TradeAccord.Core.Common;
using TradeAccord.Core.Enforcement;

namespace TradeAccord.Core.Tests.Enforcement;

public class CaseChainTests
{
    private static IReadOnlyList<CaseEvent> Chain()
    {
        var first = CaseChain.Seal("c", new CaseEvent(1, "appeal-filed", new DateOnly(2021, 1, 15), CountryCode.US, "", "a", "x", null, CaseChain.Genesis, ""));
        var second = CaseChain.Seal("c", new CaseEvent(2, "assess", new DateOnly(2021, 2, 1), CountryCode.CN, "a", "b", null, null, first.Hash, ""));
        return [first, second];
    }

    [Fact]
    public void An_intact_chain_verifies() => CaseChain.FirstBreak("c", Chain()).ShouldBeNull();

    [Fact]
    public void Any_changed_field_breaks_the_hash()
    {
        var events = Chain();
        CaseChain.FirstBreak("c", [events[0], events[1] with { By = CountryCode.US }])!.Value.Event.Sequence.ShouldBe(2);
        CaseChain.FirstBreak("c", [events[0] with { Note = "y" }, events[1]])!.Value.Problem.ShouldContain("does not match its hash");
        CaseChain.FirstBreak("other case", events)!.Value.Event.Sequence.ShouldBe(1, "the case id is in the hash: events cannot be moved between cases");
    }

    [Fact]
    public void A_resealed_edit_still_breaks_the_next_link()
    {
        var events = Chain();
        var forged = CaseChain.Seal("c", events[0] with { Note = "forged" });
        CaseChain.FirstBreak("c", [forged, events[1]])!.Value.Problem.ShouldStartWith("its previous-hash does not match");
    }

    [Fact]
    public void Field_boundaries_cannot_be_shifted()
    {
        var a = CaseChain.HashOf("c", new CaseEvent(1, "ab", new DateOnly(2021, 1, 1), null, "", "c", null, null, CaseChain.Genesis, ""));
        var b = CaseChain.HashOf("c", new CaseEvent(1, "a", new DateOnly(2021, 1, 1), null, "b", "c", null, null, CaseChain.Genesis, ""));
        a.ShouldNotBe(b);
    }

    [Fact]
    public void Proportionality_takes_the_narrowest_set_under_the_ceiling_and_shows_its_arithmetic()
    {
        var proposal = Proportionality.Propose(50m, [new ProductSet("narrow", "h1", 100m, 2017), new ProductSet("wide", "h1, h2", 400m, 2017)]);
        proposal.Products.Name.ShouldBe("wide", "50 on 100 needs 50%, above the 25% ceiling");
        proposal.Rate.ShouldBe(0.125m);
        proposal.EstimatedCostUsd.ShouldBe(50m);
        proposal.Arithmetic.ShouldContain(l => l.Contains("narrow: imports 0.00 USD bn in 2017; rate needed", StringComparison.Ordinal));
        Proportionality.Propose(10m, [new ProductSet("narrow", "h1", 100m, 2017)]).Rate.ShouldBe(0.1m);
        Proportionality.Propose(10.1m, [new ProductSet("narrow", "h1", 100m, 2017)]).Rate.ShouldBe(0.105m, "rounded up to half a point");
        Should.Throw<ArgumentException>(() => Proportionality.Propose(0m, [new ProductSet("narrow", "h1", 100m, 2017)]));
    }
}
