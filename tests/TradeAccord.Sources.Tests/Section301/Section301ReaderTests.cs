using TradeAccord.Sources.Section301;

namespace TradeAccord.Sources.Tests.Section301;

public class Section301ReaderTests
{
    [Fact]
    public void ChinaTariffsTable_LevelThatDoesNotMatchTheCode_NamesLineAndField()
    {
        using var temp = new TempFolder();
        var file = temp.Write("t.csv", "hts_code,hts_digits,level,ch99_heading,list\n0101.21.00,01012100,8,9903.88.15,List 4A\n0101.29.00,01012900,10,9903.88.15,List 4A\n");

        Should.Throw<SourceException>(() => ChinaTariffsTableReader.Read(file, "t.csv"))
            .Message.ShouldBe("t.csv:3: field 'level': '10' does not match the 8 digits of 0101.29.00");
    }

    [Fact]
    public void ChinaTariffsTable_HeadingOutsideSection301_IsRejected()
    {
        using var temp = new TempFolder();
        var file = temp.Write("t.csv", "hts_code,hts_digits,level,ch99_heading,list\n0101.21.00,01012100,8,9903.80.01,List 4A\n");

        Should.Throw<SourceException>(() => ChinaTariffsTableReader.Read(file, "t.csv"))
            .Message.ShouldContain("t.csv:2: field 'ch99_heading': '9903.80.01' is not a Section 301 heading");
    }

    [Fact]
    public void Exclusions_ListWithoutARule_NamesLineAndField()
    {
        using var temp = new TempFolder();
        temp.Write("rules.yaml", "file: x.csv\nvalidityYears: 1\nlists:\n  List 1: { validFrom: 2018-07-06, supersedes: [us301-l1] }\n");
        temp.Write("x.csv", "hts10,section301_list,granted_date,round_index,source_pdf\n8407210080,List 1,2018-12-21,1,a.pdf\n8407210080,List 9,2018-12-21,1,a.pdf\n");

        Should.Throw<SourceException>(() => ExclusionReader.Read(temp.Path, "rules.yaml"))
            .Message.ShouldStartWith("x.csv:3: field 'section301_list': 'List 9' has no rule in rules.yaml");
    }

    [Fact]
    public void Exclusions_BadValidity_SaysWhatWasExpected()
    {
        using var temp = new TempFolder();
        temp.Write("rules.yaml", "file: x.csv\nvalidityYears: one\nlists:\n  List 1: { validFrom: 2018-07-06, supersedes: [us301-l1] }\n");

        Should.Throw<SourceException>(() => ExclusionReader.Read(temp.Path, "rules.yaml"))
            .Message.ShouldBe("rules.yaml:2: field 'validityYears': expected a whole number of years from 1 to 99");
    }

    [Fact]
    public void Exclusions_ShippedData_ApplyOnlyWhenClaimed_UntilOneYearAfterTheNotice()
    {
        var measures = ExclusionReader.Read(Path.Combine(DataPaths.Locate().Data, "section301"), "exclusions.yaml");

        measures.Count.ShouldBe(20); // 35 notices, 15 of which yielded no codes
        measures.ShouldAllBe(m => m.RequiresClaim && m.Supersedes.Count > 0);
        var first = measures.First(m => m.Id == "us301-excl-l1-r1");
        first.Validity.Start.ShouldBe(new DateOnly(2018, 7, 6));
        first.Validity.End.ShouldBe(new DateOnly(2019, 12, 21));
    }
}
