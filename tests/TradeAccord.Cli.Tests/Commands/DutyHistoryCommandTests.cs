namespace TradeAccord.Cli.Tests.Commands;

/// <summary><c>accord duty history</c> on the shipped 2018–2020 measures.</summary>
public class DutyHistoryCommandTests
{
    [Fact]
    public async Task A_list_3_line_changes_when_list_3_starts_and_rises_and_when_the_revision_changes()
    {
        var run = await CliRun.Of("duty", "history", "--hts", "7326.90.8688", "--origin", "CN", "--from", "2018-01-01", "--to", "2020-12-31", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        var changes = run.Json.GetProperty("changes").EnumerateArray().ToList();
        // The first day, List 3 at 10% (2018-09-24) and 25% (2019-05-10), and the four later HTS revisions (same 2.9%).
        changes.Select(c => c.GetProperty("date").GetString()).ShouldBe(["2018-01-01", "2018-09-24", "2019-05-10", "2019-09-01", "2020-01-01", "2020-02-14", "2020-07-31"]);
        changes.Select(c => c.GetProperty("totalAdValorem").GetDecimal()).ShouldBe([0.029m, 0.129m, 0.279m, 0.279m, 0.279m, 0.279m, 0.279m]);
        var layers = changes[2].GetProperty("layers").EnumerateArray().ToList();
        layers.Select(l => l.GetProperty("authority").GetString()).ShouldBe(["mfn", "s301"]);
        layers[1].GetProperty("heading").GetString().ShouldBe("9903.88.03");
    }

    [Fact]
    public async Task A_list_4a_line_shows_the_cut_of_2020_02_14()
    {
        var run = await CliRun.Of("duty", "history", "--hts", "0101.21.0010", "--origin", "CN", "--from", "2019-06-01", "--to", "2020-06-30", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        var s301 = run.Json.GetProperty("changes").EnumerateArray()
            .Select(c => (Date: c.GetProperty("date").GetString(), Rate: c.GetProperty("layers").EnumerateArray()
                .Where(l => l.GetProperty("authority").GetString() == "s301").Sum(l => l.GetProperty("adValorem").GetDecimal())))
            .ToList();
        s301.ShouldContain(("2019-09-01", 0.15m));
        s301.ShouldContain(("2020-02-14", 0.075m));
    }

    [Fact]
    public async Task The_same_origin_elsewhere_owes_only_the_general_rate()
    {
        var run = await CliRun.Of("duty", "history", "--hts", "7326.90.8688", "--origin", "VN", "--from", "2018-01-01", "--to", "2020-12-31", "--format", "csv");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldNotContain("s301");
        run.Out.Split('\n')[0].ShouldBe("date,total_ad_valorem,measure_id,heading,authority,rate,ad_valorem,problem");
    }

    [Fact]
    public async Task Every_wrong_field_is_named_in_the_options_spelling()
    {
        var run = await CliRun.Of("duty", "history", "--hts", "abc", "--origin", "C1", "--from", "2020-02-30", "--to", "2019-01-01");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("error: --hts:");
        run.Error.ShouldContain("error: --origin:");
        run.Error.ShouldContain("error: --from: '2020-02-30' is not a date");
    }

    [Fact]
    public async Task A_period_ending_before_it_starts_names_to()
    {
        var run = await CliRun.Of("duty", "history", "--hts", "7326.90.8688", "--origin", "CN", "--from", "2020-01-01", "--to", "2019-01-01");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("error: --to: 2019-01-01 is before --from 2020-01-01");
    }

    [Fact]
    public async Task A_period_outside_the_data_is_out_of_range()
    {
        var run = await CliRun.Of("duty", "history", "--hts", "7326.90.8688", "--origin", "CN", "--from", "2017-01-01", "--to", "2018-06-30");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("is outside the data: expected dates from 2018-01-01");
    }

    [Fact]
    public async Task The_quote_itself_is_still_the_default_of_duty()
    {
        var run = await CliRun.Of("duty", "--hts", "7326.90.8688", "--origin", "CN", "--entry-date", "2019-06-20", "--value", "10000", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Json.GetProperty("totalDuty").GetDecimal().ShouldBe(2_790m);
    }

    [Theory]
    [InlineData("svg")]
    [InlineData("png")]
    public async Task The_chart_is_written(string extension)
    {
        var chart = Path.Combine(Path.GetTempPath(), $"history-{Guid.NewGuid():N}.{extension}");
        try
        {
            var run = await CliRun.Of("duty", "history", "--hts", "7326.90.8688", "--origin", "CN", "--to", "2020-12-31", "--chart", chart, "--stack", "measure");

            run.ExitCode.ShouldBe(0, run.Error);
            new FileInfo(chart).Length.ShouldBeGreaterThan(1000);
            if (extension == "svg")
            {
                // The bundled font draws the legend: the measure's title is in the file as text.
                (await File.ReadAllTextAsync(chart, TestContext.Current.CancellationToken)).ShouldContain("9903.88.03");
            }
        }
        finally
        {
            File.Delete(chart);
        }
    }
}
