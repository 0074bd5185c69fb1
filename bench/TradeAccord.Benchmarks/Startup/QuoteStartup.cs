using System.Diagnostics;
using System.Globalization;
using TradeAccord.Benchmarks.Serving;

namespace TradeAccord.Benchmarks.Startup;

/// <summary>
/// <c>startup</c>: a one-shot <c>accord duty</c> quote against <c>accord --help</c> of the same build, both whole
/// processes timed by hyperfine; the aim is a median within 1.5 times the help's.
/// </summary>
/// <remarks>
/// The CLI runs from its build output (artifacts/bin/TradeAccord.Cli/release) with a cache folder of its own: the first
/// quote compiles the schedule and stores it (timed once, as the cost a new build or new data pays once), then
/// hyperfine times the help, the quote as a table and as JSON, and the quote with storing off (the cost before the
/// stored schedule), interleaved in one run so the machine's load falls alike on all of them.
/// </remarks>
internal static class QuoteStartup
{
    private const double Aim = 1.5;
    private const string QuoteArguments = "duty --hts 8471.30.0100 --origin CN --entry-date 2025-05-01 --value 1000";

    public static int Run(string[] args)
    {
        var runs = BenchOptions.Int(args, "--runs", 10);
        var warmup = BenchOptions.Int(args, "--warmup", 3);
        var accord = Path.Combine(RepoFiles.Root, "artifacts", "bin", "TradeAccord.Cli", "release", "accord");
        if (!File.Exists(accord))
        {
            Console.Error.WriteLine($"error: {accord} is missing: build it first (dotnet build src/TradeAccord.Cli -c Release)");
            return 2;
        }

        var cache = Directory.CreateTempSubdirectory("accord-startup-cache-").FullName;
        try
        {
            var environment = new Dictionary<string, string> { ["ACCORD_CACHE"] = cache };
            var cold = TimeOnce(accord, QuoteArguments, environment);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"startup first quote (compiles and stores the schedule): {cold:F2} s, stored {new DirectoryInfo(cache).GetFiles("schedule-*.bin").Sum(f => f.Length) / 1e6:F1} MB"));
            var results = Hyperfine.Run(
            [
                ("help", $"{accord} --help"),
                ("duty", $"{accord} {QuoteArguments}"),
                ("duty-json", $"{accord} {QuoteArguments} --format json"),
                ("duty-unstored", $"env ACCORD_CACHE=none {accord} {QuoteArguments}"),
            ], warmup, runs, environment);
            foreach (var result in results)
            {
                Console.WriteLine(result.Line());
            }

            var help = results.Single(r => r.Name == "help");
            var duty = results.Single(r => r.Name == "duty");
            var json = results.Single(r => r.Name == "duty-json");
            var unstored = results.Single(r => r.Name == "duty-unstored");
            var ratio = duty.Median / help.Median;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"startup help_s={help.Median:F3} duty_s={duty.Median:F3} ratio={ratio:F2} aim={Aim} met={(ratio <= Aim ? "true" : "false")} " +
                $"json_ratio={json.Median / help.Median:F2} cpu_ratio={duty.Cpu / help.Cpu:F2} unstored_s={unstored.Median:F3} unstored_ratio={unstored.Median / help.Median:F2} " +
                $"load_average={File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
            return 0;
        }
        finally
        {
            Directory.Delete(cache, recursive: true);
        }
    }

    private static double TimeOnce(string program, string arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program, arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? clock.Elapsed.TotalSeconds
            : throw new InvalidOperationException($"accord {arguments} failed (exit {process.ExitCode}): {process.StandardError.ReadToEnd()}");
    }
}
