using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TradeAccord.Benchmarks.Serving;

namespace TradeAccord.Benchmarks.Startup;

/// <summary>One command as hyperfine timed it (seconds).</summary>
internal sealed record HyperfineResult(string Name, double Median, double Mean, double StdDev, double User, double System, int Runs)
{
    /// <summary>User plus system time, the CPU a run costs.</summary>
    public double Cpu => User + System;

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"startup command={Name} median_s={Median:F4} mean_s={Mean:F4} stddev_s={StdDev:F4} user_s={User:F4} system_s={System:F4} runs={Runs}");
}

/// <summary>Runs hyperfine (Debian's package, installed when missing) without a shell, and reads its JSON export.</summary>
internal static class Hyperfine
{
    private static readonly Lazy<string> Program = new(() =>
    {
        if (RepoFiles.OnPath("hyperfine") is { } found)
        {
            return found;
        }

        RepoFiles.AptInstall("hyperfine", "hyperfine (the command-line timing tool)");
        return RepoFiles.OnPath("hyperfine") ?? throw new FileNotFoundException("hyperfine is still not on PATH after installing Debian's hyperfine package");
    });

    /// <summary>Times each (name, command line) in turn, interleaved by hyperfine's own order, with the environment given.</summary>
    public static IReadOnlyList<HyperfineResult> Run(IReadOnlyList<(string Name, string Command)> commands, int warmup, int runs, IReadOnlyDictionary<string, string> environment)
    {
        var export = Path.Combine(Path.GetTempPath(), $"accord-hyperfine-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo(Program.Value) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-N", "--style", "none", "--warmup", warmup.ToString(CultureInfo.InvariantCulture), "--runs", runs.ToString(CultureInfo.InvariantCulture), "--export-json", export })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, command) in commands)
        {
            start.ArgumentList.Add("--command-name");
            start.ArgumentList.Add(name);
            start.ArgumentList.Add(command);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var hyperfine = Process.Start(start)!;
        var errors = hyperfine.StandardError.ReadToEndAsync();
        hyperfine.StandardOutput.ReadToEnd();
        hyperfine.WaitForExit();
        if (hyperfine.ExitCode != 0 || !File.Exists(export))
        {
            throw new InvalidOperationException($"hyperfine failed (exit {hyperfine.ExitCode}): {errors.Result}");
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(export));
            return [.. json.RootElement.GetProperty("results").EnumerateArray().Select(r => new HyperfineResult(
                r.GetProperty("command").GetString()!, r.GetProperty("median").GetDouble(), r.GetProperty("mean").GetDouble(),
                r.GetProperty("stddev").GetDouble(), r.GetProperty("user").GetDouble(), r.GetProperty("system").GetDouble(),
                r.GetProperty("times").GetArrayLength()))];
        }
        finally
        {
            File.Delete(export);
        }
    }
}
