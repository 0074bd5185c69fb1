using TradeAccord.Tests.Shared;

namespace TradeAccord.Cli.Tests.Golden;

/// <summary>
/// A line's history and effective rates in their <c>--format json</c> form, pinned in Expectations/series/&lt;name&gt;.json.
/// Every date is given, so nothing differs from run to run.
/// </summary>
public sealed class SeriesGoldenTests
{
    [Theory]
    [InlineData("duty-history-list3-2018-2020", "duty", "history", "--hts", "7326.90.8688", "--origin", "CN", "--from", "2018-01-01", "--to", "2020-12-31")]
    [InlineData("duty-history-list4a-2019-2020", "duty", "history", "--hts", "0101.21.0010", "--origin", "CN", "--from", "2019-06-01", "--to", "2020-06-30")]
    [InlineData("schedule-effective-cn-2020-03-01-by-authority", "schedule", "effective", "--partner", "CN", "--date", "2020-03-01", "--by", "authority")]
    [InlineData("schedule-effective-cn-2019-2020", "schedule", "effective", "--partner", "CN", "--from", "2019-06-01", "--to", "2020-06-30")]
    public async Task A_series_answers_as_before(string name, params string[] command)
    {
        var run = await CliRun.Of([.. command, "--format", "json"]);

        run.ExitCode.ShouldBe(0, run.Error);
        Expectations.Verify($"series/{name}.json", Expectations.Json(run.Out));
    }
}
