
namespace TradeAccord.Cli.Tests.Commands;

public class ScheduleCommandTests
{
    [Fact]
    public async Task Stats_Json_CountsPerHeading()
    {
        var run = await CliRun.Of("schedule", "stats", "--date", "2020-01-01", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        var headings = run.Json.GetProperty("headings").EnumerateArray()
            .Where(h => h.GetProperty("heading").ValueKind == System.Text.Json.JsonValueKind.String)
            .ToDictionary(h => h.GetProperty("heading").GetString()!, h => (h.GetProperty("lines8").GetInt32(), h.GetProperty("lines10").GetInt32()));
        headings["9903.88.15"].ShouldBe((3_229, 14));
        headings["9903.88.16"].ShouldBe((542, 13));
        run.Json.GetProperty("sources").GetArrayLength().ShouldBeGreaterThan(5);
    }

    [Fact]
    public async Task Export_WritesPlainRowsForTheDate()
    {
        var run = await CliRun.Of("schedule", "export", "--date", "2020-01-01", "--format", "csv", "--importer", "US");

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("importer,hts,origin,measure_id,kind,heading,status,ad_valorem,specific,unit,rate_text,valid_from,valid_to,export_condition,supersedes,requires_claim");
        lines.Count(l => l.Contains(",us301-l4a-15,", StringComparison.Ordinal)).ShouldBe(3_229 + 14);
        lines.ShouldContain("US,73269086,!CU;KP,us-mfn-2020r1,mfn,,in-force,0.029,,,2.9%,2020-01-01,2020-02-14,,,false");
        lines.ShouldNotContain(l => l.Contains(",us301-l4a-7.5,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stats_WithoutDate_IsAnError()
    {
        var run = await CliRun.Of("schedule", "stats");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("--date: is required: expected a date, yyyy-MM-dd");
    }
}
