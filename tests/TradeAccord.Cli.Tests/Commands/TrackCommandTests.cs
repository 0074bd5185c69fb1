using System.Xml.Linq;

namespace TradeAccord.Cli.Tests.Commands;

/// <summary><c>accord track</c> and <c>accord data</c> on a real DuckDB file, in a temporary folder per test.</summary>
public sealed class TrackCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "accord-track-" + Guid.NewGuid().ToString("N"));

    public TrackCommandTests() => Directory.CreateDirectory(_folder);

    private string Db => Path.Combine(_folder, "store.duckdb");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Json_has_the_fixed_field_names_and_the_2020_figures()
    {
        var run = await CliRun.Of("track", "--agreement", "agreements/us-china-phase-one.yaml", "--series", "us-exports", "--year", "2020", "--format", "json", "--db", Db);

        run.ExitCode.ShouldBe(0, run.Error);
        var json = run.Json;
        json.GetProperty("series").GetString().ShouldBe("us-exports");
        json.GetProperty("vintage").GetString().ShouldBe("census-2021-03-25");
        json.GetProperty("period").GetProperty("from").GetString().ShouldBe("2020-01");
        json.GetProperty("period").GetProperty("to").GetString().ShouldBe("2020-12");
        var agriculture = json.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Agriculture");
        agriculture.GetProperty("baseline").GetDecimal().ShouldBe(20_969_790_000m, 10_000m);
        agriculture.GetProperty("actual").GetDecimal().ShouldBe(27_335_340_000m, 10_000m);
        agriculture.GetProperty("percentOfTarget").GetDecimal().ShouldBe(81.67m);
        agriculture.GetProperty("subcategories").GetArrayLength().ShouldBe(6);
        var total = json.GetProperty("total");
        foreach (var field in new[] { "baseline", "target", "actual", "percentOfTarget" })
        {
            total.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        total.GetProperty("percentOfTarget").GetDecimal().ShouldBe(62.56m);
    }

    [Fact]
    public async Task Csv_has_a_row_per_category_and_month_and_the_chart_is_a_labelled_svg()
    {
        var chart = Path.Combine(_folder, "track.svg");
        var run = await CliRun.Of("track", "--year", "2020", "--through", "2020-06", "--format", "csv", "--chart", chart, "--db", Db);

        run.ExitCode.ShouldBe(0, run.Error);
        var lines = run.Out.Trim().Split('\n');
        lines[0].ShouldBe("series,vintage,category,month,target_usd,actual_usd,cumulative_target_usd,cumulative_actual_usd,suspended");
        lines.Length.ShouldBe(1 + 3 * 6);
        lines.ShouldContain(l => l.StartsWith("us-exports,census-2021-03-25,Agriculture,2020-06,", StringComparison.Ordinal));
        var svg = XDocument.Load(chart);
        var text = string.Join(" ", svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
        text.ShouldContain("Purchases against the seasonal target, 2020-01 to 2020-06");
        text.ShouldContain("Agriculture: actual");
        text.ShouldContain("Cumulative, USD billion");
        text.ShouldContain("2020-06");
    }

    [Fact]
    public async Task Png_chart_is_written()
    {
        var chart = Path.Combine(_folder, "track.png");
        var run = await CliRun.Of("track", "--year", "2020", "--chart", chart, "--db", Db);
        run.ExitCode.ShouldBe(0, run.Error);
        var bytes = await File.ReadAllBytesAsync(chart, TestContext.Current.CancellationToken);
        bytes[..8].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        bytes.Length.ShouldBeGreaterThan(20_000, "a chart with lines and text, not an empty canvas");
    }

    [Fact]
    public async Task A_second_series_is_imported_and_tracked_side_by_side()
    {
        // Synthetic China-imports figures (not official data): real Annex codes, made-up values.
        var file = Path.Combine(_folder, "cn.csv");
        var rows = new List<string> { "month,code,value_usd" };
        for (var month = 1; month <= 12; month++)
        {
            rows.Add($"2017-{month:00},120190,1000000000");
            rows.Add($"2020-{month:00},120190,1500000000");
        }

        await File.WriteAllLinesAsync(file, rows, TestContext.Current.CancellationToken);
        var import = await CliRun.Of("data", "import", "--series", "cn-imports", "--file", file, "--vintage", "synthetic", "--db", Db);
        import.ExitCode.ShouldBe(0, import.Error);
        import.Out.ShouldContain("imported 24 monthly rows of cn-imports as vintage synthetic (2017-01 to 2020-12)");

        var run = await CliRun.Of("track", "--year", "2020", "--format", "json", "--db", Db);
        run.ExitCode.ShouldBe(0, run.Error);
        var reports = run.Json.EnumerateArray().ToList();
        reports.Select(r => r.GetProperty("series").GetString()).ShouldBe(["us-exports", "cn-imports"]);
        var oilseeds = reports[1].GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "Agriculture");
        oilseeds.GetProperty("baseline").GetDecimal().ShouldBe(12_000_000_000m);
        oilseeds.GetProperty("actual").GetDecimal().ShouldBe(18_000_000_000m);

        var table = await CliRun.Of("track", "--year", "2020", "--db", Db);
        table.Out.ShouldContain("us-exports (census-2021-03-25)");
        table.Out.ShouldContain("cn-imports (synthetic)");
        // One table puts them next to each other: US exports of agriculture 27.34 bn; the synthetic China series 18.00 bn.
        table.Out.ShouldContain("Side by side");
        table.Out.ShouldMatch(@"(?s)Agriculture\s*│\s*27\.34 of 33\.47 \(81\.7%\)\s*│\s*18\.00 of 24\.50");

        var list = await CliRun.Of("data", "list", "--db", Db);
        list.Out.ShouldContain("synthetic (latest)");
    }

    [Fact]
    public async Task A_malformed_import_fails_with_its_line_and_leaves_the_store_as_it_was()
    {
        var file = Path.Combine(_folder, "bad.csv");
        await File.WriteAllTextAsync(file, "month,code,value_usd\n2020-01,120190,5\n2020-02,12019O,5\n", TestContext.Current.CancellationToken);

        var run = await CliRun.Of("data", "import", "--series", "cn-imports", "--file", file, "--db", Db);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("bad.csv:3: field 'code': '12019O' is not a product code: expected 2 to 10 digits");
        (await CliRun.Of("data", "list", "--db", Db)).Out.ShouldNotContain("cn-imports");
    }

    [Fact]
    public async Task Every_bad_field_is_reported_at_once()
    {
        var run = await CliRun.Of("track", "--years", "0", "--through", "2020-13", "--scenario", "nope", "--db", Db);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("--scenario: 'nope': no such scenario");
        run.Error.ShouldNotContain("--year:"); // the scenario is checked first, then the query's fields
        var query = await CliRun.Of("track", "--years", "0", "--through", "2020-13", "--db", Db);
        query.Error.ShouldContain("--year: is required");
        query.Error.ShouldContain("--years: 0 is not valid");
        query.Error.ShouldContain("--through: '2020-13' is not a month");
    }

    [Fact]
    public async Task Bad_options_are_refused_before_anything_runs()
    {
        (await CliRun.Of("track", "--year", "2020", "--through", "2020-13", "--db", Db)).Error.ShouldContain("--through: '2020-13' is not a month: expected yyyy-MM");
        (await CliRun.Of("track", "--year", "2020", "--chart", "x.pdf", "--db", Db)).Error.ShouldContain("expected a file ending in .svg or .png");
        (await CliRun.Of("track", "--year", "2020", "--years", "0", "--db", Db)).Error.ShouldContain("--years: 0 is not valid: expected 1 to 10");
        (await CliRun.Of("track", "--year", "2021", "--category-vintage", "census-ytd-1999-01", "--db", Db)).Error
            .ShouldContain("us-exports-by-category has no vintage 'census-ytd-1999-01': expected one of census-ytd-2021-01");
        (await CliRun.Of("track", "--year", "2020", "--series", "nowhere", "--db", Db)).Error
            .ShouldContain("the store has no series 'nowhere': import it with `accord data import --series nowhere --file FILE`");
    }

    [Fact]
    public async Task The_late_2025_soybean_pledge_shows_each_statistic_side_by_side_with_its_rows()
    {
        var run = await CliRun.Of("track", "--agreement", "agreements/us-china-2025-11.yaml", "--year", "2025", "--format", "json", "--db", Db);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Json.GetProperty("vintage").GetString().ShouldBe("press-2026-05-17");
        var pledge = run.Json.GetProperty("commitments").EnumerateArray().Single();
        pledge.GetProperty("id").GetString().ShouldBe("soybeans-2025");
        pledge.GetProperty("dueTonnes").GetDecimal().ShouldBe(12_000_000m);
        var statistics = pledge.GetProperty("statistics").EnumerateArray().ToDictionary(s => s.GetProperty("statistic").GetString()!);
        statistics.Keys.ShouldBe(["purchases", "exports", "arrivals"]);

        var purchases = statistics["purchases"];
        purchases.GetProperty("summary").GetString().ShouldBe(
            "12 Mt reported purchased (traders (via WSNext), 2026-01-12; U.S. Treasury Secretary Bessent (Fox Business at Davos), 2026-01-20)");
        purchases.GetProperty("gapTonnes").GetDecimal().ShouldBe(0m);
        Lines(purchases).ShouldBe([30, 31]);

        var arrivals = statistics["arrivals"];
        arrivals.GetProperty("summary").GetString().ShouldBe("0 t arrived (China GACC via Reuters, 2025-09..2025-12)");
        arrivals.GetProperty("gapTonnes").GetDecimal().ShouldBe(12_000_000m);
        Lines(arrivals).ShouldBe([9, 11, 13, 15]);
        statistics["exports"].GetProperty("tonnes").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task A_new_vintage_of_reported_figures_changes_the_report_and_the_old_one_replays()
    {
        // A synthetic later release: the shipped rows and one made-up row, marked as such, that raises the count.
        var shipped = await File.ReadAllTextAsync(ShippedData(Path.Combine("trade", "soybean_purchases_2025-2026_reported.csv")), TestContext.Current.CancellationToken);
        var file = Path.Combine(_folder, "reported-synthetic.csv");
        await File.WriteAllTextAsync(file, shipped.TrimEnd('\n') + "\n2026-02-01,since 2025-10-30,13,million t,Chinese purchases of U.S. soybeans (synthetic test row),synthetic,https://example.invalid,synthetic,not a real figure\n", TestContext.Current.CancellationToken);
        (await CliRun.Of("track", "--agreement", "agreements/us-china-2025-11.yaml", "--year", "2025", "--db", Db)).ExitCode.ShouldBe(0);
        var import = await CliRun.Of("data", "import", "--series", "soybeans-reported", "--file", file, "--vintage", "synthetic-2026-02", "--db", Db);
        import.ExitCode.ShouldBe(0, import.Error);

        var latest = await CliRun.Of("track", "--agreement", "agreements/us-china-2025-11.yaml", "--year", "2025", "--format", "json", "--db", Db);
        var replay = await CliRun.Of("track", "--agreement", "agreements/us-china-2025-11.yaml", "--year", "2025", "--format", "json", "--vintage", "press-2026-05-17", "--db", Db);

        Purchases(latest).GetProperty("tonnes").GetDecimal().ShouldBe(13_000_000m);
        Lines(Purchases(latest)).ShouldBe([35]);
        Purchases(replay).GetProperty("tonnes").GetDecimal().ShouldBe(12_000_000m);
        replay.Json.GetProperty("vintage").GetString().ShouldBe("press-2026-05-17");
    }

    private static string ShippedData(string relative)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var file = Path.Combine(d.FullName, "data", relative);
            if (File.Exists(file))
            {
                return file;
            }
        }

        throw new FileNotFoundException(relative);
    }

    private static System.Text.Json.JsonElement Purchases(CliRun run) =>
        run.Json.GetProperty("commitments")[0].GetProperty("statistics").EnumerateArray().Single(s => s.GetProperty("statistic").GetString() == "purchases");

    private static List<int> Lines(System.Text.Json.JsonElement statistic) =>
        [.. statistic.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("line").GetInt32())];
}
