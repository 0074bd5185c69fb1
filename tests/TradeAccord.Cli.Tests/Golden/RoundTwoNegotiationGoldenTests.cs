using TradeAccord.Tests.Shared;

namespace TradeAccord.Cli.Tests.Golden;

/// <summary>
/// `accord negotiate` on the October 2025 domain (negotiations/us-china-2025-10.yaml), pinned in
/// Expectations/tour/negotiate-2025-10-&lt;name&gt;.json; nothing in these runs differs from run to run.
/// </summary>
public sealed class RoundTwoNegotiationGoldenTests
{
    private const string Domain = "negotiations/us-china-2025-10.yaml";

    // The outcome of 2025-10-30 (fact sheet of 2025-11-01, the orders of 2025-11-04).
    private const string Reached = "us-fentanyl-rate=10%,us-reciprocal-rate=10%,cn-additional-rate=10%,cn-farm-tariffs=suspended,soybeans=25,export-controls=1-year";

    [Theory]
    [InlineData("analyze", "negotiate", "analyze", Domain)]
    [InlineData("evaluate-reached", "negotiate", "evaluate", Domain, "--offer", Reached)]
    [InlineData("simulate", "negotiate", "simulate", Domain, "--strategy", "US=boulware", "--strategy", "CN=conceder", "--seed", "1")]
    public async Task A_run_on_the_2025_domain_answers_as_before(string name, params string[] command)
    {
        var run = await CliRun.Of([.. command, "--format", "json"]);
        run.ExitCode.ShouldBe(0, run.Error);
        Expectations.Verify($"tour/negotiate-2025-10-{name}.json", Expectations.Json(run.Out));
    }

    [Fact]
    public async Task The_outcome_reached_is_acceptable_to_both_and_the_analysis_has_a_Nash_point()
    {
        var evaluate = await CliRun.Of("negotiate", "evaluate", Domain, "--offer", Reached, "--format", "json");
        evaluate.ExitCode.ShouldBe(0, evaluate.Error);
        evaluate.Json.GetProperty("allowed").GetBoolean().ShouldBeTrue();
        evaluate.Json.GetProperty("acceptable").GetProperty("US").GetBoolean().ShouldBeTrue();
        evaluate.Json.GetProperty("acceptable").GetProperty("CN").GetBoolean().ShouldBeTrue();

        var analyze = await CliRun.Of("negotiate", "analyze", Domain, "--format", "json");
        analyze.ExitCode.ShouldBe(0, analyze.Error);
        var pareto = analyze.Json.GetProperty("pareto").EnumerateArray().Select(p => p.GetProperty("outcome").GetString()).ToHashSet();
        pareto.ShouldContain(analyze.Json.GetProperty("nash").GetProperty("outcome").GetString());
        analyze.Json.GetProperty("derived").GetArrayLength().ShouldBe(4);
    }
}
