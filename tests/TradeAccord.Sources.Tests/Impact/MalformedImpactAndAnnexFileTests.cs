using TradeAccord.Core.Common;
using TradeAccord.Sources.Agreements;
using TradeAccord.Sources.Impact;

namespace TradeAccord.Sources.Tests.Impact;

/// <summary>Malformed files refused with their file, line and field: the annex product list and the impact model's trade data.</summary>
public class MalformedImpactAndAnnexFileTests
{
    private const string AnnexHeader = "annex_code,hs4,category,subcategory\n";

    [Theory]
    [InlineData("01a1,0101,Agriculture,Meat", 2, "annex_code", "'01a1' is not a code: expected 4 to 10 digits")]
    [InlineData("010,010,Agriculture,Meat", 2, "annex_code", "'010' is not a code")]
    [InlineData("010121,0102,Agriculture,Meat", 2, "hs4", "'0102' is not the HS4 heading of '010121'")]
    [InlineData("0101,0101,,Meat", 2, "category", "is empty: expected the Annex group")]
    [InlineData("0101,0101,Agriculture,", 2, "subcategory", "is empty")]
    [InlineData("0101,0101,Agriculture,Meat\n0101,0101,Agriculture,Meat", 3, "annex_code", "'0101' appears twice")]
    public void A_malformed_annex_row_names_its_line_and_field(string rows, int line, string field, string expected)
    {
        using var temp = new TempFolder();
        var file = temp.Write("annex.csv", AnnexHeader + rows + "\n");

        var error = Should.Throw<SourceException>(() => AnnexProductsReader.Read(file, "annex.csv"));

        error.Message.ShouldStartWith($"annex.csv:{line}: field '{field}'");
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void An_annex_file_without_its_category_column_is_refused()
    {
        using var temp = new TempFolder();
        var file = temp.Write("annex.csv", "annex_code,hs4,subcategory\n0101,0101,Meat\n");

        Should.Throw<SourceException>(() => AnnexProductsReader.Read(file, "annex.csv")).Message.ShouldContain("category");
    }

    [Fact]
    public void A_well_formed_annex_file_is_read_whole()
    {
        using var temp = new TempFolder();
        var file = temp.Write("annex.csv", AnnexHeader + "0101,0101,Agriculture,Meat\n27111100,2711,Energy,LNG\n");

        var mapping = AnnexProductsReader.Read(file, "annex.csv");

        mapping.Lines.Select(l => l.Code).ShouldBe(["0101", "27111100"]);
        mapping.Categories.Order().ShouldBe(["Agriculture", "Energy"]);
    }

    // The impact data read from a data folder whose trade file is the malformed one (the reader fails on the trade
    // before it reads anything else, so nothing else is needed).
    [Theory]
    [InlineData("0101290090,010129,x,no,China,2017,12x5", 2, "general_customs_value_usd", "'12x5' is not a number")]
    [InlineData("0101290090,010129,x,no,China,2017,1169976\n0106110000,010611,x,no,China,2017,", 3, "general_customs_value_usd", "'' is not a number")]
    public void A_malformed_us_trade_row_names_its_line_and_field(string rows, int line, string field, string expected)
    {
        using var temp = new TempFolder();
        const string detail = "trade/us_imports_from_china_hts10_2017_usitc.csv";
        temp.Write($"data/{detail}", "hts10,hs6,description,unit_of_quantity,country,year,general_customs_value_usd\n" + rows + "\n");

        var error = Should.Throw<SourceException>(() => BuildUs(temp, 2017));

        error.Message.ShouldStartWith($"{detail}:{line}: field '{field}'");
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void A_us_trade_file_without_its_value_column_is_refused()
    {
        using var temp = new TempFolder();
        temp.Write("data/trade/us_imports_from_china_hts10_2017_usitc.csv", "hts10,hs6,description\n0101290090,010129,x\n");

        Should.Throw<SourceException>(() => BuildUs(temp, 2017)).Message.ShouldContain("general_customs_value_usd");
    }

    [Fact]
    public void A_chapter_series_without_a_full_year_is_refused_with_the_years_it_has()
    {
        using var temp = new TempFolder();
        temp.Write("data/trade/us_imports_from_china_hts10_2017_usitc.csv",
            "hts10,hs6,description,unit_of_quantity,country,year,general_customs_value_usd\n0101290090,010129,x,no,China,2017,1169976\n");
        // Eleven months of 2018: not a full year.
        temp.Write("data/trade/us_imports_from_china_hs2_monthly_2013-01_2021-07.csv",
            "month,hs2,imports_for_consumption_usd\n" + string.Join("\n", Enumerable.Range(1, 11).Select(m => $"2018-{m:00},01,100")) + "\n");

        var error = Should.Throw<SourceException>(() => BuildUs(temp, 2018));

        error.Message.ShouldStartWith("trade/us_imports_from_china_hs2_monthly_2013-01_2021-07.csv");
        error.Message.ShouldContain("has no full year 2018");
    }

    private static ImpactInputs BuildUs(TempFolder temp, int year)
    {
        var data = Path.Combine(temp.Path, "data");
        var schedule = BuiltIn.Schedule();
        return new ImpactData(new DataPaths(data, Path.Combine(temp.Path, "scenarios")), BuiltIn.Loader.Baseline)
            .Build(CountryCode.US, schedule, schedule, year, new DateOnly(2019, 6, 1));
    }
}
