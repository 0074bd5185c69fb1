
namespace TradeAccord.Cli.Tests.Commands;

public class ScenarioCommandTests
{
    [Fact]
    public async Task Compare_Json_TotalsPerScenario()
    {
        var folder = Directory.CreateTempSubdirectory("accord-cli-");
        try
        {
            var input = Path.Combine(folder.FullName, "entries.csv");
            await File.WriteAllTextAsync(input, "id,hts,origin,entry_date,value_usd\n1,8471.30.0100,CN,2019-12-16,1000\n2,7326.90.8688,CN,2019-06-20,1000\n", TestContext.Current.CancellationToken);

            var run = await CliRun.Of("scenario", "compare", "--input", input, "--scenarios", "phase-one,dec15-proceeds,no-301", "--format", "json");

            run.ExitCode.ShouldBe(0, run.Error);
            var scenarios = run.Json.GetProperty("scenarios").EnumerateArray().ToList();
            scenarios.Select(s => s.GetProperty("scenario").GetString()).ShouldBe(["phase-one", "dec15-proceeds", "no-301"]);
            scenarios.Select(s => s.GetProperty("totalDuty").GetDecimal()).ShouldBe([279m, 429m, 29m]);
            scenarios[1].GetProperty("byList").EnumerateArray().ShouldContain(l => l.GetProperty("list").GetString() == "Section 301 List 4B");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Compare_EmptyScenarioList_IsAnError()
    {
        var run = await CliRun.Of("scenario", "compare", "--input", "x.csv", "--scenarios", ",");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("--scenarios is required");
    }

    [Fact]
    public async Task List_ShowsTheBuiltInScenarios()
    {
        var run = await CliRun.Of("scenario", "list");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("dec15-proceeds");
        run.Out.ShouldContain("escalation-2019-10");
    }
}
