namespace TradeAccord.Core.Negotiation;

/// <summary>One outcome of the space with both utilities.</summary>
/// <param name="Index">Its index in the domain.</param>
/// <param name="First">Utility to the first party.</param>
/// <param name="Second">Utility to the second party.</param>
public readonly record struct Point(long Index, double First, double Second);

/// <summary>The bargaining analysis of an outcome space.</summary>
/// <param name="Outcomes">Allowed outcomes.</param>
/// <param name="Pareto">The Pareto frontier, best for the first party first.</param>
/// <param name="Nash">Maximises the product of gains over the reservation values, or null without a zone of agreement.</param>
/// <param name="KalaiSmorodinsky">Maximises the smaller of the two gains as shares of each party's best possible gain.</param>
/// <param name="MaxWelfare">Maximises the sum of utilities among outcomes both accept.</param>
/// <param name="Zopa">Whether some outcome gives both at least their reservation value.</param>
/// <param name="AcceptableToBoth">How many outcomes do.</param>
public sealed record BargainingAnalysis(int Outcomes, IReadOnlyList<Point> Pareto, Point? Nash, Point? KalaiSmorodinsky, Point? MaxWelfare, bool Zopa, int AcceptableToBoth);

/// <summary>Pareto frontier and bargaining solutions for two parties.</summary>
public static class Bargaining
{
    /// <summary>
    /// The positions of the Pareto-optimal points: no other point is at least as good for both and better for one.
    /// One sort and one sweep, O(n log n); the points come out best for the first party first.
    /// </summary>
    public static int[] Frontier(double[] first, double[] second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        // Sort by the first party's utility, best first, on primitive keys (no comparison delegate: this is the hot path).
        var order = new int[first.Length];
        var keys = new double[first.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            keys[i] = -first[i];
        }

        Array.Sort(keys, order);
        var frontier = new List<int>();
        var best = double.NegativeInfinity;
        for (var start = 0; start < order.Length;)
        {
            // A group of equal first utilities: only its best second utility can be optimal, and only if it beats
            // every point already seen (which all have a higher first utility).
            var end = start;
            var groupBest = double.NegativeInfinity;
            while (end < order.Length && keys[end] == keys[start])
            {
                groupBest = Math.Max(groupBest, second[order[end]]);
                end++;
            }

            if (groupBest > best)
            {
                for (var k = start; k < end; k++)
                {
                    if (second[order[k]] == groupBest)
                    {
                        frontier.Add(order[k]);
                    }
                }

                best = groupBest;
            }

            start = end;
        }

        return [.. frontier];
    }

    /// <summary>The quadratic check: every point against every other. For tests and the benchmark baseline.</summary>
    public static int[] FrontierByBruteForce(double[] first, double[] second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var frontier = new List<int>();
        for (var i = 0; i < first.Length; i++)
        {
            var dominated = false;
            for (var j = 0; j < first.Length && !dominated; j++)
            {
                dominated = first[j] >= first[i] && second[j] >= second[i] && (first[j] > first[i] || second[j] > second[i]);
            }

            if (!dominated)
            {
                frontier.Add(i);
            }
        }

        return [.. frontier];
    }

    /// <summary>Analyses <paramref name="space"/>.</summary>
    public static BargainingAnalysis Analyze(OutcomeSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var r0 = space.Domain.Parties[0].Reservation;
        var r1 = space.Domain.Parties[1].Reservation;
        var frontier = Frontier(space.First, space.Second).Select(i => At(space, i)).ToList();
        var acceptable = frontier.Where(p => p.First >= r0 && p.Second >= r1).ToList();
        var count = 0;
        for (var i = 0; i < space.Count; i++)
        {
            if (space.First[i] >= r0 && space.Second[i] >= r1)
            {
                count++;
            }
        }

        if (acceptable.Count == 0)
        {
            return new BargainingAnalysis(space.Count, frontier, null, null, null, false, 0);
        }

        // Every solution below lies on the frontier: a dominated point can always be improved for one without loss to the other.
        var nash = acceptable.MaxBy(p => (p.First - r0) * (p.Second - r1));
        var best0 = acceptable.Max(p => p.First) - r0;
        var best1 = acceptable.Max(p => p.Second) - r1;
        var ks = acceptable.MaxBy(p => Math.Min(best0 <= 0 ? 1 : (p.First - r0) / best0, best1 <= 0 ? 1 : (p.Second - r1) / best1));
        var welfare = acceptable.MaxBy(p => p.First + p.Second);
        return new BargainingAnalysis(space.Count, frontier, nash, ks, welfare, true, count);
    }

    /// <summary>Outcomes that are better for both than <paramref name="offer"/> (weakly for one), fewest changed issues first.</summary>
    public static IReadOnlyList<Point> Improvements(OutcomeSpace space, IReadOnlyList<int> offer, int take = 5)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(offer);
        var u0 = space.Domain.Utility(0, offer);
        var u1 = space.Domain.Utility(1, offer);
        const double tolerance = 1e-12;
        return [.. Enumerable.Range(0, space.Count)
            .Where(i => space.First[i] >= u0 - tolerance && space.Second[i] >= u1 - tolerance && (space.First[i] > u0 + tolerance || space.Second[i] > u1 + tolerance))
            .Select(i => (Point: At(space, i), Changed: Changed(space.Domain.Decode(space.Indexes[i]), offer)))
            .OrderBy(x => x.Changed).ThenByDescending(x => x.Point.First + x.Point.Second).Take(take).Select(x => x.Point)];
    }

    /// <summary>The number of issues on which two outcomes differ.</summary>
    public static int Changed(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var n = 0;
        for (var i = 0; i < a.Count; i++)
        {
            n += a[i] != b[i] ? 1 : 0;
        }

        return n;
    }

    private static Point At(OutcomeSpace space, int i) => new(space.Indexes[i], space.First[i], space.Second[i]);
}
