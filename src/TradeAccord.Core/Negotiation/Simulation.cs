namespace TradeAccord.Core.Negotiation;

/// <summary>What a negotiating agent sees and decides each round.</summary>
public interface INegotiationStrategy
{
    /// <summary>The strategy's name.</summary>
    string Name { get; }

    /// <summary>The utility the agent asks for at <paramref name="time"/> (0 at the start, 1 at the deadline).</summary>
    /// <param name="time">Share of the rounds gone.</param>
    /// <param name="best">The agent's best utility.</param>
    /// <param name="reservation">Its reservation value.</param>
    /// <param name="opponentConcession">How much the opponent's last offer improved on its previous one, in the agent's own utility.</param>
    /// <param name="previousTarget">The agent's previous target.</param>
    double Target(double time, double best, double reservation, double opponentConcession, double previousTarget);
}

/// <summary>Time-based concession: target = best − (best − reservation) × t^(1/e). e &lt; 1 concedes late (Boulware), e &gt; 1 early (Conceder), e = 1 linearly.</summary>
/// <param name="Name">The strategy's name.</param>
/// <param name="E">The concession exponent.</param>
public sealed record TimeDependent(string Name, double E) : INegotiationStrategy
{
    /// <inheritdoc />
    public double Target(double time, double best, double reservation, double opponentConcession, double previousTarget) =>
        best - (best - reservation) * Math.Pow(time, 1.0 / E);
}

/// <summary>Never concedes.</summary>
public sealed record Hardliner : INegotiationStrategy
{
    /// <inheritdoc />
    public string Name => "hardliner";

    /// <inheritdoc />
    public double Target(double time, double best, double reservation, double opponentConcession, double previousTarget) => best;
}

/// <summary>Concedes as much as the opponent did in its last move (measured in the agent's own utility), never below reservation.</summary>
public sealed record TitForTat : INegotiationStrategy
{
    /// <inheritdoc />
    public string Name => "tit-for-tat";

    /// <inheritdoc />
    public double Target(double time, double best, double reservation, double opponentConcession, double previousTarget) =>
        Math.Max(reservation, previousTarget - Math.Max(0, opponentConcession));
}

/// <summary>The built-in strategies by name.</summary>
public static class Strategies
{
    /// <summary>The names accepted by <see cref="Named"/> (<c>concession:E</c> stands for any exponent E).</summary>
    public static IReadOnlyList<string> Names { get; } = ["boulware", "conceder", "linear", "hardliner", "tit-for-tat", "concession:E"];

    /// <summary>
    /// The strategy called <paramref name="name"/>, or null. Besides the named ones, <c>concession:E</c> is the
    /// time-dependent family with any exponent E in (0, 50]: boulware is <c>concession:0.2</c>, conceder
    /// <c>concession:2</c>, linear <c>concession:1</c>.
    /// </summary>
    public static INegotiationStrategy? Named(string name) => name switch
    {
        "boulware" => new TimeDependent("boulware", 0.2),
        "conceder" => new TimeDependent("conceder", 2.0),
        "linear" => new TimeDependent("linear", 1.0),
        "hardliner" => new Hardliner(),
        "tit-for-tat" => new TitForTat(),
        _ when name.StartsWith("concession:", StringComparison.Ordinal)
               && double.TryParse(name["concession:".Length..], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var e)
               && e is > 0 and <= 50 => new TimeDependent(name, e),
        _ => null,
    };
}

/// <summary>One offer of a simulated negotiation.</summary>
/// <param name="Round">Round number, from 1.</param>
/// <param name="Party">Who offered.</param>
/// <param name="Outcome">The offer.</param>
/// <param name="First">Its utility to the first party.</param>
/// <param name="Second">Its utility to the second party.</param>
/// <param name="Accepted">Whether the other party accepted it.</param>
public sealed record Offer(int Round, string Party, long Outcome, double First, double Second, bool Accepted);

/// <summary>The result of a simulated negotiation.</summary>
/// <param name="Agreement">The outcome agreed, or null when the deadline passed.</param>
/// <param name="Rounds">Rounds played.</param>
/// <param name="Utilities">Each party's utility (its reservation value without agreement).</param>
/// <param name="Transcript">Every offer in order.</param>
public sealed record SimulationResult(long? Agreement, int Rounds, IReadOnlyList<double> Utilities, IReadOnlyList<Offer> Transcript);

/// <summary>
/// The stacked alternating offers protocol for two parties with a deadline: the parties take turns to offer, the
/// other accepts an offer worth at least what it would ask next, or counters. Agents know only their own
/// preferences; among offers meeting its target an agent picks the one the opponent's past offers suggest it likes
/// most, ties broken by a seeded random draw, so a run is reproducible from its seed.
/// </summary>
public static class Simulation
{
    /// <summary>Runs the protocol on <paramref name="space"/>.</summary>
    public static SimulationResult Run(OutcomeSpace space, IReadOnlyList<INegotiationStrategy> strategies, int deadline, int seed)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(strategies);
        var domain = space.Domain;
        var random = new Random(seed);
        var utility = new[] { space.First, space.Second };
        var best = new[] { space.First.Max(), space.Second.Max() };
        var reservation = new[] { domain.Parties[0].Reservation, domain.Parties[1].Reservation };
        var target = (double[])best.Clone();
        var received = new[] { new List<int>(), new List<int>() };
        var transcript = new List<Offer>();
        for (var round = 1; round <= deadline; round++)
        {
            var me = (round - 1) % 2;
            var other = 1 - me;
            var time = deadline == 1 ? 1.0 : (round - 1.0) / (deadline - 1.0);
            var concession = received[me].Count >= 2 ? utility[me][received[me][^1]] - utility[me][received[me][^2]] : 0;
            target[me] = Math.Max(reservation[me], strategies[me].Target(time, best[me], reservation[me], concession, target[me]));
            var offer = Choose(space, utility[me], target[me], received[me], random);
            var otherNext = Math.Max(reservation[other], strategies[other].Target(Math.Min(1, time + 1.0 / Math.Max(1, deadline - 1)), best[other], reservation[other], 0, target[other]));
            var accepted = utility[other][offer] >= otherNext && utility[other][offer] >= reservation[other];
            transcript.Add(new Offer(round, domain.Parties[me].Party, space.Indexes[offer], space.First[offer], space.Second[offer], accepted));
            received[other].Add(offer);
            if (accepted)
            {
                return new SimulationResult(space.Indexes[offer], round, [space.First[offer], space.Second[offer]], transcript);
            }
        }

        return new SimulationResult(null, deadline, reservation, transcript);
    }

    // Among outcomes worth at least the target to me, the one closest in issues to what the opponent has offered.
    private static int Choose(OutcomeSpace space, double[] mine, double target, List<int> fromOpponent, Random random)
    {
        var candidates = new List<int>();
        for (var i = 0; i < mine.Length; i++)
        {
            if (mine[i] >= target - 1e-12)
            {
                candidates.Add(i);
            }
        }

        if (candidates.Count == 0)
        {
            candidates.Add(Array.IndexOf(mine, mine.Max()));
        }

        if (fromOpponent.Count == 0)
        {
            var lowest = candidates.Min(i => mine[i]);
            var closest = candidates.Where(i => mine[i] <= lowest + 1e-9).ToList();
            return closest[random.Next(closest.Count)];
        }

        var last = space.Domain.Decode(space.Indexes[fromOpponent[^1]]);
        var scored = candidates.Select(i => (i, d: Bargaining.Changed(space.Domain.Decode(space.Indexes[i]), last))).ToList();
        var fewest = scored.Min(x => x.d);
        var nearest = scored.Where(x => x.d == fewest).Select(x => x.i).ToList();
        var lowestNear = nearest.Min(i => mine[i]);
        var pick = nearest.Where(i => mine[i] <= lowestNear + 1e-9).ToList();
        return pick[random.Next(pick.Count)];
    }
}
