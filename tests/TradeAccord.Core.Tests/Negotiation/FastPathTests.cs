using CsCheck;
using TradeAccord.Core.Negotiation;

namespace TradeAccord.Core.Tests.Negotiation;

/// <summary>The fast enumeration and frontier give what the plain, one-at-a-time paths give.</summary>
public class FastPathTests
{
    // Option counts (some of one option) and a handful of linkage constraints between random issues.
    private static readonly Gen<(int[] Sizes, int Seed, int Constraints)> Domains =
        Gen.Select(Gen.Int[1, 5].Array[1, 5], Gen.Int, Gen.Int[0, 3]);

    [Fact]
    public void Enumeration_matches_the_plain_path_bit_for_bit() =>
        Domains.Sample(d =>
        {
            var domain = Constrained(BargainingTests.Synthetic(d.Sizes, d.Seed), d.Constraints, d.Seed);
            var fast = OutcomeSpace.Of(domain);
            var plain = OutcomeSpace.OfByOutcome(domain);
            fast.Indexes.ShouldBe(plain.Indexes);
            fast.First.ShouldBe(plain.First);
            fast.Second.ShouldBe(plain.Second);
        }, iter: 500);

    [Fact]
    public void Constraints_drop_outcomes_in_both_paths()
    {
        var domain = Constrained(BargainingTests.Synthetic([3, 3, 2], seed: 4), count: 2, seed: 4);

        var fast = OutcomeSpace.Of(domain);

        fast.Count.ShouldBeLessThan((int)domain.Size);
        fast.Indexes.ShouldAllBe(i => domain.Allows(domain.Decode(i)));
        fast.Indexes.ShouldBe(OutcomeSpace.OfByOutcome(domain).Indexes);
    }

    [Fact]
    public void The_frontier_matches_the_plain_sort_on_large_random_spaces() =>
        Gen.Select(Gen.Int[1, 200_000], Gen.Int, Gen.Int[0, 2]).Sample(x =>
        {
            var (n, seed, kind) = x;
            var random = new Random(seed);
            // Up to three points per bucket, as on the largest spaces. Continuous values, a coarse grid full of ties,
            // and opposed utilities where most points are optimal.
            double Draw() => kind == 1 ? random.Next(0, 20) / 20.0 : random.NextDouble();
            var first = Enumerable.Range(0, n).Select(_ => Draw()).ToArray();
            var second = kind == 2 ? first.Select(f => 1 - f + random.NextDouble() * 1e-3).ToArray() : [.. Enumerable.Range(0, n).Select(_ => Draw())];
            Same(first, second);
        }, iter: 60);

    [Fact]
    public void The_frontier_matches_the_plain_sort_on_synthetic_domains() =>
        Gen.Select(Gen.Int[2, 9].Array[2, 5], Gen.Int, Gen.Bool).Sample(x =>
        {
            var space = OutcomeSpace.Of(BargainingTests.Synthetic(x.Item1, x.Item2, opposed: x.Item3));
            Same(space.First, space.Second);
        }, iter: 200);

    [Theory]
    [InlineData(new[] { 0.5, 0.5, 0.5, 0.5 }, new[] { 0.1, 0.4, 0.4, 0.2 })]
    [InlineData(new[] { 0.0, 1.0, double.PositiveInfinity, 2.0 }, new[] { 3.0, 2.0, 0.0, 1.0 })]
    [InlineData(new[] { 0.0, 1.0, 2.0, 3.0 }, new[] { double.NegativeInfinity, 2.0, double.NaN, 1.0 })]
    [InlineData(new[] { -0.0, 0.0, 1e-300, 1.0 }, new[] { 1.0, 1.0, 0.5, 0.5 })]
    [InlineData(new double[0], new double[0])]
    public void Edge_cases_fall_back_to_or_agree_with_the_plain_sort(double[] first, double[] second) => Same(first, second);

    [Fact]
    public void A_frontier_comes_out_best_for_the_first_party_first()
    {
        var space = OutcomeSpace.Of(BargainingTests.Synthetic([6, 6, 6, 6], seed: 11));

        var frontier = Bargaining.Frontier(space.First, space.Second);

        frontier.Length.ShouldBeGreaterThan(1);
        frontier.Select(i => space.First[i]).ShouldBeInOrder(SortDirection.Descending);
        frontier.Select(i => space.Second[i]).ShouldBeInOrder(SortDirection.Ascending);
    }

    // In order, not only as sets: published analyses list the frontier, ties included, in the plain path's order.
    private static void Same(double[] first, double[] second) =>
        Bargaining.Frontier(first, second).ShouldBe(Bargaining.FrontierBySort(first, second));

    // Adds seeded linkage constraints: when issue a takes one of some options, issue b must take one of others.
    private static NegotiationDomain Constrained(NegotiationDomain domain, int count, int seed)
    {
        var random = new Random(seed);
        var issues = domain.Issues;
        var constraints = Enumerable.Range(0, issues.Count < 2 ? 0 : count).Select(k =>
        {
            var a = issues[random.Next(issues.Count)];
            var b = issues.Where(i => i != a).ElementAt(random.Next(issues.Count - 1));
            return new Constraint($"c{k}", "linkage", a.Id, [.. a.Options.Where(_ => random.Next(2) == 0)], b.Id, [.. b.Options.Where(_ => random.Next(2) == 0)]);
        }).ToList();
        return domain with { Constraints = constraints };
    }
}
