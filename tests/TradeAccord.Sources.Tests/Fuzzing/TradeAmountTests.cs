using TradeAccord.App.Tracking;
using TradeAccord.Sources.Trade;
using TradeAccord.Storage;

namespace TradeAccord.Sources.Tests.Fuzzing;

/// <summary>
/// Amounts beyond the store's DECIMAL(18,2), found by fuzzing `data import` with numbers at the limits: the value
/// reached DuckDB's appender, which threw an OverflowException. The reader now refuses it, naming the row and column.
/// </summary>
public class TradeAmountTests
{
    private const string TooLarge = "is too large: expected an amount from 0 to 9999999999999999.99 USD";

    [Theory]
    [InlineData("10000000000000000")]
    [InlineData("79228162514264337593543950335")]
    public void MonthlyFlows_ValueBeyondTheStoresColumn_RefusedWithRowAndRange(string value)
    {
        using var temp = new TempFolder();
        var file = temp.Write("flows.csv", $"month,code,value_usd\n2020-01,120190,1000\n2020-02,120190,{value}\n");

        var error = Should.Throw<SourceException>(() => TradeFlowReader.ReadMonthly(file, "flows.csv"));

        error.Message.ShouldBe($"flows.csv:3: field 'value_usd': '{value}' {TooLarge}");
    }

    [Fact]
    public void DataImport_ValueBeyondTheStoresColumn_StoresNothing()
    {
        using var temp = new TempFolder();
        var file = temp.Write("flows.csv", "year,category,value_usd\n2020,Services,10000000000000000.00\n");
        using var store = TradeStores.OpenInMemory();

        Should.Throw<SourceException>(() => TradeData.Import(store, "fuzz", file, "v1", "flows.csv")).Line.ShouldBe(2);
        store.Latest("fuzz").ShouldBeNull();
    }

    [Fact]
    public void DataImport_LargestValueTheColumnHolds_IsStored()
    {
        using var temp = new TempFolder();
        var file = temp.Write("flows.csv", "year,category,value_usd\n2020,Services,9999999999999999.99\n");
        using var store = TradeStores.OpenInMemory();

        TradeData.Import(store, "fuzz", file, "v1", "flows.csv").Rows.ShouldBe(1);
    }

    [Fact]
    public void YearToDate_TotalBeyondTheStoresColumn_RefusedWithRowAndRange()
    {
        using var temp = new TempFolder();
        var file = temp.Write("ytd.csv", "vintage_latest_month,period_start,period_end,agriculture_usd\n2021-01,2021-01,2021-01,1e3\n");
        var categories = new Dictionary<string, string> { ["agriculture_usd"] = "Agriculture" };

        Should.Throw<SourceException>(() => YearToDateReader.Read(file, "ytd.csv", categories)).Message
            .ShouldBe("ytd.csv:2: field 'agriculture_usd': '1e3' is not an amount: expected a number of zero or more, without separators");
        File.WriteAllText(file, "vintage_latest_month,period_start,period_end,agriculture_usd\n2021-01,2021-01,2021-01,99999999999999999\n");
        Should.Throw<SourceException>(() => YearToDateReader.Read(file, "ytd.csv", categories)).Message
            .ShouldBe($"ytd.csv:2: field 'agriculture_usd': '99999999999999999' {TooLarge}");
    }
}
