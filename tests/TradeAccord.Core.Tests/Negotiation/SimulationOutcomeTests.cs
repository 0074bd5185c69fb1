using CsCheck;
using TradeAccord.Core.Negotiation;

namespace TradeAccord.Core.Tests.Negotiation;

/// <summary>What a simulated negotiation and an offer's suggested improvements promise, checked on synthetic domains.</summary>
public class SimulationOutcomeTests
{
    private static readonly string[] Named = ["boulware", "conceder", "linear", "hardliner", "tit-for-tat"];

    [Fact]
    public void Tit_for_tat_answers_a_conceder_and_never_asks_less_than_its_reservation()
    {
        var space = OutcomeSpace.Of(BargainingTests.Synthetic([5, 4, 3, 3], seed: 3));
        var reservation = space.Domain.Parties[0].Reservation;

        var result = Simulation.Run(space, [Strategies.Named("tit-for-tat")!, Strategies.Named("conceder")!], 40, seed: 11);

        result.Transcript.ShouldNotBeEmpty();
        result.Agreement.ShouldNotBeNull("a conceder gives way before the deadline, and tit-for-tat follows it down");
        result.Transcript.Where(o => o.Party == "A").ShouldAllBe(o => o.First >= reservation - 1e-12);
    }

    [Fact]
    public void An_agreed_outcome_clears_both_reservation_values() =>
        Gen.Select(Gen.Int[0, Named.Length - 1], Gen.Int[0, Named.Length - 1], Gen.Int[0, 1_000], Gen.Int[2, 60]).Sample((a, b, seed, deadline) =>
        {
            var domain = BargainingTests.Synthetic([4, 3, 3], seed: seed);
            var space = OutcomeSpace.Of(domain);
            var result = Simulation.Run(space, [Strategies.Named(Named[a])!, Strategies.Named(Named[b])!], deadline, seed);
            if (result.Agreement is not { } agreed)
            {
                result.Utilities.ShouldBe([domain.Parties[0].Reservation, domain.Parties[1].Reservation]);
                return;
            }

            // Scored afresh from the decoded outcome, not read back from the simulation's own arrays.
            var choice = domain.Decode(agreed);
            domain.Utility(0, choice).ShouldBeGreaterThanOrEqualTo(domain.Parties[0].Reservation);
            domain.Utility(1, choice).ShouldBeGreaterThanOrEqualTo(domain.Parties[1].Reservation);
            result.Transcript[^1].Accepted.ShouldBeTrue();
            result.Transcript[^1].Outcome.ShouldBe(agreed);
        }, iter: 300);

    [Fact]
    public void Suggested_improvements_are_better_for_both_and_found_whenever_one_exists() =>
        Gen.Select(Gen.Int[0, 500], Gen.Int[0, 35]).Sample((seed, pick) =>
        {
            var domain = BargainingTests.Synthetic([4, 3, 3], seed: seed);
            var space = OutcomeSpace.Of(domain);
            var offer = domain.Decode(pick);
            var (u0, u1) = (domain.Utility(0, offer), domain.Utility(1, offer));

            var improvements = Bargaining.Improvements(space, offer);

            foreach (var point in improvements)
            {
                var choice = domain.Decode(point.Index);
                var (v0, v1) = (domain.Utility(0, choice), domain.Utility(1, choice));
                v0.ShouldBeGreaterThanOrEqualTo(u0 - 1e-12);
                v1.ShouldBeGreaterThanOrEqualTo(u1 - 1e-12);
                (v0 > u0 + 1e-12 || v1 > u1 + 1e-12).ShouldBeTrue("an improvement is strictly better for at least one party");
            }

            // Brute force over every outcome: when some outcome dominates the offer, improvements are suggested.
            var dominated = Enumerable.Range(0, (int)domain.Size).Select(i => domain.Decode(i)).Any(c =>
                domain.Utility(0, c) >= u0 - 1e-12 && domain.Utility(1, c) >= u1 - 1e-12 && (domain.Utility(0, c) > u0 + 1e-12 || domain.Utility(1, c) > u1 + 1e-12));
            (improvements.Count > 0).ShouldBe(dominated);
        }, iter: 300);
}
