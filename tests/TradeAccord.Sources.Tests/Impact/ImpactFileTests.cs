using TradeAccord.Sources.Impact;

namespace TradeAccord.Sources.Tests.Impact;

/// <summary>The impact model's own readers: elasticities by HS6 and China's soybean imports by origin, shipped and malformed.</summary>
public class ImpactFileTests
{
    private const string SoybeanHeader = "year,reporter,partner,hs_code,import_value_usd,import_quantity_tonnes\n";

    [Fact]
    public void Shipped_soybean_figures_split_the_us_from_south_america()
    {
        var years = ChinaSoybeans.Read(Path.Combine(DataPaths.Locate().Data, ChinaSoybeans.File), ChinaSoybeans.File);
        years.Keys.ShouldBe(Enumerable.Range(2015, 10));
        years[2017].FromUs.ShouldBe(13_940_603_830m);
        years[2017].FromRest.ShouldBe(20_916_040_910m + 2_683_449_000m);
        years[2017].RestOrigins.ShouldBe(["Argentina", "Brazil"]);
        years[2018].FromUs.ShouldBeLessThan(years[2017].FromUs / 1.9m, "China's 25% on US soybeans from 2018-07-06");
    }

    [Theory]
    [InlineData("2017,Brazil,United States,1201,1,1", 2, "reporter", "is not China")]
    [InlineData("2017,China,United States,1202,1,1", 2, "hs_code", "soybeans only")]
    [InlineData("2017,China,United States,1201,-5,1", 2, "import_value_usd", "negative")]
    [InlineData("2017,China,United States,1201,lots,1", 2, "import_value_usd", "lots")]
    [InlineData("17,China,United States,1201,1,1", 2, "year", "expected four digits")]
    [InlineData("2017,China,,1201,1,1", 2, "partner", "expected the origin country")]
    [InlineData("2017,China,Brazil,1201,1,1\n2017,China,Brazil,1201,2,1", 3, "partner", "appears twice for 2017")]
    public void A_malformed_soybean_row_names_its_line_and_field(string rows, int line, string field, string expected)
    {
        using var temp = new TempFolder();
        var file = temp.Write("soybeans.csv", SoybeanHeader + rows + "\n");

        var error = Should.Throw<SourceException>(() => ChinaSoybeans.Read(file, "soybeans.csv"));

        error.Line.ShouldBe(line);
        error.Field.ShouldBe(field);
        error.Message.ShouldContain(expected);
        error.Message.ShouldStartWith("soybeans.csv");
    }

    [Fact]
    public void A_soybean_file_without_its_value_column_is_refused()
    {
        using var temp = new TempFolder();
        var file = temp.Write("soybeans.csv", "year,reporter,partner,hs_code\n2017,China,Brazil,1201\n");

        Should.Throw<SourceException>(() => ChinaSoybeans.Read(file, "soybeans.csv")).Message.ShouldContain("import_value_usd");
    }

    [Fact]
    public void Elasticities_fall_back_from_hs6_to_heading_to_chapter_to_median()
    {
        using var temp = new TempFolder();
        // Synthetic estimates: a negative one counts by its size, one outside [0.05, 10] counts as missing.
        var file = temp.Write("e.csv", "hs6,sigma\n010121,-2\n010129,4\n020110,50\n030111,\n");
        var e = Elasticities.Read(file, "e.csv", "hs6", "sigma");

        e.Count.ShouldBe(2);
        e.For("0101210010").ShouldBe((2.0, ElasticitySource.Hs6));
        e.For("01019000").ShouldBe((3.0, ElasticitySource.Hs4Mean));
        e.For("01020000").ShouldBe((3.0, ElasticitySource.ChapterMean));
        e.For("02011000").ShouldBe((e.Median, ElasticitySource.Median));
    }

    [Theory]
    [InlineData("hs6,sigma\n01012,2\n", "hs6", "expected six digits")]
    [InlineData("hs6,sigma\n01012a,2\n", "hs6", "expected six digits")]
    [InlineData("hs6,sigma\n010121,two\n", "sigma", "is not a number")]
    public void A_malformed_elasticity_row_names_its_line_and_field(string text, string field, string expected)
    {
        using var temp = new TempFolder();
        var file = temp.Write("e.csv", text);

        var error = Should.Throw<SourceException>(() => Elasticities.Read(file, "e.csv", "hs6", "sigma"));

        error.Line.ShouldBe(2);
        error.Field.ShouldBe(field);
        error.Message.ShouldContain(expected);
    }
}
