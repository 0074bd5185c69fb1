using System.Text.Json;

namespace TradeAccord.Cli.Tests.Effective;

/// <summary><c>accord schedule effective</c> on the shipped 2018–2020 measures and the 2024 Census weights.</summary>
public class ScheduleEffectiveCommandTests
{
    private static async Task<JsonElement> Point(params string[] args)
    {
        var run = await CliRun.Of(["schedule", "effective", .. args, "--by", "authority", "--format", "json"]);
        run.ExitCode.ShouldBe(0, run.Error);
        return run.Json.GetProperty("points")[0];
    }

    private static decimal Part(JsonElement point, string authority) =>
        point.GetProperty("byAuthority").EnumerateArray().Single(a => a.GetProperty("authority").GetString() == authority).GetProperty("adValorem").GetDecimal();

    [Fact]
    public async Task The_list_4a_cut_of_2020_02_14_lowers_the_rate_on_chinese_goods()
    {
        var before = await Point("--partner", "CN", "--date", "2020-02-13");
        var after = await Point("--partner", "CN", "--date", "2020-02-14");

        // Only List 4A changed that day (15% to 7.5%), so the Section 301 part falls, by less than 7.5 points
        // (List 4A covers only part of the imports).
        var fall = Part(before, "s301") - Part(after, "s301");
        fall.ShouldBeGreaterThan(0m);
        fall.ShouldBeLessThan(0.075m);
        after.GetProperty("adValorem").GetDecimal().ShouldBeLessThan(before.GetProperty("adValorem").GetDecimal());
    }

    [Fact]
    public async Task List_4a_raises_the_rate_between_june_2019_and_march_2020()
    {
        // 2019-06-01: Lists 1-3 at 25%; 2020-03-01: the same plus List 4A at 7.5% (4B suspended).
        var june = await Point("--partner", "CN", "--date", "2019-06-01");
        var march = await Point("--partner", "CN", "--date", "2020-03-01");

        Part(march, "s301").ShouldBeGreaterThan(Part(june, "s301"));
    }

    [Fact]
    public async Task Section_301_reaches_only_chinese_goods()
    {
        var vietnam = await Point("--partner", "VN", "--date", "2020-03-01");

        Part(vietnam, "s301").ShouldBe(0m);
        Part(vietnam, "mfn").ShouldBeGreaterThan(0m);
        vietnam.GetProperty("adValorem").GetDecimal().ShouldBe(Part(vietnam, "mfn"));
    }

    [Fact]
    public async Task Lines_created_after_the_data_are_counted_not_dropped()
    {
        var point = await Point("--partner", "CN", "--date", "2019-06-01");

        // Smartphones have their own subheading (8517.13) only from HTS 2022: not a line of the 2018 revision.
        var missing = point.GetProperty("missing");
        missing.GetProperty("lines").GetInt32().ShouldBeGreaterThan(0);
        missing.GetProperty("largest").EnumerateArray().Select(e => e.GetString()).ShouldContain("8517.13.00.00 (CN)");
        // China's 2024 imports (USD 429.4 bn, SOURCES.md section 23) are all weighted: priced plus missing.
        point.GetProperty("importValue").GetDecimal().ShouldBe(point.GetProperty("pricedValue").GetDecimal() + missing.GetProperty("importValue").GetDecimal());
        point.GetProperty("lines").GetInt32().ShouldBe(14_422);
        point.GetProperty("partial").GetProperty("lines").GetInt32().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_series_by_day_holds_each_figure_until_the_next_change()
    {
        var run = await CliRun.Of("schedule", "effective", "--partner", "CN", "--from", "2020-02-10", "--to", "2020-02-20", "--format", "csv");

        run.ExitCode.ShouldBe(0, run.Error);
        var rows = run.Out.Trim().Split('\n');
        rows[0].ShouldBe("date,total,mfn,s301,s232,ieepa-fentanyl,ieepa-reciprocal,s122,retaliation,other");
        rows.Length.ShouldBe(12);
        rows[1..5].Select(r => r[11..]).Distinct().Count().ShouldBe(1); // 02-10 .. 02-13 alike
        rows[5].ShouldStartWith("2020-02-14,");
        rows[5][11..].ShouldNotBe(rows[4][11..]);
        rows[5..].Select(r => r[11..]).Distinct().Count().ShouldBe(1); // 02-14 .. 02-20 alike
    }

    [Fact]
    public async Task The_eu_aggregate_is_priced_as_one_member_with_a_warning()
    {
        var run = await CliRun.Of("schedule", "effective", "--partner", "EU", "--date", "2020-03-01", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Json.GetProperty("origins").EnumerateArray().Select(o => o.GetString()).ShouldBe(["DE"]);
        run.Json.GetProperty("warnings")[0].GetString()!.ShouldContain("priced as goods of DE");
    }

    [Fact]
    public async Task All_partners_count_slovakia_once_inside_the_eu()
    {
        var all = await Point("--partner", "all", "--date", "2020-03-01");
        var slovakia = await Point("--partner", "SK", "--date", "2020-03-01");

        // The file's 51 partners total USD 3,216,961,412,233 (SOURCES.md section 23) with Slovakia's row counted twice.
        all.GetProperty("importValue").GetDecimal().ShouldBe(3_216_961_412_233m - slovakia.GetProperty("importValue").GetDecimal());
    }

    [Fact]
    public async Task Every_wrong_field_is_named_in_the_options_spelling()
    {
        var run = await CliRun.Of("schedule", "effective", "--partner", "FR", "--by", "heading");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("error: --partner: 'FR' has no 2024 imports in the file");
        run.Error.ShouldContain("error: --date: is required");
        run.Error.ShouldContain("error: --by: 'heading' is not supported: expected authority");
    }

    [Fact]
    public async Task A_date_and_a_series_exclude_each_other()
    {
        var run = await CliRun.Of("schedule", "effective", "--partner", "CN", "--date", "2020-03-01", "--from", "2020-01-01");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("error: --date: excludes --from and --to");
    }

    [Fact]
    public async Task A_date_outside_the_data_is_out_of_range()
    {
        var run = await CliRun.Of("schedule", "effective", "--partner", "CN", "--date", "2017-06-01");

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("is outside the data");
    }
}
