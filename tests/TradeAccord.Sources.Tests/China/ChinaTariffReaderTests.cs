using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.China;
using TradeAccord.Sources.Csv;

namespace TradeAccord.Sources.Tests.China;

public class ChinaTariffReaderTests
{
    private const string Bjz = "china_retaliation/china_tariffs_on_us_hs10_bjz_2018-2019.csv";

    [Fact]
    public void AprilRound_FromChinasOwnList_AgreesWithThePiieColumnOnEveryLine()
    {
        var data = DataPaths.Locate().Data;
        var april = BuiltIn.Schedule().Set.Measures.Single(m => m.Id == "cn-ret-232");
        var (rows, listed) = (0, new HashSet<string>(StringComparer.Ordinal));
        foreach (var row in CsvTable.Read(Path.Combine(data, Bjz), Bjz, "hs10", "chg_2018_04_02_retaliation_s232"))
        {
            var expected = row.Decimal("chg_2018_04_02_retaliation_s232") / 100m;
            var line = row.Code("hs10");
            (april.Coverage.Covers(line) ? april.RateFor(line)!.AdValorem : 0m).ShouldBe(expected, $"line {line}");
            rows++;
            if (expected != 0)
            {
                listed.Add(row["hs10"][..8]);
            }
        }

        // data/SOURCES.md: the PIIE sheet has 11,790 rows, and the Customs Tariff Commission's annex lists 128 items (HS8).
        rows.ShouldBe(11_790);
        listed.Count.ShouldBe(128);
    }

    [Fact]
    public void Rates_AfterJune2019_AddUpToThePiieCumulativeColumn()
    {
        var data = DataPaths.Locate().Data;
        var schedule = BuiltIn.Schedule();
        var checkedLines = 0;
        foreach (var row in CsvTable.Read(Path.Combine(data, Bjz), Bjz, "hs10", "mfn_2018_01_01", "rate_2019_06_01_cumulative"))
        {
            if (row["mfn_2018_01_01"].Length == 0)
            {
                continue; // a non-ad-valorem MFN rate: the source gives no figure
            }

            var shipment = new Shipment(row.Code("hs10"), Core.Common.CountryCode.US, new DateOnly(2019, 6, 1), Value: 100m);
            var quote = DutyCalculator.Quote(schedule, Core.Common.CountryCode.CN, shipment).GetValueOrThrow();
            (quote.TotalAdValorem * 100m).ShouldBe(row.Decimal("rate_2019_06_01_cumulative"), 0.0001m, $"line {row["hs10"]}");
            checkedLines++;
        }

        checkedLines.ShouldBeGreaterThan(11_700);
    }

    [Fact]
    public void Read_NegativeRetaliationRate_NamesLineAndField()
    {
        using var temp = new TempFolder();
        var data = DataPaths.Locate().Data;
        var header = File.ReadLines(Path.Combine(data, Bjz)).First();
        var row = string.Join(',', header.Split(',').Select(c => c switch
        {
            "hs10" => "0101210010",
            "description" => "synthetic row",
            "chg_2018_07_06_retaliation_s301_34b" => "-5",
            _ => "0",
        }));
        var bad = temp.Write("bjz.csv", header + "\n" + row + "\n");
        var mof = Path.Combine(data, "china_retaliation/china_mof_2018-04-02_s232_retaliation_128_items.csv");

        var error = Should.Throw<SourceException>(() => ChinaTariffReader.Read(bad, "bjz.csv", mof, "mof.csv", new DateOnly(2018, 1, 1)));

        error.Message.ShouldStartWith("bjz.csv:2: field 'chg_2018_07_06_retaliation_s301_34b': '-5' is negative");
    }

    [Fact]
    public void Read_AprilListRateOutOfRange_NamesLineAndField()
    {
        using var temp = new TempFolder();
        var data = DataPaths.Locate().Data;
        var mof = temp.Write("mof.csv", "seq,hs8,name_zh,additional_tariff_pct\n1,08011100,x,15\n2,08011200,y,250\n");

        var error = Should.Throw<SourceException>(() =>
            ChinaTariffReader.Read(Path.Combine(data, Bjz), Bjz, mof, "mof.csv", new DateOnly(2018, 1, 1)));

        error.Message.ShouldBe("mof.csv:3: field 'additional_tariff_pct': '250' is not a rate: expected a percentage above 0 and at most 100");
    }
}
