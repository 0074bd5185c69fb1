using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace TradeAccord.Benchmarks.Serving;

/// <summary>
/// One entries file priced by the server's batch endpoint and by the built CLI (<c>accord duty --input --output</c>, a
/// whole process: start, schedule, pricing, exit), alternately, so both meet the same machine; the two outputs must be
/// byte for byte the same.
/// </summary>
internal static class BatchComparison
{
    /// <summary>How far the server may fall behind the CLI on the same file: server time ≤ 1.2 × CLI time.</summary>
    public const double Aim = 1.2;

    /// <summary>Runs both <paramref name="runs"/> times each and prints one line per run and the summary line.</summary>
    /// <returns>Whether every run of both gave the same bytes.</returns>
    public static async Task<bool> Run(string server, string entries, int rows, int runs, string folder)
    {
        var serverSeconds = new List<double>();
        var cliSeconds = new List<double>();
        var identical = true;
        string? expected = null;
        for (var run = 1; run <= runs; run++)
        {
            var fromServer = Path.Combine(folder, "server-duties.csv");
            var (status, seconds) = await PostBatch(server, entries, fromServer);
            serverSeconds.Add(seconds);
            var fromCli = Path.Combine(folder, "cli-duties.csv");
            var cli = CliBatch(entries, fromCli);
            cliSeconds.Add(cli);
            var (serverHash, cliHash) = (Hash(fromServer), Hash(fromCli));
            expected ??= cliHash;
            var same = serverHash == cliHash && cliHash == expected;
            identical &= same && status == 200;
            Console.WriteLine(FormattableString.Invariant(
                $"serve-load batch run={run} rows={rows} status={status} server_s={seconds:F2} cli_s={cli:F2} response_mb={new FileInfo(fromServer).Length / 1e6:F1} same_bytes={same.ToString().ToLowerInvariant()}"));
            File.Delete(fromServer);
            File.Delete(fromCli);
        }

        var (s, c) = (Median(serverSeconds), Median(cliSeconds));
        var ratio = s / c;
        Console.WriteLine(FormattableString.Invariant(
            $"serve-load batch_rows={rows} runs={runs} server_s={s:F2} cli_s={c:F2} server_rows_per_s={rows / s:F0} cli_rows_per_s={rows / c:F0} ratio_server_to_cli={ratio:F2} aim={Aim:F1} met={(ratio <= Aim).ToString().ToLowerInvariant()} same_bytes={identical.ToString().ToLowerInvariant()}"));
        return identical;
    }

    // The upload and the whole answer, written to a file, as a client saving the priced rows would.
    private static async Task<(int Status, double Seconds)> PostBatch(string server, string entries, string into)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server), Timeout = TimeSpan.FromMinutes(10) };
        var clock = Stopwatch.StartNew();
        await using var body = File.OpenRead(entries);
        using var content = new StreamContent(body, 1 << 16);
        content.Headers.ContentType = new("text/csv");
        using var response = await http.PostAsync("/api/duty/batch", content, CancellationToken.None);
        await using (var result = await response.Content.ReadAsStreamAsync())
        await using (var file = File.Create(into))
        {
            await result.CopyToAsync(file);
        }

        return ((int)response.StatusCode, clock.Elapsed.TotalSeconds);
    }

    // accord duty --input FILE --output OUT, the built program, timed from start to exit.
    private static double CliBatch(string entries, string into)
    {
        var start = new ProcessStartInfo(BuiltPrograms.Cli())
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { "duty", "--input", entries, "--output", into })
        {
            start.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var cli = Process.Start(start)!;
        var output = cli.StandardOutput.ReadToEndAsync();
        var errors = cli.StandardError.ReadToEndAsync();
        cli.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        if (cli.ExitCode != 0)
        {
            throw new InvalidOperationException($"accord duty --input {entries} ended with exit {cli.ExitCode}: {errors.Result}{output.Result}");
        }

        return seconds;
    }

    private static string Hash(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(file));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
