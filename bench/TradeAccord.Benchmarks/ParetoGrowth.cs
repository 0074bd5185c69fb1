using System.Diagnostics;
using System.Globalization;
using TradeAccord.Core.Negotiation;

namespace TradeAccord.Benchmarks;

/// <summary>
/// <c>pareto-growth [--issues 7] [--options 10]</c>: the Pareto frontier of a synthetic domain (options^issues outcomes,
/// 10 million by default, seeded random values) — enumerated, scored and swept — timed against the quadratic
/// pairwise check on a smaller size, in the same process, with the growth rate measured across sizes.
/// </summary>
internal static class ParetoGrowth
{
    public static int Run(string[] args)
    {
        var issues = Option(args, "--issues", 7);
        var options = Option(args, "--options", 10);
        var domain = Synthetic(issues, options, seed: 2019);
        var clock = Stopwatch.StartNew();
        var space = OutcomeSpace.Of(domain);
        var enumerate = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var frontier = Bargaining.Frontier(space.First, space.Second);
        var sweep = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pareto-growth domain outcomes={space.Count} frontier={frontier.Length} enumerate_s={enumerate:F2} frontier_s={sweep:F2} total_s={enumerate + sweep:F2}"));

        // The plain paths in the same process, as the baseline: one outcome at a time, and a sort of every point.
        clock.Restart();
        var plain = OutcomeSpace.OfByOutcome(domain);
        var enumeratePlain = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var frontierPlain = Bargaining.FrontierBySort(plain.First, plain.Second);
        var sweepPlain = clock.Elapsed.TotalSeconds;
        var same = plain.First.AsSpan().SequenceEqual(space.First) && plain.Second.AsSpan().SequenceEqual(space.Second)
            && plain.Indexes.AsSpan().SequenceEqual(space.Indexes) && frontierPlain.Order().SequenceEqual(frontier.Order());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pareto-growth plain outcomes={plain.Count} frontier={frontierPlain.Length} enumerate_s={enumeratePlain:F2} frontier_s={sweepPlain:F2} total_s={enumeratePlain + sweepPlain:F2} ")
            + string.Create(CultureInfo.InvariantCulture,
            $"speedup_enumerate={enumeratePlain / enumerate:F1} speedup_frontier={sweepPlain / sweep:F1} speedup_total={(enumeratePlain + sweepPlain) / (enumerate + sweep):F1} same_result={(same ? "true" : "false")}"));
        plain = null;
        GC.Collect();

        // Growth of the sweep and of the pairwise check across sizes, on the first n outcomes of the same space.
        var sizes = new[] { 5_000, 10_000, 20_000, 100_000, 1_000_000, 10_000_000 }.Where(n => n <= space.Count).ToList();
        double? previousSweep = null, previousSorted = null, previousPairs = null;
        int previousSize = 0;
        foreach (var n in sizes)
        {
            var first = space.First[..n];
            var second = space.Second[..n];
            var sweepTime = Median(() => Bargaining.Frontier(first, second));
            double? sorted = n <= 1_000_000 ? Median(() => Bargaining.FrontierBySort(first, second)) : null;
            double? pairs = n <= 20_000 ? Median(() => Bargaining.FrontierByBruteForce(first, second)) : null;
            var growth = previousSweep is { } ps ? Math.Log(sweepTime / ps) / Math.Log((double)n / previousSize) : double.NaN;
            var pairGrowth = previousPairs is { } pp && pairs is { } p ? Math.Log(p / pp) / Math.Log((double)n / previousSize) : double.NaN;
            var quadratic = pairs is { } q ? FormattableString.Invariant($" quadratic_s={q:F4} quadratic_growth={pairGrowth:F2} ratio={q / sweepTime:F0}") : "";
            var sortGrowth = previousSorted is { } pst && sorted is { } st ? Math.Log(st / pst) / Math.Log((double)n / previousSize) : double.NaN;
            var sort = sorted is { } so ? FormattableString.Invariant($" sort_s={so:F4} sort_growth={sortGrowth:F2}") : "";
            Console.WriteLine(FormattableString.Invariant($"pareto-growth n={n} sweep_s={sweepTime:F4} sweep_growth={growth:F2}") + sort + quadratic);
            (previousSweep, previousSorted, previousPairs, previousSize) = (sweepTime, sorted, pairs, n);
        }

        // The pairwise check's worst case: every point optimal (utilities on a falling line), so no early exit.
        double? lastSweep = null, lastPairs = null;
        var lastN = 0;
        foreach (var n in new[] { 5_000, 10_000, 20_000 })
        {
            var first = Enumerable.Range(0, n).Select(i => (double)i / n).ToArray();
            var second = first.Select(x => 1 - x).ToArray();
            var sweepTime = Median(() => Bargaining.Frontier(first, second));
            var pairs = Median(() => Bargaining.FrontierByBruteForce(first, second));
            var sweepGrowth = lastSweep is { } ls ? Math.Log(sweepTime / ls) / Math.Log((double)n / lastN) : double.NaN;
            var pairGrowth = lastPairs is { } lp ? Math.Log(pairs / lp) / Math.Log((double)n / lastN) : double.NaN;
            Console.WriteLine(FormattableString.Invariant(
                $"pareto-growth all-optimal n={n} sweep_s={sweepTime:F4} sweep_growth={sweepGrowth:F2} quadratic_s={pairs:F4} quadratic_growth={pairGrowth:F2} ratio={pairs / sweepTime:F0}"));
            (lastSweep, lastPairs, lastN) = (sweepTime, pairs, n);
        }

        // The headline: the whole frontier of the big domain against the quadratic check on the largest size it runs,
        // and against that check extrapolated to the big domain as n² (its growth measured above, about 2).
        var extrapolated = lastPairs!.Value * Math.Pow((double)space.Count / lastN, 2);
        Console.WriteLine(FormattableString.Invariant(
            $"pareto-growth summary outcomes={space.Count} frontier_s={sweep:F2} quadratic_s_at_{lastN}={lastPairs:F4} ratio_to_quadratic_at_{lastN}={sweep / lastPairs:F1} ")
            + FormattableString.Invariant($"quadratic_s_extrapolated={extrapolated:F0} speedup_at_full_size={extrapolated / sweep:F0}"));

        // The aim: enumerate and sweep the whole space in under two seconds together.
        const double aim = 2;
        var together = enumerate + sweep;
        Console.WriteLine(FormattableString.Invariant(
            $"pareto-growth total outcomes={space.Count} enumerate_s={enumerate:F2} frontier_s={sweep:F2} together_s={together:F2} aim_s={aim} met={(together < aim ? "true" : "false")}"));
        return 0;
    }

    private static NegotiationDomain Synthetic(int issues, int options, int seed)
    {
        var random = new Random(seed);
        var list = Enumerable.Range(0, issues).Select(i => new Issue($"i{i}", $"issue {i}", [.. Enumerable.Range(0, options).Select(o => $"o{o}")])).ToList();
        Preferences Party(string name) => new(name, list.ToDictionary(i => i.Id, _ => 1.0 / issues),
            list.ToDictionary(i => i.Id, i => (IReadOnlyDictionary<string, double>)i.Options.ToDictionary(o => o, _ => random.NextDouble())), 0.3, new Dictionary<string, string>());
        return new NegotiationDomain("synthetic", "synthetic", list, [Party("A"), Party("B")], []);
    }

    private static double Median(Action work)
    {
        var times = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            work();
            times.Add(clock.Elapsed.TotalSeconds);
        }

        times.Sort();
        return times[1];
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
