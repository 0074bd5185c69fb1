using System.Globalization;
using TradeAccord.Fuzzing;

namespace TradeAccord.Fuzzing.Tests;

/// <summary>
/// A short run of the fuzzer over every reader of outside input, so a parser that starts crashing shows up in CI. The
/// full million inputs per parser is the benchmark command `fuzz`. ACCORD_FUZZ_COUNT changes the count here.
/// </summary>
public sealed class ParserFuzzTests(SuiteFixture fixture) : IClassFixture<SuiteFixture>
{
    private static readonly int Count =
        int.TryParse(Environment.GetEnvironmentVariable("ACCORD_FUZZ_COUNT"), CultureInfo.InvariantCulture, out var n) ? n : 2000;

    public static TheoryData<string> Parsers => [.. new FuzzSuite().Names];

    [Theory]
    [MemberData(nameof(Parsers))]
    public void Parser_GeneratedInputs_OnlyRejectedWithTheProjectsErrors(string parser)
    {
        var report = FuzzRunner.Run(fixture.Suite.Target(parser), Count, seed: 20261203);

        TestContext.Current.SendDiagnosticMessage(report.ToString());
        report.Inputs.ShouldBe(Count);
        report.Unhandled.ShouldBe(0, Failures(report));
    }

    private static string Failures(FuzzReport report) =>
        string.Join("\n---\n", report.Findings.Select(f => $"input: {FuzzRunner.Describe(f.Input)}\n{f.Failure}"));
}

/// <summary>One suite (one read of the shipped data, one server) for every parser's test.</summary>
public sealed class SuiteFixture : IDisposable
{
    public FuzzSuite Suite { get; } = new();

    public void Dispose() => Suite.Dispose();
}
