using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Hts;

namespace TradeAccord.Sources.Tests.Hts;

public class HtsRevisionReaderTests
{
    private const string Header = "\uFEFF\"HTS Number\",\"Indent\",\"Description\",\"Unit of Quantity\",\"General Rate of Duty\",\"Special Rate of Duty\",\"Column 2 Rate of Duty\",\"Quota Quantity\",\"Additional Duties\"\n";

    [Fact]
    public void Read_ShippedRevision_KeepsGoodsLinesAndSkipsChapter99()
    {
        var revision = HtsRevisionReader.Read(Path.Combine(DataPaths.Locate().Data, "hts/hts_2019_revision_15.csv"), "HTS 2019 revision 15", "x");

        revision.General.Count.ShouldBeGreaterThan(20_000);
        revision.General[ProductCode.FromDigits("73269086")]!.Text.ShouldBe("2.9%");
        revision.General[ProductCode.FromDigits("7326908688")].ShouldBeNull(); // inherits from its 8-digit line
        revision.Column2[ProductCode.FromDigits("73269086")]!.Text.ShouldBe("45%");
        revision.General.Keys.ShouldNotContain(k => k.Value.StartsWith("99", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_MalformedNumber_NamesFileLineAndField()
    {
        using var temp = new TempFolder();
        var file = temp.Write("hts.csv", Header + "\"0101.21.00\",\"2\",\"Horses\",\"\",\"Free\",\"\",\"Free\",\"\",\"\"\n\"0101.2X.00\",\"2\",\"Bad\",\"\",\"Free\",\"\",\"Free\",\"\",\"\"\n");

        var error = Should.Throw<SourceException>(() => HtsRevisionReader.Read(file, "test", "hts.csv"));

        error.File.ShouldBe("hts.csv");
        error.Line.ShouldBe(3);
        error.Field.ShouldBe("HTS Number");
        error.Message.ShouldContain("'0101.2X.00' is not a product code");
    }

    [Fact]
    public void Read_WrongFieldCount_NamesTheLine()
    {
        using var temp = new TempFolder();
        var file = temp.Write("hts.csv", Header + "\"0101.21.00\",\"2\",\"Horses\",\"\",\"Free\"\n");

        Should.Throw<SourceException>(() => HtsRevisionReader.Read(file, "test", "hts.csv"))
            .Message.ShouldBe("hts.csv:2: has 5 fields: expected 9 as in the header");
    }

    [Fact]
    public void Read_MissingColumn_SaysWhichAndWhatWasExpected()
    {
        using var temp = new TempFolder();
        var file = temp.Write("hts.csv", "\"HTS Number\",\"Indent\"\n\"0101\",\"0\"\n");

        Should.Throw<SourceException>(() => HtsRevisionReader.Read(file, "test", "hts.csv"))
            .Message.ShouldContain("hts.csv:1: missing columns 'General Rate of Duty', 'Column 2 Rate of Duty'");
    }

    [Fact]
    public void Read_DuplicateLine_IsRejected()
    {
        using var temp = new TempFolder();
        var row = "\"0101.21.00\",\"2\",\"Horses\",\"\",\"Free\",\"\",\"Free\",\"\",\"\"\n";
        var file = temp.Write("hts.csv", Header + row + row);

        Should.Throw<SourceException>(() => HtsRevisionReader.Read(file, "test", "hts.csv")).Message.ShouldContain("hts.csv:3: field 'HTS Number': '0101.21.00' appears twice");
    }

    [Fact]
    public void Read_MissingFile_SaysItCannotBeRead() =>
        Should.Throw<SourceException>(() => HtsRevisionReader.Read("/nonexistent/hts.csv", "test", "hts.csv")).Message.ShouldStartWith("hts.csv: cannot be read");
}
