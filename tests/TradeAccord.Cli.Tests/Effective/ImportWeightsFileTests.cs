using TradeAccord.App.Tariffs.Effective;
using TradeAccord.Sources;
using TradeAccord.Tests.Shared;

namespace TradeAccord.Cli.Tests.Effective;

/// <summary>The imports file and the Census code mapping: a malformed row names the file, line and field.</summary>
public sealed class ImportWeightsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("accord-weights-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static IReadOnlyDictionary<string, CensusPartner> Partners() =>
        CensusPartner.Read(Expectations.SourceFile("data/" + CensusPartner.File));

    private SourceException Fails(string text)
    {
        var path = Path.Combine(_folder, "imports.csv");
        File.WriteAllText(path, "census_country_code,country,hts10,imports_for_consumption_usd\n" + text);
        return Should.Throw<SourceException>(() => ImportWeights.Read(path, "imports.csv", Partners()));
    }

    [Theory]
    [InlineData("5700,CHINA,0101210010,100\n9999,NOWHERE,0101210010,1\n", 3, "census_country_code")]
    [InlineData("5700,CHINA,01012100,100\n", 2, "hts10")]
    [InlineData("5700,CHINA,0101210010,-5\n", 2, "imports_for_consumption_usd")]
    [InlineData("5700,CHINA,0101210010,lots\n", 2, "imports_for_consumption_usd")]
    public void A_malformed_row_names_file_line_and_field(string rows, int line, string field)
    {
        var e = Fails(rows);

        e.File.ShouldBe("imports.csv");
        e.Line.ShouldBe(line);
        e.Field.ShouldBe(field);
        e.Problem.ShouldContain("expected");
    }

    [Fact]
    public void A_row_with_too_few_fields_names_its_line() => Fails("5700,CHINA,0101210010\n").Line.ShouldBe(2);

    [Fact]
    public void The_shipped_mapping_covers_every_partner_of_the_shipped_file()
    {
        var weights = ImportWeights.Read(Expectations.SourceFile("data/" + ImportWeights.File), ImportWeights.File, Partners());

        weights.Partners.Count.ShouldBe(51);
        weights.Find("CN")!.Partner.CensusCode.ShouldBe("5700");
        weights.Find("CA")!.Partner.CensusCode.ShouldBe("1220");
        weights.Find("MX")!.Partner.CensusCode.ShouldBe("2010");
        weights.Find("EU")!.Partner.Iso.ShouldBeNull();
        // China: 14,422 lines, USD 429.4 bn (SOURCES.md section 23).
        weights.Find("CN")!.Lines.Length.ShouldBe(14_422);
        Math.Round(weights.Find("CN")!.Values.Sum() / 1e9m, 1).ShouldBe(429.4m);
    }

    [Fact]
    public void A_mapping_row_without_an_iso_code_is_refused_unless_it_is_the_eu()
    {
        var path = Path.Combine(_folder, "codes.csv");
        File.WriteAllText(path, "census_code,census_name,iso_alpha2\n0003,EUROPEAN UNION,\n5700,CHINA,\n");

        var e = Should.Throw<SourceException>(() => CensusPartner.Read(path, "codes.csv"));

        (e.Line, e.Field).ShouldBe((3, "iso_alpha2"));
    }
}
