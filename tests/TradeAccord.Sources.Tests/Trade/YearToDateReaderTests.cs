using TradeAccord.Sources.Trade;

namespace TradeAccord.Sources.Tests.Trade;

/// <summary>Year-to-date releases by category: the shipped file, and malformed ones (synthetic values).</summary>
public class YearToDateReaderTests
{
    private const string Shipped = "phase_one/us_exports_to_china_phase_one_categories_2021_ytd_vintages.csv";
    private const string Header = "vintage_latest_month,period_start,period_end,agriculture_usd,energy_usd\n";

    private static readonly Dictionary<string, string> Columns = new() { ["agriculture_usd"] = "Agriculture", ["energy_usd"] = "Energy" };

    [Fact]
    public void Each_release_holds_its_months_as_differences_of_year_to_date_totals()
    {
        var releases = YearToDateReader.Read(Path.Combine(DataPaths.Locate().Data, Shipped), Shipped, Columns);

        releases.Select(r => r.LatestMonth).ShouldBe(Enumerable.Range(1, 11).Select(m => new DateOnly(2021, m, 1)));
        var last = releases[^1];
        last.Flows.Count.ShouldBe(22);
        last.Flows.Where(f => f.Code == "Agriculture").Sum(f => f.ValueUsd).ShouldBe(30_198_996_424m);
        last.Flows.Single(f => f.Code == "Agriculture" && f.Month == new DateOnly(2021, 3, 1)).ValueUsd.ShouldBe(7_837_306_285m - 5_819_530_853m);
        releases[0].Flows.Single(f => f.Code == "Energy").ValueUsd.ShouldBe(1_178_108_688m);
    }

    [Theory]
    [InlineData("2021-01,2021-01,2021-01,10,5\n2021-03,2021-01,2021-03,20,6\n", 3, "vintage_latest_month", "does not follow 2021-01")]
    [InlineData("2021-02,2021-02,2021-02,10,5\n2021-02,2021-02,2021-02,20,6\n", 3, "vintage_latest_month", "does not follow 2021-02")]
    [InlineData("2021-02,2021-01,2021-02,10,5\n", 2, "vintage_latest_month", "expected the first release to hold 2021-01 only")]
    [InlineData("2021-01,2021-01,2021-01,10,5\n2021-02,2021-01,2021-03,20,6\n", 3, "period_end", "expected 2021-01 to 2021-02")]
    [InlineData("2021-01,2021-01,2021-01,10,5\n2021-02,2021-01,2021-02,9,6\n", 3, "agriculture_usd", "expected year-to-date totals that do not fall")]
    [InlineData("2021-01,2021-01,2021-01,ten,5\n", 2, "agriculture_usd", "is not an amount")]
    [InlineData("2021-1,2021-01,2021-01,10,5\n", 2, "vintage_latest_month", "expected yyyy-MM")]
    public void A_malformed_release_names_its_line_and_field(string rows, int line, string field, string expected)
    {
        using var temp = new TempFolder();
        var file = temp.Write("ytd.csv", Header + rows);

        var error = Should.Throw<SourceException>(() => YearToDateReader.Read(file, "ytd.csv", Columns));

        (error.Line, error.Field).ShouldBe((line, field));
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void A_file_without_a_category_column_is_refused()
    {
        using var temp = new TempFolder();
        var file = temp.Write("ytd.csv", "vintage_latest_month,period_start,period_end,agriculture_usd\n2021-01,2021-01,2021-01,10\n");

        Should.Throw<SourceException>(() => YearToDateReader.Read(file, "ytd.csv", Columns)).Message.ShouldContain("energy_usd");
    }
}
