using CsCheck;
using TradeAccord.Core.Negotiation;

namespace TradeAccord.Core.Tests.Negotiation;

/// <summary>The frontier and the bargaining solutions on clearly synthetic domains.</summary>
public class BargainingTests
{
    // Utilities on a coarse grid, so ties and duplicates are common: the hard cases for a sweep.
    private static readonly Gen<(double[] A, double[] B)> Points =
        Gen.Int[1, 60].SelectMany(n => Gen.Int[0, 8].Array[n].SelectMany(a => Gen.Int[0, 8].Array[n].Select(b =>
            (a.Select(x => x / 8.0).ToArray(), b.Select(x => x / 8.0).ToArray()))));

    [Fact]
    public void The_frontier_matches_a_brute_force_check() =>
        Points.Sample(p => Bargaining.Frontier(p.A, p.B).Order().ShouldBe(Bargaining.FrontierByBruteForce(p.A, p.B)), iter: 2_000);

    [Fact]
    public void Kalai_smorodinsky_maximises_the_smaller_share_of_the_best_gain_over_every_outcome() =>
        Gen.Int[1, 4].Array[3].Sample(sizes =>
        {
            var domain = Synthetic(sizes, seed: sizes.Sum() * 31 + sizes[0]);
            var space = OutcomeSpace.Of(domain);
            var ks = Bargaining.Analyze(space).KalaiSmorodinsky;
            var (r0, r1) = (domain.Parties[0].Reservation, domain.Parties[1].Reservation);
            var acceptable = Enumerable.Range(0, space.Count).Where(i => space.First[i] >= r0 && space.Second[i] >= r1).ToList();
            if (acceptable.Count == 0)
            {
                ks.ShouldBeNull();
                return;
            }

            // The definition, over every outcome (not only the frontier): gains as shares of each party's best gain
            // among the outcomes both accept; the solution's smaller share is the largest there is.
            var best0 = acceptable.Max(i => space.First[i]) - r0;
            var best1 = acceptable.Max(i => space.Second[i]) - r1;
            double Smaller(double first, double second) => Math.Min(best0 <= 0 ? 1 : (first - r0) / best0, best1 <= 0 ? 1 : (second - r1) / best1);
            var point = ks.ShouldNotBeNull();
            var found = Smaller(point.First, point.Second);
            foreach (var i in acceptable)
            {
                Smaller(space.First[i], space.Second[i]).ShouldBeLessThanOrEqualTo(found + 1e-12);
            }
        }, iter: 200);

    [Fact]
    public void Max_welfare_has_the_largest_sum_of_utilities_of_every_outcome_both_accept() =>
        Gen.Int[1, 4].Array[3].Sample(sizes =>
        {
            var domain = Synthetic(sizes, seed: sizes.Sum() * 17 + sizes[2]);
            var space = OutcomeSpace.Of(domain);
            var welfare = Bargaining.Analyze(space).MaxWelfare;
            var (r0, r1) = (domain.Parties[0].Reservation, domain.Parties[1].Reservation);
            var sums = Enumerable.Range(0, space.Count).Where(i => space.First[i] >= r0 && space.Second[i] >= r1).Select(i => space.First[i] + space.Second[i]).ToList();
            if (sums.Count == 0)
            {
                welfare.ShouldBeNull();
                return;
            }

            var point = welfare.ShouldNotBeNull();
            (point.First + point.Second).ShouldBe(sums.Max(), 1e-12);
            point.First.ShouldBeGreaterThanOrEqualTo(r0);
            point.Second.ShouldBeGreaterThanOrEqualTo(r1);
        }, iter: 200);

    [Fact]
    public void Nash_maximises_the_product_of_gains_over_the_reservations()
    {
        var domain = Synthetic([3, 4, 2], seed: 7);
        var space = OutcomeSpace.Of(domain);
        var nash = Bargaining.Analyze(space).Nash!.Value;
        var (r0, r1) = (domain.Parties[0].Reservation, domain.Parties[1].Reservation);
        for (var i = 0; i < space.Count; i++)
        {
            if (space.First[i] >= r0 && space.Second[i] >= r1)
            {
                ((space.First[i] - r0) * (space.Second[i] - r1)).ShouldBeLessThanOrEqualTo((nash.First - r0) * (nash.Second - r1) + 1e-12);
            }
        }
    }

    [Fact]
    public void Constraints_remove_outcomes_and_no_zone_means_no_solution()
    {
        var domain = Synthetic([2, 2], seed: 1) with
        {
            Constraints = [new Constraint("c", "a0 needs b1", "a", ["a0"], "b", ["b1"])],
        };
        var space = OutcomeSpace.Of(domain);
        space.Count.ShouldBe(3);
        Enumerable.Range(0, space.Count).ShouldAllBe(i => domain.Allows(domain.Decode(space.Indexes[i])));

        var greedy = domain with { Parties = [domain.Parties[0] with { Reservation = 1 }, domain.Parties[1] with { Reservation = 1 }] };
        var analysis = Bargaining.Analyze(OutcomeSpace.Of(greedy));
        analysis.Zopa.ShouldBeFalse();
        analysis.Nash.ShouldBeNull();
    }

    [Fact]
    public void Simulations_are_reproducible_by_seed()
    {
        var space = OutcomeSpace.Of(Synthetic([5, 4, 3, 3], seed: 3));
        var strategies = new INegotiationStrategy[] { Strategies.Named("boulware")!, Strategies.Named("conceder")! };
        var first = Simulation.Run(space, strategies, 40, seed: 11);
        var again = Simulation.Run(space, strategies, 40, seed: 11);
        again.Transcript.ShouldBe(first.Transcript);
        again.Agreement.ShouldBe(first.Agreement);
        // The protocol: one offer a round, numbered from 1 without a gap, the parties taking turns (A opens).
        first.Transcript.Select(o => o.Round).ShouldBe(Enumerable.Range(1, first.Transcript.Count));
        first.Transcript.Select(o => o.Party).ShouldBe(first.Transcript.Select((_, k) => k % 2 == 0 ? "A" : "B"));
    }

    [Fact]
    public void A_concession_exponent_plugs_in_the_time_dependent_family()
    {
        var space = OutcomeSpace.Of(Synthetic([5, 4, 3, 3], seed: 3));
        var named = Simulation.Run(space, [Strategies.Named("boulware")!, Strategies.Named("conceder")!], 40, seed: 11);
        var byExponent = Simulation.Run(space, [Strategies.Named("concession:0.2")!, Strategies.Named("concession:2")!], 40, seed: 11);
        byExponent.Transcript.ShouldBe(named.Transcript, "boulware is concession:0.2 and conceder concession:2");

        // A slower conceder than boulware holds out longer against the same opponent.
        var stubborn = Simulation.Run(space, [Strategies.Named("concession:0.05")!, Strategies.Named("conceder")!], 40, seed: 11);
        stubborn.Utilities[0].ShouldBeGreaterThanOrEqualTo(named.Utilities[0]);

        Strategies.Named("concession:0").ShouldBeNull();
        Strategies.Named("concession:-1").ShouldBeNull();
        Strategies.Named("concession:abc").ShouldBeNull();
        Strategies.Named("concession:51").ShouldBeNull();
    }

    [Fact]
    public void Two_hardliners_with_opposed_interests_never_agree()
    {
        var space = OutcomeSpace.Of(Synthetic([4, 4], seed: 5, opposed: true));
        var result = Simulation.Run(space, [new Hardliner(), new Hardliner()], 20, seed: 1);
        result.Agreement.ShouldBeNull();
        result.Utilities.ShouldBe([0.3, 0.3]);
    }

    // A synthetic domain: issues a, b, c... with the given option counts and seeded random values.
    internal static NegotiationDomain Synthetic(int[] sizes, int seed, bool opposed = false)
    {
        var random = new Random(seed);
        var issues = sizes.Select((n, i) => new Issue(((char)('a' + i)).ToString(), $"issue {i}", [.. Enumerable.Range(0, n).Select(o => $"{(char)('a' + i)}{o}")])).ToList();
        Preferences Party(string name, bool reverse) => new(name,
            issues.ToDictionary(i => i.Id, _ => 1.0 / issues.Count),
            issues.ToDictionary(i => i.Id, i => (IReadOnlyDictionary<string, double>)i.Options.Select((o, k) => (o, v: opposed
                ? (reverse ? 1 - (double)k / Math.Max(1, i.Options.Count - 1) : (double)k / Math.Max(1, i.Options.Count - 1))
                : random.NextDouble())).ToDictionary(x => x.o, x => x.v)),
            0.3, new Dictionary<string, string>());
        return new NegotiationDomain("synthetic", "synthetic", issues, [Party("A", false), Party("B", true)], []);
    }
}
