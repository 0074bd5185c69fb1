using System.Text.Json;

namespace TradeAccord.Cli.Tests.Commands;

public class DutyCommandTests
{
    [Fact]
    public async Task Json_HasTheContractedFields()
    {
        var run = await CliRun.Of("duty", "--hts", "7326.90.8688", "--origin", "CN", "--entry-date", "2019-06-20", "--value", "10000", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        var json = run.Json;
        foreach (var field in new[] { "importer", "hts", "origin", "entryDate", "exportDate", "layers", "totalAdValorem", "totalDuty", "warnings" })
        {
            json.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        json.GetProperty("totalAdValorem").GetDecimal().ShouldBe(0.279m);
        json.GetProperty("totalDuty").GetDecimal().ShouldBe(2790m);
        json.GetProperty("exportDate").ValueKind.ShouldBe(JsonValueKind.Null);
        var layer = json.GetProperty("layers")[1];
        foreach (var field in new[] { "id", "heading", "kind", "rate", "adValorem", "specific", "amount", "legalBase", "validFrom", "validTo" })
        {
            layer.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        layer.GetProperty("id").GetString().ShouldBe("us301-l3-25");
        layer.GetProperty("heading").GetString().ShouldBe("9903.88.03");
        layer.GetProperty("adValorem").GetDecimal().ShouldBe(0.25m);
        layer.GetProperty("amount").GetDecimal().ShouldBe(2500m);
        layer.GetProperty("validFrom").GetString().ShouldBe("2019-05-10");
    }

    [Fact]
    public async Task Table_ShowsEachLayerWithItsLegalBaseAndTheTotal()
    {
        var run = await CliRun.Of("duty", "--hts", "7326908688", "--origin", "CN", "--entry-date", "2019-06-14", "--export-date", "2019-05-01", "--value", "10000");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("9903.88.09");
        run.Out.ShouldContain("84 FR 20459");
        run.Out.ShouldContain("1,290.00");
    }

    [Fact]
    public async Task Scenario_ChangesTheAnswer()
    {
        var phaseOne = await CliRun.Of("duty", "--hts", "8471.30.0100", "--origin", "CN", "--entry-date", "2019-12-16", "--value", "1000", "--scenario", "phase-one", "--format", "json");
        var proceeds = await CliRun.Of("duty", "--hts", "8471.30.0100", "--origin", "CN", "--entry-date", "2019-12-16", "--value", "1000", "--scenario", "dec15-proceeds", "--format", "json");

        phaseOne.Json.GetProperty("totalDuty").GetDecimal().ShouldBe(0m);
        proceeds.Json.GetProperty("totalDuty").GetDecimal().ShouldBe(150m);
        proceeds.Json.GetProperty("scenario").GetString().ShouldBe("dec15-proceeds");
    }

    [Fact]
    public async Task China_as_importer_charges_us_soybeans_its_mfn_rate_plus_the_july_2018_retaliation()
    {
        var run = await CliRun.Of("duty", "--importer", "CN", "--hts", "1201.90.1000", "--origin", "US", "--entry-date", "2018-07-06", "--value", "1000", "--format", "json");

        // China's line 1201901000: MFN 3% plus 25 points from 2018-07-06 (PIIE columns mfn_2018_01_01 and
        // chg_2018_07_06_retaliation_s301_34b of data/china_retaliation/china_tariffs_on_us_hs10_bjz_2018-2019.csv).
        run.ExitCode.ShouldBe(0, run.Error);
        run.Json.GetProperty("totalAdValorem").GetDecimal().ShouldBe(0.03m + 0.25m);
    }

    [Theory]
    [InlineData(new[] { "--hts", "7326.9", "--origin", "CN", "--entry-date", "2019-06-20" }, "--hts: '7326.9' has 5 digits")]
    [InlineData(new[] { "--hts", "9999.99.99", "--origin", "CN", "--entry-date", "2019-06-20" }, "unknown code 9999.99.99")]
    [InlineData(new[] { "--hts", "7326.90.8688", "--origin", "XX", "--entry-date", "2019-06-20" }, "--origin: 'XX' is not an assigned ISO 3166-1")]
    [InlineData(new[] { "--hts", "7326.90.8688", "--origin", "CN", "--entry-date", "2019-02-30" }, "--entry-date: '2019-02-30' is not a date: expected yyyy-MM-dd")]
    [InlineData(new[] { "--hts", "7326.90.8688", "--origin", "CN", "--entry-date", "2027-01-01" }, "entry date 2027-01-01 is outside the data: expected a date from 2018-01-01 to 2026-07-23; --assume-unchanged prices it on the schedule of 2026-07-23; known to be missing after it: HTS revisions after 2026 revision 10")]
    [InlineData(new[] { "--hts", "7326.90.8688", "--origin", "CN", "--entry-date", "2017-12-31" }, "entry date 2017-12-31 is outside the data: expected a date from 2018-01-01 to 2026-07-23")]
    [InlineData(new[] { "--hts", "7326.90.8688", "--origin", "CN", "--entry-date", "2019-06-20", "--value", "-1" }, "--value: -1 is not valid: expected a customs value in USD of zero or more")]
    [InlineData(new[] { "--hts", "7326.90.8688", "--origin", "CN", "--entry-date", "2019-06-20", "--format", "xml" }, "--format 'xml' is not supported")]
    [InlineData(new[] { "--origin", "CN", "--entry-date", "2019-06-20" }, "--hts: is required")]
    [InlineData(new[] { "--hts", "7326.90.8688", "--origin", "CN", "--entry-date", "2019-06-20", "--scenario", "nope" }, "no such scenario")]
    public async Task BadInput_ExitsNonZeroWithAClearMessage(string[] args, string expected)
    {
        var run = await CliRun.Of(["duty", .. args]);

        run.ExitCode.ShouldNotBe(0);
        (run.Error + run.Out).ShouldContain(expected);
    }

    [Fact]
    public async Task Batch_WritesEveryRowAndASummary()
    {
        var folder = Directory.CreateTempSubdirectory("accord-cli-");
        try
        {
            var input = Path.Combine(folder.FullName, "entries.csv");
            var output = Path.Combine(folder.FullName, "duties.csv");
            await File.WriteAllTextAsync(input, "id,hts,origin,entry_date,value_usd\n1,7326.90.8688,CN,2019-06-20,10000\n2,bad,CN,2019-06-20,1\n", TestContext.Current.CancellationToken);

            var run = await CliRun.Of("duty", "--input", input, "--output", output);

            run.ExitCode.ShouldBe(0, run.Error);
            run.Out.ShouldContain("2 rows, 1 errors, total duty 2,790.00 USD");
            var lines = await File.ReadAllLinesAsync(output, TestContext.Current.CancellationToken);
            lines.Length.ShouldBe(3);
            lines[2].ShouldContain("line 3: field 'hts': 'bad' is not a product code");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Batch_OutputSameAsInput_IsRefusedBeforeAnythingIsWritten()
    {
        var folder = Directory.CreateTempSubdirectory("accord-cli-");
        try
        {
            var input = Path.Combine(folder.FullName, "entries.csv");
            const string entries = "id,hts,origin,entry_date,value_usd\n1,7326.90.8688,CN,2019-06-20,10000\n";
            await File.WriteAllTextAsync(input, entries, TestContext.Current.CancellationToken);

            var run = await CliRun.Of("duty", "--input", input, "--output", input);

            run.ExitCode.ShouldBe(1);
            run.Error.ShouldContain("--output must differ from --input");
            (await File.ReadAllTextAsync(input, TestContext.Current.CancellationToken)).ShouldBe(entries);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task WrongDataFolder_IsAnErrorNotAFallback()
    {
        var run = await CliRun.Of("duty", "--hts", "7326.90.8688", "--origin", "CN", "--entry-date", "2019-06-20", "--data", "/nonexistent");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("/nonexistent: is not a data folder: expected it to hold catalog.yaml");
    }

    [Fact]
    public async Task Batch_UnreadableFile_ExitsWithADataError()
    {
        var run = await CliRun.Of("duty", "--input", "/nonexistent/entries.csv", "--output", "/tmp/x.csv");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("/nonexistent/entries.csv: cannot be read");
    }
}
