using TradeAccord.Benchmarks.Serving;

namespace TradeAccord.Benchmarks;

/// <summary>
/// <c>serve-load [--seconds 10] [--threads 1] [--connections 8] [--rounds 2] [--batch-rows 200000] [--batch-runs 3]</c>:
/// accord-server's duty quotes under wrk on loopback, against the same server's <c>/health</c> under the same wrk
/// (threads, connections, length), the two in turn for <c>--rounds</c> rounds, so the figure is a ratio a shared
/// machine cannot skew much: what pricing an entry costs over answering at all. Then one entries file goes through
/// the batch endpoint and through the built CLI's batch, in turn.
/// </summary>
internal static class ServeLoad
{
    // A quote may cost the server up to 1/0.6 of a health check, and 99% of quotes are answered within 10 ms.
    private const double QuoteAimRatio = 0.6;
    private const double QuoteAimP99Ms = 10;

    public static async Task<int> Run(string[] args)
    {
        var seconds = BenchOptions.Int(args, "--seconds", 10);
        var threads = BenchOptions.Int(args, "--threads", 1);
        var connections = BenchOptions.Int(args, "--connections", 8);
        var batchRows = BenchOptions.Int(args, "--batch-rows", 200_000);
        var batchRuns = BenchOptions.Int(args, "--batch-runs", 3);
        var rounds = BenchOptions.Int(args, "--rounds", 2);
        var folder = Directory.CreateTempSubdirectory("accord-load-");
        try
        {
            Console.WriteLine($"serve-load load_average={LoadAverage()} (at start)");
            var inputs = SoakInputs.Write(folder.FullName, batchRows);
            using var server = await ServerProcess.Start(Path.Combine(folder.FullName, "store.duckdb"), inputs.Keys, CancellationToken.None);
            // Warm-up, not counted: the first quotes compile the schedules (seconds on a busy machine), then wrk warms the rest.
            await inputs.QuoteEach(server.Address, 50);
            await Wrk.Run(server.Address, threads, connections, 3, "health");
            await Wrk.Run(server.Address, threads, connections, 3, "duty", inputs.Quotes);

            // The two endpoints take turns, the first going second in the next round, so that a burst of other work on
            // the machine falls on both rather than on whichever ran at that moment.
            var (healthRuns, dutyRuns) = (new List<WrkResult>(), new List<WrkResult>());
            for (var round = 0; round < rounds; round++)
            {
                foreach (var endpoint in round % 2 == 0 ? ["health", "duty"] : new[] { "duty", "health" })
                {
                    var run = endpoint == "health"
                        ? await Wrk.Run(server.Address, threads, connections, seconds, "health")
                        : await Wrk.Run(server.Address, threads, connections, seconds, "duty", inputs.Quotes);
                    (endpoint == "health" ? healthRuns : dutyRuns).Add(run);
                    Console.WriteLine($"serve-load round={round + 1} endpoint={endpoint} {run.Figures()}");
                }
            }

            var (health, duty) = (WrkResult.Combine(healthRuns), WrkResult.Combine(dutyRuns));
            Console.WriteLine($"serve-load endpoint=health {health.Figures()}");
            Console.WriteLine($"serve-load endpoint=duty {duty.Figures()}");
            Console.WriteLine(FormattableString.Invariant(
                $"serve-load quotes={duty.Requests} seconds={duty.Seconds:F1} rounds={rounds} threads={threads} connections={connections} quotes_per_s={duty.PerSecond:F0} p50_ms={duty.P50Ms:F2} p99_ms={duty.P99Ms:F2} server_errors={duty.Failures} health_per_s={health.PerSecond:F0} ratio_to_health={duty.PerSecond / health.PerSecond:F3} aim_ratio={QuoteAimRatio:F1} aim_p99_ms={QuoteAimP99Ms:F0} met={QuotesMet(duty, health).ToString().ToLowerInvariant()}"));

            var sameBytes = await BatchComparison.Run(server.Address, inputs.Entries, batchRows, batchRuns, folder.FullName);
            Console.WriteLine($"serve-load load_average={LoadAverage()} (at end)");

            return duty.Failures + health.Failures == 0 && sameBytes ? 0 : 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static bool QuotesMet(WrkResult duty, WrkResult health) =>
        duty.PerSecond >= QuoteAimRatio * health.PerSecond && duty.P99Ms < QuoteAimP99Ms;

    // The machine's 1, 5 and 15 minute load averages: the cores are shared, and the figures mean little without it.
    private static string LoadAverage() => string.Join(',', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
