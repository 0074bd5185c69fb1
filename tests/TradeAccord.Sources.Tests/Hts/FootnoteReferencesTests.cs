using TradeAccord.Sources.Hts;

namespace TradeAccord.Sources.Tests.Hts;

public class FootnoteReferencesTests
{
    private static readonly string[] Headings = ["9903.52.00", "9903.52.01", "9903.52.26", "9903.52.27", "9903.88.01", "9903.88.46"];

    [Fact]
    public void Extract_NamedHeadings_InOrderWithoutRepeats() =>
        FootnoteReferences.Extract(["See 9903.88.46 and 9903.88.01. ", "See 9903.88.01."], Headings).ShouldBe(["9903.88.46", "9903.88.01"]);

    [Fact]
    public void Extract_Range_NamesEveryHeadingOfTheRevisionInIt() =>
        FootnoteReferences.Extract(["See 9903.52.00 through 9903.52.26."], Headings).ShouldBe(["9903.52.00", "9903.52.01", "9903.52.26"]);

    [Fact]
    public void Extract_OtherChapter99Lines_AreLeftOut() =>
        FootnoteReferences.Extract(["See 9904.04.50-9904.05.01 and 9903.88.01.", "See 9817.84.01."], Headings).ShouldBe(["9903.88.01"]);
}
