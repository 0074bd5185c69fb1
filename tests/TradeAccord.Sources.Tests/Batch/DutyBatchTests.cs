using TradeAccord.App.Tariffs.Batch;
using TradeAccord.Core.Common;
using TradeAccord.Sources.Csv;

namespace TradeAccord.Sources.Tests.Batch;

public class DutyBatchTests
{
    private const string Entries = """
        ID,HTS,Origin,Entry_Date,Value_USD,Export_Date,Quantity,Unit
        1,7326.90.8688,CN,2019-06-20,10000,,,
        2,7326.90.8688,CN,2019-06-14,10000,2019-05-01,,
        3,0402.99.9000,DE,2019-10-01,1000,,100,kg
        4,9999.99.99,CN,2019-06-20,100,,,
        5,7326.90.8688,CN,2019-13-01,100,,,
        6,7326.90.8688,CN,2019-06-20,-5,,,
        7,7326.90.8688,CN,2019-06-20
        8,7326.90.8688,ZZ,2019-06-20,100,,,
        9,7326.90.8688,CN,2027-01-01,100,,,
        10,7326.90.8688,CN,2019-06-20,"12,50",,,
        """;

    [Fact]
    public void Run_PricesGoodRows_AndNamesTheProblemOfEachBadOne()
    {
        using var temp = new TempFolder();
        var input = temp.Write("entries.csv", Entries);
        var output = Path.Combine(temp.Path, "duties.csv");

        var summary = DutyBatch.Run(BuiltIn.Schedule(), CountryCode.US, input, output);

        summary.ShouldBe(new BatchSummary(10, 7, 21_000m, 2_790.00m + 1_290.00m + 195.30m));
        var rows = CsvTable.Read(output, "duties.csv", "id", "Origin", "additional_rate", "total_rate", "duty_usd", "headings", "error").ToDictionary(r => r["id"]);
        rows["1"]["total_rate"].ShouldBe("0.279");
        rows["1"]["headings"].ShouldBe("9903.88.03");
        rows["2"]["additional_rate"].ShouldBe("0.1");
        rows["3"]["duty_usd"].ShouldBe("195.30");
        rows["4"]["error"].ShouldBe("line 5: unknown code 9999.99.99: not a line of HTS 2018 revision 11");
        rows["5"]["error"].ShouldBe("line 6: field 'entry_date': '2019-13-01' is not a date: expected yyyy-MM-dd");
        rows["6"]["error"].ShouldBe("line 7: value -5 is negative: expected an amount of zero or more");
        rows["7"]["error"].ShouldBe("line 8: has 4 fields: expected 8 as in the header");
        rows["8"]["error"].ShouldContain("line 9: field 'origin': 'ZZ' is not an assigned");
        rows["9"]["error"].ShouldContain("line 10: entry date 2027-01-01 is outside the data");
        rows["10"]["error"].ShouldBe("line 11: field 'value_usd': '12,50' is not an amount: expected a number such as 10000.00");
        rows["1"]["Origin"].ShouldBe("CN"); // input columns are written back as read
    }

    [Fact]
    public void Run_MissingRequiredColumn_StopsWithTheHeaderLine()
    {
        using var temp = new TempFolder();
        var input = temp.Write("entries.csv", "id,hts,origin,value_usd\n1,7326.90.8688,CN,100\n");

        Should.Throw<SourceException>(() => DutyBatch.Run(BuiltIn.Schedule(), CountryCode.US, input, Path.Combine(temp.Path, "o.csv")))
            .Message.ShouldContain("entries.csv:1: missing column entry_date");
    }

    [Fact]
    public void Run_UnreadableInput_SaysSo() =>
        Should.Throw<SourceException>(() => DutyBatch.Run(BuiltIn.Schedule(), CountryCode.US, "/nonexistent/entries.csv", "/tmp/o.csv"))
            .Message.ShouldContain("cannot be read");

    [Fact]
    public void Run_HeaderOnly_WritesAHeader()
    {
        using var temp = new TempFolder();
        var input = temp.Write("entries.csv", "id,hts,origin,entry_date,value_usd\n");
        var output = Path.Combine(temp.Path, "o.csv");

        DutyBatch.Run(BuiltIn.Schedule(), CountryCode.US, input, output).Rows.ShouldBe(0);

        File.ReadAllText(output).Trim().ShouldBe("id,hts,origin,entry_date,value_usd,mfn_rate,additional_rate,total_rate,duty_usd,ieepa_usd,headings,warnings,error");
    }

    [Fact]
    public void Compare_TotalsPerScenarioAndPerList()
    {
        using var temp = new TempFolder();
        var input = temp.Write("entries.csv", "id,hts,origin,entry_date,value_usd\n1,8471.30.0100,CN,2019-12-16,1000\n2,7326.90.8688,CN,2019-06-20,1000\n");
        var schedules = new[] { "phase-one", "dec15-proceeds", "no-301" }.Select(BuiltIn.Schedule).ToList();

        var totals = ScenarioComparison.Run(schedules, CountryCode.US, input);

        totals.Select(t => t.TotalDuty).ShouldBe([279.00m, 429.00m, 29.00m]);
        totals[1].ByLayer.Single(l => l.Layer == "Section 301 List 4B").Duty.ShouldBe(150.00m);
        totals[0].EffectiveRate.ShouldBe(0.1395m);
    }
}

public class DutyBatchInputTests
{
    [Fact]
    public void Run_QuotedFieldsAndLargeAmounts_AreCopiedAsWrittenAndPriced()
    {
        using var temp = new TempFolder();
        var input = temp.Write("entries.csv", "id,hts,origin,entry_date,value_usd\n\"A-1, first\",\"7326.90.8688\",\"CN\",\"2019-06-20\",\"25000000.00\"\n");
        var output = Path.Combine(temp.Path, "duties.csv");

        var summary = DutyBatch.Run(BuiltIn.Schedule(), CountryCode.US, input, output);

        summary.TotalDuty.ShouldBe(6_975_000.00m);
        File.ReadAllLines(output)[1].ShouldStartWith("\"A-1, first\",\"7326.90.8688\",\"CN\",\"2019-06-20\",\"25000000.00\",0.029,0.25,0.279,6975000.00,0.00,9903.88.03,");
    }
}

public class DutyBatchLineEndingTests
{
    [Fact]
    public void Run_WindowsLineEndings_ArePricedLikeAnyOther()
    {
        using var temp = new TempFolder();
        var input = temp.Write("entries.csv", "id,hts,origin,entry_date,value_usd\r\n1,7326.90.8688,CN,2019-06-20,10000\r\n2,7326.90.8688,CN,2019-06-20,x\r\n");
        var output = Path.Combine(temp.Path, "duties.csv");

        var summary = DutyBatch.Run(BuiltIn.Schedule(), CountryCode.US, input, output);

        summary.ShouldBe(new BatchSummary(2, 1, 10_000m, 2_790.00m));
        var lines = File.ReadAllLines(output);
        lines[1].ShouldStartWith("1,7326.90.8688,CN,2019-06-20,10000,0.029,0.25,0.279,2790.00,0.00,9903.88.03,");
        lines[2].ShouldEndWith(",line 3: field 'value_usd': 'x' is not an amount: expected a number such as 10000.00");
    }
}
