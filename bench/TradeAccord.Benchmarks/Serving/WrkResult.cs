using System.Globalization;

namespace TradeAccord.Benchmarks.Serving;

/// <summary>One wrk run against one endpoint, as load.lua's done() prints it.</summary>
/// <param name="Endpoint">duty, batch, track, cases or health.</param>
/// <param name="Requests">Requests answered.</param>
/// <param name="Seconds">The run's length.</param>
/// <param name="PerSecond">Requests per second.</param>
/// <param name="P50Ms">Median latency, ms.</param>
/// <param name="P99Ms">99th percentile, ms.</param>
/// <param name="MaxMs">Slowest, ms.</param>
/// <param name="Status2xx">2xx answers.</param>
/// <param name="Status4xx">4xx answers (of which <paramref name="Status409"/> conflicts).</param>
/// <param name="Status409">409 answers: an append that met another on the same case, refused rather than merged.</param>
/// <param name="Status5xx">Server errors.</param>
/// <param name="SocketErrors">Connections refused, reset or broken.</param>
/// <param name="Timeouts">Requests unanswered within wrk's timeout.</param>
internal sealed record WrkResult(string Endpoint, long Requests, double Seconds, double PerSecond, double P50Ms, double P99Ms, double MaxMs,
    long Status2xx, long Status4xx, long Status409, long Status5xx, long SocketErrors, long Timeouts)
{
    private const string Prefix = "wrk endpoint=";

    /// <summary>Requests that failed on the server's side or never got an answer.</summary>
    public long Failures => Status5xx + SocketErrors + Timeouts;

    /// <summary>Reads the line load.lua prints from wrk's output; null when there is none.</summary>
    public static WrkResult? Parse(string output)
    {
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        var fields = line["wrk ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=', 2)).ToDictionary(f => f[0], f => f[1]);
        double D(string name) => double.Parse(fields[name], CultureInfo.InvariantCulture);
        long L(string name) => long.Parse(fields[name], CultureInfo.InvariantCulture);
        return new WrkResult(fields["endpoint"], L("requests"), D("seconds"), D("per_s"), D("p50_ms"), D("p99_ms"), D("max_ms"),
            L("s2xx"), L("s4xx"), L("s409"), L("s5xx"), L("socket_errors"), L("timeouts"));
    }

    /// <summary>
    /// Several runs against one endpoint as one: requests, answers and seconds summed, the rate over the whole, and
    /// each latency the worst of the runs (histograms cannot be merged from wrk's summaries; the worst never flatters).
    /// </summary>
    public static WrkResult Combine(IReadOnlyList<WrkResult> runs)
    {
        ArgumentOutOfRangeException.ThrowIfZero(runs.Count);
        var (requests, seconds) = (runs.Sum(r => r.Requests), runs.Sum(r => r.Seconds));
        return new WrkResult(runs[0].Endpoint, requests, seconds, requests / seconds, runs.Max(r => r.P50Ms), runs.Max(r => r.P99Ms), runs.Max(r => r.MaxMs),
            runs.Sum(r => r.Status2xx), runs.Sum(r => r.Status4xx), runs.Sum(r => r.Status409), runs.Sum(r => r.Status5xx), runs.Sum(r => r.SocketErrors),
            runs.Sum(r => r.Timeouts));
    }

    /// <summary>The figures as key=value pairs, for the benchmarks' output lines.</summary>
    public string Figures() => FormattableString.Invariant(
        $"requests={Requests} per_s={PerSecond:F1} p50_ms={P50Ms:F2} p99_ms={P99Ms:F2} max_ms={MaxMs:F2} s2xx={Status2xx} s4xx={Status4xx} s409={Status409} s5xx={Status5xx} socket_errors={SocketErrors} timeouts={Timeouts}");
}
