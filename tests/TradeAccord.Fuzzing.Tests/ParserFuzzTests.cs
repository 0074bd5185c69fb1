using System.Globalization;
using TradeAccord.Fuzzing;

namespace TradeAccord.Fuzzing.Tests;

/// <summary>
/// A short run of the fuzzer over every reader of outside input, so a parser that starts crashing shows up in CI:
/// ACCORD_FUZZ_COUNT inputs per parser (2,000), or ACCORD_FUZZ_SECONDS of them (30) for the parsers that price or
/// store what they read. The full million per parser is the benchmark command `fuzz`.
/// </summary>
public sealed class ParserFuzzTests(SuiteFixture fixture) : IClassFixture<SuiteFixture>
{
    private static readonly int Count = Setting("ACCORD_FUZZ_COUNT", 2000);
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(Setting("ACCORD_FUZZ_SECONDS", 30));

    public static TheoryData<string> Parsers
    {
        get
        {
            using var suite = new FuzzSuite();
            return [.. suite.Names];
        }
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public void Parser_GeneratedInputs_OnlyRejectedWithTheProjectsErrors(string parser)
    {
        var report = FuzzRunner.Run(fixture.Suite.Target(parser), Count, seed: 20261203, Budget);

        TestContext.Current.SendDiagnosticMessage(report.ToString());
        report.Inputs.ShouldBeGreaterThanOrEqualTo(Math.Min(Count, 20), "too few inputs ran to mean anything");
        report.Unhandled.ShouldBe(0, Failures(report));
    }

    private static int Setting(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), CultureInfo.InvariantCulture, out var n) ? n : fallback;

    private static string Failures(FuzzReport report) =>
        string.Join("\n---\n", report.Findings.Select(f => $"input: {FuzzRunner.Describe(f.Input)}\n{f.Failure}"));
}

/// <summary>One suite (one read of the shipped data, one server) for every parser's test.</summary>
public sealed class SuiteFixture : IDisposable
{
    public FuzzSuite Suite { get; } = new();

    public void Dispose() => Suite.Dispose();
}
