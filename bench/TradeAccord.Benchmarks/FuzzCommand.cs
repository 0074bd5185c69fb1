using System.Globalization;
using TradeAccord.Fuzzing;

namespace TradeAccord.Benchmarks;

/// <summary>
/// <c>fuzz [--count 1000000] [--parser NAME[,NAME…]] [--minutes M] [--seed S]</c>: feeds every reader of outside input
/// (or the named ones) <c>--count</c> generated inputs each (tests/TradeAccord.Fuzzing), one at a time, and prints per
/// parser the inputs, rejections, unhandled exceptions, the slowest input and the rate, then
/// <c>fuzz parsers=N inputs=M unhandled=U slow=S</c>. <c>--minutes</c> caps each parser's run, so a long run ends on
/// time and says how many inputs it reached. Crashing or slow inputs are written to artifacts/fuzz/ for a regression test.
/// </summary>
internal static class FuzzCommand
{
    public static int Run(string[] args)
    {
        var count = long.Parse(Option(args, "--count") ?? "1000000", CultureInfo.InvariantCulture);
        var seed = ulong.Parse(Option(args, "--seed") ?? "1", CultureInfo.InvariantCulture);
        TimeSpan? budget = Option(args, "--minutes") is { } m ? TimeSpan.FromMinutes(double.Parse(m, CultureInfo.InvariantCulture)) : null;
        using var suite = new FuzzSuite();
        var parsers = Option(args, "--parser")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? suite.Names;
        var findings = Path.Combine(Shipped.Root, "artifacts", "fuzz");
        long inputs = 0, unhandled = 0, slow = 0;
        foreach (var parser in parsers)
        {
            var report = FuzzRunner.Run(suite.Target(parser), count, seed, budget, progress => Console.Error.WriteLine($"  … {progress}"));
            Console.WriteLine(report);
            inputs += report.Inputs;
            unhandled += report.Unhandled;
            slow += report.Slow;
            for (var i = 0; i < report.Findings.Count; i++)
            {
                Directory.CreateDirectory(findings);
                var file = Path.Combine(findings, $"{parser}-{i}.bin");
                File.WriteAllBytes(file, report.Findings[i].Input);
                Console.WriteLine($"  finding {file}: {report.Findings[i].Failure.Split('\n')[0]}");
                File.WriteAllText(file + ".txt", report.Findings[i].Failure);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fuzz parsers={parsers.Count} inputs={inputs} unhandled={unhandled} slow={slow}"));
        return unhandled + slow == 0 ? 0 : 1;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
