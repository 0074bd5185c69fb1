using System.Diagnostics;
using System.Globalization;

namespace TradeAccord.Benchmarks.Serving;

/// <summary>Runs wrk (Debian's package, installed when missing) with load.lua against one endpoint.</summary>
internal static class Wrk
{
    private static readonly Lazy<string> Program = new(() =>
    {
        if (RepoFiles.OnPath("wrk") is { } found)
        {
            return found;
        }

        RepoFiles.AptInstall("wrk", "wrk (the HTTP load generator)");
        return RepoFiles.OnPath("wrk") ?? throw new FileNotFoundException("wrk is still not on PATH after installing Debian's wrk package");
    });

    /// <summary>
    /// <c>wrk -t THREADS -c CONNECTIONS -d SECONDS --timeout 30s -s load.lua URL -- ENDPOINT ARGS</c>; the requests and
    /// their figures of one endpoint.
    /// </summary>
    public static async Task<WrkResult> Run(string url, int threads, int connections, int seconds, string endpoint, params string[] args)
    {
        var start = new ProcessStartInfo(Program.Value) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // wrk needs at least one connection per thread.
        var wrkThreads = Math.Min(threads, connections);
        foreach (var arg in new[]
                 {
                     "-t", wrkThreads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
                     "-d", $"{seconds.ToString(CultureInfo.InvariantCulture)}s", "--timeout", "30s", "-s", RepoFiles.Path("bench/TradeAccord.Benchmarks/Serving/load.lua"),
                     url, "--", endpoint,
                 }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var wrk = Process.Start(start)!;
        var output = wrk.StandardOutput.ReadToEndAsync();
        var errors = wrk.StandardError.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        return WrkResult.Parse(await output)
               ?? throw new InvalidOperationException($"wrk -- {endpoint} printed no figures (exit {wrk.ExitCode}): {await errors}{await output}");
    }
}
