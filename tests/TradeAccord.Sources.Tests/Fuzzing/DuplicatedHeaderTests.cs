using TradeAccord.App.Tariffs.Batch;
using TradeAccord.App.Tracking;
using TradeAccord.Core.Common;
using TradeAccord.Sources.Trade;
using TradeAccord.Storage;

namespace TradeAccord.Sources.Tests.Fuzzing;

/// <summary>
/// A column named twice in a CSV header, found by fuzzing every CSV reader: Sep threw a bare ArgumentException, which
/// crashed `duty --input`, `scenario compare` and `data import` (exit 134) and reached the server's answer as the
/// library's own message. Now each is the file's error on line 1, naming the column.
/// </summary>
public class DuplicatedHeaderTests
{
    private const string Entries = "id,hts,origin,entry_date,value_usd,value_usd\nA-1,7326.90.8688,CN,2019-06-20,10000,10000\n";
    private const string Expected = "is the name of columns 5 and 6 of the header: expected each column once";

    [Fact]
    public void DutyBatch_ValueColumnTwice_NamesLineOneAndTheColumn()
    {
        using var temp = new TempFolder();
        var input = temp.Write("entries.csv", Entries);

        var error = Should.Throw<SourceException>(() => DutyBatch.Run(BuiltIn.Schedule(), CountryCode.US, input, Path.Combine(temp.Path, "out.csv")));

        (error.File, error.Line, error.Field, error.Problem).ShouldBe((input, 1, "value_usd", Expected));
    }

    [Fact]
    public void ScenarioComparison_ValueColumnTwice_NamesLineOneAndTheColumn()
    {
        using var temp = new TempFolder();
        var input = temp.Write("entries.csv", Entries);

        var error = Should.Throw<SourceException>(() => ScenarioComparison.Run([BuiltIn.Schedule()], CountryCode.US, input));

        (error.Line, error.Field, error.Problem).ShouldBe((1, "value_usd", Expected));
    }

    [Theory]
    [InlineData("month,code,value_usd,value_usd\n2020-01,120190,1000,1000\n", "value_usd")]
    [InlineData("year,category,VALUE_USD,value_usd\n2020,Services,1000,1000\n", "value_usd")]
    public void DataImport_ValueColumnTwice_NamesLineOneAndTheColumn(string csv, string field)
    {
        using var temp = new TempFolder();
        var file = temp.Write("flows.csv", csv);
        using var store = TradeStores.OpenInMemory();

        var error = Should.Throw<SourceException>(() => TradeData.Import(store, "fuzz", file, "v1", "flows.csv"));

        error.Message.ShouldBe($"flows.csv:1: field '{field}': {Expected.Replace("5 and 6", "3 and 4", StringComparison.Ordinal)}");
    }

    [Fact]
    public void CsvReader_TwoUnnamedColumns_SaysSoOnLineOne()
    {
        using var temp = new TempFolder();
        var file = temp.Write("flows.csv", "month,code,value_usd,,\n2020-01,120190,1000,,\n");

        var error = Should.Throw<SourceException>(() => TradeFlowReader.ReadMonthly(file, "flows.csv"));

        error.Message.ShouldBe("flows.csv:1: columns 4 and 5 of the header have no name: expected every column named once");
    }
}
