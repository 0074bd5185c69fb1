using TradeAccord.Core.Negotiation;
using TradeAccord.Sources.Negotiation;
using TradeAccord.Sources.References;

namespace TradeAccord.Sources.Tests.Negotiation;

/// <summary>On every shipped domain, the fast enumeration and frontier give what the plain paths give.</summary>
public class ShippedDomainFastPathTests
{
    public static TheoryData<string> Names => [.. NegotiationFiles.Names(BuiltIn.Loader)];

    [Theory]
    [MemberData(nameof(Names))]
    public void The_fast_paths_match_the_plain_paths(string name)
    {
        var domain = NegotiationFiles.Load(BuiltIn.Loader, BuiltIn.Ref(ReferenceKind.Negotiation, name));

        var fast = OutcomeSpace.Of(domain);
        var plain = OutcomeSpace.OfByOutcome(domain);

        fast.Count.ShouldBeGreaterThan(0);
        fast.Indexes.ShouldBe(plain.Indexes);
        fast.First.ShouldBe(plain.First);
        fast.Second.ShouldBe(plain.Second);
        var frontier = Bargaining.Frontier(fast.First, fast.Second);
        var sorted = Bargaining.FrontierBySort(plain.First, plain.Second);
        var pairwise = Bargaining.FrontierByBruteForce(plain.First, plain.Second);
        frontier.ShouldNotBeEmpty();
        sorted.Order().ToArray().ShouldBe(pairwise.Order().ToArray());
        // In order, ties included: the published analyses list the frontier as the plain path does.
        frontier.ShouldBe(sorted);
    }

    [Fact]
    public void There_are_shipped_domains_to_check() => NegotiationFiles.Names(BuiltIn.Loader).Count.ShouldBeGreaterThan(1);
}
