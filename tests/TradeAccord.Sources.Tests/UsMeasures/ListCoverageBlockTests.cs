using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Measures;

namespace TradeAccord.Sources.Tests.UsMeasures;

/// <summary>Malformed list files and coverage blocks name the file, line and field, every one of them.</summary>
public sealed class ListCoverageBlockTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private IReadOnlyList<Measure> Read(string coverage, params (string Name, string Text)[] lists)
    {
        foreach (var (name, text) in lists)
        {
            _temp.Write(Path.Combine("lists", name), text);
        }

        var resolver = new CoverageResolver(new Dictionary<string, ProductCoverage>(), _ => null, Path.Combine(_temp.Path, "lists"));
        var yaml = $"""
            importer: US
            measures:
              - id: t1
                title: test
                kind: section232
                origins: [all]
                coverage: {coverage}
                rate: 25%
                validFrom: 2025-03-12
                legalBase: a proclamation
                source: a file
            """;
        return BuiltInData.ReadMeasureFile(_temp.Write("m.yaml", yaml), "m.yaml", resolver);
    }

    private const string Csv = "hts8,list\n01012100,4A\n01012900,4A\n0102,1\n";

    [Fact]
    public void List_WithFilter_KeepsMatchingRows()
    {
        var measure = Read("{ list: l.csv, column: hts8, where: { list: \"4A\" } }", ("l.csv", Csv)).ShouldHaveSingleItem();

        measure.Coverage.Count.ShouldBe(2);
        measure.Coverage.Covers(ProductCode.FromDigits("0101210010")).ShouldBeTrue();
        measure.Coverage.Covers(ProductCode.FromDigits("01022100")).ShouldBeFalse();
    }

    [Fact]
    public void List_FilterOnSeveralValues_AndCommentsAndQuotes()
    {
        const string text = "# a comment line\n\"hts8\",\"list\"\n\"01012100\",\"4A\"\n0102,1\n";

        Read("{ list: l.csv, column: hts8, where: { list: [\"4A\", \"1\"] } }", ("l.csv", text)).ShouldHaveSingleItem().Coverage.Count.ShouldBe(2);
    }

    [Fact]
    public void TextList_OneCodePerLine_NeedsNoColumn() =>
        Read("{ list: parts.txt }", ("parts.txt", "8708\n8409.91\n8483101030\n")).ShouldHaveSingleItem().Coverage.Count.ShouldBe(3);

    [Fact]
    public void Chapters_AndAllProducts()
    {
        Read("{ chapters: [72, 3] }").ShouldHaveSingleItem().Coverage.Covers(ProductCode.FromDigits("03021100")).ShouldBeTrue();
        var all = Read("{ allProducts: true }").ShouldHaveSingleItem().Coverage;
        all.Covers(ProductCode.FromDigits("0101210010")).ShouldBeTrue();
        all.Covers(ProductCode.FromDigits("99030125")).ShouldBeFalse();
    }

    [Fact]
    public void MalformedRows_AreAllNamed_WithFileLineAndColumn()
    {
        const string text = "hts8,list\n01012100,4A\n123,4A\n0101.21,4A,extra\nabcd,4A\n";

        var error = Should.Throw<SourceException>(() => Read("{ list: l.csv, column: hts8 }", ("l.csv", text)));

        error.Message.ShouldContain("us/lists/l.csv:4");
        error.Message.ShouldContain("has 3 fields: expected 2");
        error.Problems.Count.ShouldBe(1); // the field count is checked on the whole file before codes are read
        var codes = Should.Throw<SourceException>(() => Read("{ list: m.csv, column: hts8 }", ("m.csv", "hts8,list\n01012100,4A\n123,4A\nabcd,4A\n")));
        codes.Problems.Select(p => (p.Line, p.Field)).ShouldBe([(3, "hts8"), (4, "hts8")]);
        codes.Message.ShouldContain("us/lists/m.csv:3: field 'hts8': '123' has 3 digits");
    }

    [Theory]
    [InlineData("{ list: ../secret.csv, column: hts8 }", "field 'list': '../secret.csv' is not a list name")]
    [InlineData("{ list: none.csv, column: hts8 }", "field 'list': no list 'none.csv' in us/lists/: expected one of l.csv")]
    [InlineData("{ list: l.csv, column: hts10 }", "field 'column': 'hts10' is not a column of l.csv: expected one of hts8, list")]
    [InlineData("{ list: l.csv }", "field 'column': is required: l.csv has columns hts8, list")]
    [InlineData("{ list: l.csv, column: hts8, where: { kind: x } }", "field 'kind': 'kind' is not a column of us/lists/l.csv")]
    [InlineData("{ list: l.csv, column: hts8, where: { list: \"9\" } }", "field 'where': no row of l.csv matches")]
    [InlineData("{ list: l.csv, column: hts8, where: [list] }", "field 'where': expected a mapping")]
    [InlineData("{ chapters: [72, 100] }", "field 'chapters': '100' is not a chapter")]
    [InlineData("{ allProducts: yes }", "field 'allProducts': 'yes' is not true")]
    [InlineData("{ lists: l.csv }", "field 'lists': unknown key")]
    public void MalformedBlock_NamesTheField(string coverage, string expected)
    {
        var error = Should.Throw<SourceException>(() => Read(coverage, ("l.csv", Csv)));

        error.Message.ShouldContain(expected);
        error.Message.ShouldContain("m.yaml:");
    }

    [Fact]
    public void MalformedBlock_ListsEveryProblem()
    {
        var error = Should.Throw<SourceException>(() => Read("{ list: l.csv, column: hts10, where: { kind: x, other: y } }", ("l.csv", Csv)));

        error.Problems.Select(p => p.Field).ShouldBe(["column", "kind", "other"], ignoreOrder: true);
    }

    [Fact]
    public void WithoutAListsFolder_ListCoverageIsRefused()
    {
        var resolver = new CoverageResolver(new Dictionary<string, ProductCoverage>(), _ => null);
        var yaml = "importer: US\nmeasures:\n  - id: t1\n    title: t\n    kind: section232\n    origins: [all]\n    coverage: { list: l.csv, column: hts8 }\n" +
            "    rate: 25%\n    validFrom: 2025-03-12\n    legalBase: a\n    source: b\n";

        var error = Should.Throw<SourceException>(() => BuiltInData.ReadMeasureFile(_temp.Write("n.yaml", yaml), "n.yaml", resolver));

        error.Message.ShouldContain("product lists are read only in the built-in data");
    }
}
