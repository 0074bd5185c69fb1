using System.Diagnostics;
using TradeAccord.Benchmarks.Serving;

namespace TradeAccord.Benchmarks;

/// <summary>
/// <c>soak [--seconds 300] [--warmup 30] [--db PATH|CONNSTRING] [--rss-bound 1.5]</c>: accord-server under wrk for a
/// bounded time on loopback, every kind of request at once — duty quotes, batch uploads, tracker reads and case
/// appends with the offices' keys — one wrk per endpoint so each has its own latency figures. Passes when no request
/// got a server error or no answer, and the server's resident memory after the soak is within
/// <c>--rss-bound</c> times what it was after the warm-up (caches that grow without end would break that).
/// </summary>
internal static class Soak
{
    // Connections per endpoint: quotes are the common request; an upload or a tracker recompute costs a core for a
    // while, so one connection each keeps them in the mix without starving the rest of a 2-core machine.
    private static readonly (string Endpoint, int Connections)[] Mix = [("duty", 4), ("batch", 1), ("track", 1), ("cases", 2)];

    public static async Task<int> Run(string[] args)
    {
        var seconds = BenchOptions.Int(args, "--seconds", 300);
        var warmup = BenchOptions.Int(args, "--warmup", 30);
        var bound = BenchOptions.Number(args, "--rss-bound", 1.5);
        var folder = Directory.CreateTempSubdirectory("accord-soak-");
        try
        {
            var inputs = SoakInputs.Write(folder.FullName, batchRows: 200);
            var db = BenchOptions.Text(args, "--db") ?? Path.Combine(folder.FullName, "store.duckdb");
            using var server = await ServerProcess.Start(db, inputs.Keys, CancellationToken.None);
            await inputs.QuoteEach(server.Address, 50);
            await inputs.OpenCases(server.Address, 24);
            Console.WriteLine(FormattableString.Invariant(
                $"soak server={server.Address} store={(db.Contains('=', StringComparison.Ordinal) ? "postgresql" : "duckdb")} rss_started_mb={server.RssMb():F0} warmup_s={warmup} seconds={seconds}"));

            // The warm-up fills what should fill once (JIT, pools, DuckDB's buffers, the schedules); memory is measured after it.
            await RunMix(server.Address, inputs, warmup);
            await Task.Delay(TimeSpan.FromSeconds(2));
            var before = server.RssMb();
            var samples = new List<double>();
            using var stop = new CancellationTokenSource();
            var sampler = Sample(server, samples, stop.Token);
            var clock = Stopwatch.StartNew();
            var results = await RunMix(server.Address, inputs, seconds);
            var elapsed = clock.Elapsed.TotalSeconds;
            await stop.CancelAsync();
            await sampler;
            await Task.Delay(TimeSpan.FromSeconds(2));
            var after = server.RssMb();

            foreach (var (result, connections) in results.Zip(Mix.Select(m => m.Connections)))
            {
                Console.WriteLine($"soak endpoint={result.Endpoint} connections={connections} {result.Figures()}");
            }

            var requests = results.Sum(r => r.Requests);
            var serverErrors = results.Sum(r => r.Status5xx);
            var unanswered = results.Sum(r => r.SocketErrors + r.Timeouts);
            var withinBound = after <= before * bound;
            Console.WriteLine(FormattableString.Invariant(
                $"soak rss_mb before={before:F0} peak={samples.DefaultIfEmpty(after).Max():F0} after={after:F0} bound={before * bound:F0} ({bound:0.##} x before) within_bound={withinBound.ToString().ToLowerInvariant()} samples={string.Join(',', samples.Select(s => s.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}"));
            Console.WriteLine(FormattableString.Invariant(
                $"soak seconds={elapsed:F0} requests={requests} server_errors={serverErrors} rss_before_mb={before:F0} rss_after_mb={after:F0}"));
            if (server.HasExited || serverErrors > 0 || unanswered > 0 || !withinBound)
            {
                await Console.Error.WriteLineAsync(FormattableString.Invariant(
                    $"soak failed: {serverErrors} server errors, {unanswered} requests unanswered, memory {after:F0} MB against a bound of {before * bound:F0} MB{(server.HasExited ? ", the server ended" : "")}: {server.Errors}"));
                return 1;
            }

            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static Task<WrkResult[]> RunMix(string url, SoakInputs inputs, int seconds) => Task.WhenAll(Mix.Select(m => m.Endpoint switch
    {
        "duty" => Wrk.Run(url, 1, m.Connections, seconds, "duty", inputs.Quotes),
        "batch" => Wrk.Run(url, 1, m.Connections, seconds, "batch", inputs.Entries),
        "cases" => Wrk.Run(url, 1, m.Connections, seconds, "cases", inputs.CaseIds, SoakInputs.CnKey, SoakInputs.AppendDate),
        _ => Wrk.Run(url, 1, m.Connections, seconds, m.Endpoint),
    }));

    // Resident memory every 10 seconds during the soak: a plateau, or a climb that the two end points alone might hide.
    private static async Task Sample(ServerProcess server, List<double> samples, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), stop);
                samples.Add(server.RssMb());
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
