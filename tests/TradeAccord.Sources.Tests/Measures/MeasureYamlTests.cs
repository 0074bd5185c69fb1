using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Measures;

namespace TradeAccord.Sources.Tests.Measures;

public class MeasureYamlTests
{
    private static readonly CoverageResolver Resolver = new(
        new Dictionary<string, ProductCoverage> { ["9903.88.01"] = new("9903.88.01", new Dictionary<ProductCode, DutyRate?> { [ProductCode.FromDigits("28459000")] = null }) },
        _ => null);

    private static IReadOnlyList<Measure> Read(string yaml)
    {
        using var temp = new TempFolder();
        return BuiltInData.ReadMeasureFile(temp.Write("m.yaml", yaml), "m.yaml", Resolver);
    }

    private const string Valid = """
        importer: US
        measures:
          - id: t1
            title: test
            kind: section301
            heading: 9903.88.01
            origins: [CN]
            coverage: { headings: [9903.88.01] }
            rate: 25%
            validFrom: 2018-07-06
            legalBase: a notice
            source: a file
        """;

    [Fact]
    public void Read_ValidMeasure()
    {
        var measure = Read(Valid).ShouldHaveSingleItem();

        measure.Rate!.AdValorem.ShouldBe(0.25m);
        measure.Validity.Start.ShouldBe(new DateOnly(2018, 7, 6));
        measure.Validity.HasEnd.ShouldBeFalse();
    }

    [Theory]
    [InlineData("rate: 25%", "rate: lots", "m.yaml:9: field 'rate': 'lots' is not a rate")]
    [InlineData("validFrom: 2018-07-06", "validFrom: 2018-13-06", "m.yaml:10: field 'validFrom': '2018-13-06' is not a date")]
    [InlineData("kind: section301", "kind: tariff", "m.yaml:5: field 'kind': 'tariff' is not a kind")]
    [InlineData("origins: [CN]", "origins: [China]", "m.yaml:7: field 'origins': 'China' is not an ISO 3166-1")]
    [InlineData("headings: [9903.88.01]", "headings: [9903.88.99]", "field 'headings': no coverage for heading '9903.88.99'")]
    [InlineData("legalBase: a notice", "legalbase: a notice", "m.yaml:11: field 'legalbase': unknown key")]
    [InlineData("    source: a file", "", "m.yaml:3: field 'source': is required")]
    [InlineData("validFrom: 2018-07-06", "validFrom: 2018-07-06\n    validTo: 2018-07-01", "field 'validTo': 2018-07-01 must be after validFrom")]
    public void Read_Malformed_NamesFileLineAndField(string from, string to, string expected)
    {
        var error = Should.Throw<SourceException>(() => Read(Valid.Replace(from, to, StringComparison.Ordinal)));

        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void Read_NotYaml_SaysWhere() =>
        Should.Throw<SourceException>(() => Read("measures: [unclosed")).Message.ShouldContain("m.yaml:2: is not valid YAML");

    [Fact]
    public void Read_DuplicateId_IsRejected() =>
        Should.Throw<SourceException>(() => Read(Valid + "\n" + Valid[Valid.IndexOf("  - id", StringComparison.Ordinal)..]))
            .Message.ShouldContain("'t1' is used twice");

    [Fact]
    public void Read_SeveralProblems_AreAllReported()
    {
        var second = Valid[Valid.IndexOf("  - id", StringComparison.Ordinal)..]
            .Replace("id: t1", "id: t2", StringComparison.Ordinal)
            .Replace("origins: [CN]", "origins: [China]", StringComparison.Ordinal)
            .Replace("legalBase: a notice", "legalbase: a notice", StringComparison.Ordinal);
        var first = Valid
            .Replace("rate: 25%", "rate: lots", StringComparison.Ordinal)
            .Replace("validFrom: 2018-07-06", "validFrom: 2018-13-06", StringComparison.Ordinal);

        var error = Should.Throw<SourceException>(() => Read(first + "\n" + second));

        error.Problems.Select(p => $"{p.Line} {p.Field}").ShouldBe(["9 rate", "10 validFrom", "13 legalBase", "17 origins", "21 legalbase"]);
        error.Message.Split(Environment.NewLine).ShouldBe(error.Problems.Select(p => p.ToString()));
        error.Message.ShouldContain("m.yaml:17: field 'origins': 'China' is not an ISO 3166-1 alpha-2 country code");
    }
}
