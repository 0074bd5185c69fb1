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
    /// The positions of the Pareto-optimal points: no other point is at least as good for both and better for one;
    /// best for the first party first. A linear pre-pass drops the points that are plainly dominated, then
    /// <see cref="FrontierBySort"/> sorts only what is left: on real and random spaces a few hundred of millions.
    /// The pre-pass buckets the points by their first utility (monotone, so a higher bucket means a strictly higher
    /// first utility) and drops every point whose second utility is no better than the best of a higher bucket.
    /// No frontier point is dropped, and every dropped point is dominated by a frontier point, which is kept.
    /// Worst case (every point in one bucket) it keeps everything and costs the plain sort: O(n log n).
    /// </summary>
    public static int[] Frontier(double[] first, double[] second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var candidates = Candidates(first, second);
        if (candidates is null)
        {
            return FrontierBySort(first, second);
        }

        var f = new double[candidates.Length];
        var s = new double[candidates.Length];
        for (var k = 0; k < candidates.Length; k++)
        {
            f[k] = first[candidates[k]];
            s[k] = second[candidates[k]];
        }

        var frontier = FrontierBySort(f, s);
        for (var k = 0; k < frontier.Length; k++)
        {
            frontier[k] = candidates[frontier[k]];
        }

        return frontier;
    }

    /// <summary>
    /// The plain frontier: one sort of every point by the first utility and one sweep, O(n log n); best for the first
    /// party first. The reference for <see cref="Frontier"/>.
    /// </summary>
    public static int[] FrontierBySort(double[] first, double[] second)
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
                // Equal points in index order: the sort is not stable, and without this the order of ties would
                // depend on what was sorted (all points, or the fast path's survivors).
                var from = frontier.Count;
                for (var k = start; k < end; k++)
                {
                    if (second[order[k]] == groupBest)
                    {
                        frontier.Add(order[k]);
                    }
                }

                frontier.Sort(from, frontier.Count - from, null);
                best = groupBest;
            }

            start = end;
        }

        return [.. frontier];
    }

    /// <summary>
    /// The points that survive the bucket pre-pass, in position order; null when it cannot help (no spread in the
    /// first utility) or must not run (a utility that is not a finite number: the plain sort decides those).
    /// </summary>
    private static int[]? Candidates(double[] first, double[] second)
    {
        var n = Math.Min(first.Length, second.Length);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            var x = first[i];
            if (!double.IsFinite(x) || !double.IsFinite(second[i]))
            {
                return null;
            }

            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }

        if (!(max > min) || first.Length != second.Length)
        {
            return null;
        }

        // At most 65,536 buckets: the table (512 KB) stays in the L2 cache while the points hit it in random order. A
        // million buckets (8 MB) made the pass 4-5 times slower on 10 million points; the few more points per bucket
        // that survive cost the sort next to nothing.
        var buckets = Math.Min(n, 1 << 16);
        var scale = (buckets - 1) / (max - min);
        if (!double.IsFinite(scale))
        {
            return null;
        }

        var above = new double[buckets];
        Array.Fill(above, double.NegativeInfinity);
        for (var i = 0; i < n; i++)
        {
            var b = Bucket(first[i], min, scale, buckets);
            above[b] = Math.Max(above[b], second[i]);
        }

        // Turn each bucket's best into the best of the buckets strictly above it.
        var running = double.NegativeInfinity;
        for (var b = buckets - 1; b >= 0; b--)
        {
            var own = above[b];
            above[b] = running;
            running = Math.Max(running, own);
        }

        var kept = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (second[i] > above[Bucket(first[i], min, scale, buckets)])
            {
                kept.Add(i);
            }
        }

        return [.. kept];
    }

    // Monotone in x: subtracting, scaling by a positive number and truncating never reverse an order.
    private static int Bucket(double x, double min, double scale, int buckets) => Math.Min((int)((x - min) * scale), buckets - 1);

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
