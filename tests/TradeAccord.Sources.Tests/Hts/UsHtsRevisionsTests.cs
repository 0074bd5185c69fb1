using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Hts;
using static TradeAccord.Sources.Tests.BuiltIn;

namespace TradeAccord.Sources.Tests.Hts;

/// <summary>The shipped HTS revisions 2018–2026 as the compiled file answers for them.</summary>
public class UsHtsRevisionsTests
{
    private static readonly string HtsFolder = Path.Combine(DataPaths.Locate().Data, "hts");
    private static readonly Lazy<CompiledHts> Compiled = new(() => CompiledHts.Load(HtsFolder));
    private static readonly Lazy<Measure[]> Measures = new(() =>
        [.. UsGeneralRates.Read(HtsFolder, new DateInterval(Day("2018-01-01"), Day("2026-07-24")), [CountryCode.Parse("CU").GetValueOrThrow()], [])]);

    // Dates from hts/change_records/change_records.csv (see the basis column of hts/revisions.csv): 2025 rev 3's
    // changes took effect 2025-03-04 (published 03-06); rev 8 was published and took effect 2025-04-09; 2026 rev 4's
    // 9903.03 headings took effect 2026-02-24 (published 02-25); 2026 rev 6 stands in for the missing rev 5 from
    // 2026-04-06; rev 10 of 2026 answers from 2026-06-08 (Proclamation 11032).
    [Theory]
    [InlineData("2020-12-31", "HTS 2020 revision 18")]
    [InlineData("2024-12-31", "HTS 2024 revision 10")]
    [InlineData("2025-01-01", "HTS 2025 basic")]
    [InlineData("2025-03-03", "HTS 2025 revision 2")]
    [InlineData("2025-03-04", "HTS 2025 revision 3")]
    [InlineData("2025-04-08", "HTS 2025 revision 7")]
    [InlineData("2025-04-09", "HTS 2025 revision 8")]
    [InlineData("2025-04-15", "HTS 2025 revision 10")]
    [InlineData("2026-02-23", "HTS 2026 revision 3")]
    [InlineData("2026-02-24", "HTS 2026 revision 4")]
    [InlineData("2026-04-06", "HTS 2026 revision 6")]
    [InlineData("2026-06-07", "HTS 2026 revision 9")]
    [InlineData("2026-07-23", "HTS 2026 revision 10")]
    public void RevisionOn_FollowsTheChangeRecords(string date, string revision) =>
        Compiled.Value.Revisions[Compiled.Value.RevisionOn(Day(date))].Name.ShouldBe(revision);

    [Fact]
    public void Layers_MergeRevisionsWithIdenticalGoodsLines()
    {
        // 52 revisions; a layer starts wherever a goods line appears, goes or changes a rate text (2025 rev 1 corrects
        // "weght" in 2003.10.01, rev 6 "37% /" in 2909.19.18.00, rev 16 and 2026 rev 2 add statistical lines, ...).
        var titles = Measures.Value.Where(m => m.Kind == MeasureKind.Mfn).Select(m => m.Title).ToArray();

        Compiled.Value.Revisions.Count.ShouldBe(52);
        titles.ShouldBe([
            "HTS 2018 revision 11", "HTS 2019 revision 15", "HTS 2020 revision 1", "HTS 2020 revision 10", "HTS 2020 revision 18",
            "HTS 2021 revision 12", "HTS 2022 revision 12", "HTS 2023 revision 11", "HTS 2024 revision 10", "HTS 2025 basic",
            "HTS 2025 revision 1 to 2025 revision 5", "HTS 2025 revision 6 to 2025 revision 15", "HTS 2025 revision 16",
            "HTS 2025 revision 17 to 2026 revision 1", "HTS 2026 revision 2", "HTS 2026 revision 3 to 2026 revision 10"]);
    }

    [Fact]
    public void ExistingRevisions_KeepTheirIds_AndEndWhereTheNextShippedOneStarts()
    {
        var mfn = Measures.Value.Single(m => m.Id == "us-mfn-2020r10");

        Measures.Value.Select(m => m.Id).ShouldContain("us-col2-2018r11");
        Measures.Value.Select(m => m.Id).ShouldContain("us-mfn-2019r15");
        mfn.Validity.ShouldBe(new DateInterval(Day("2020-02-14"), Day("2020-07-31")));
        Measures.Value.Single(m => m.Id == "us-mfn-2026r3-2026r10").Validity.HasEnd.ShouldBeFalse();
    }

    [Theory]
    [InlineData("9503.00.00", "2025-06-01", "Free")]
    [InlineData("7326.90.86", "2025-06-01", "2.9%")]
    [InlineData("7326.90.86", "2026-07-23", "2.9%")]
    [InlineData("6505.00.01.00", "2024-12-31", "6.4%")] // 2024 rev 10
    [InlineData("6505.00.01.00", "2025-01-01", "9.4%")] // 2025 basic prints 9.4%
    public void GeneralRate_OnADate(string code, string date, string rate) =>
        MfnOn(date).RateFor(Code(code))!.Text.ShouldBe(rate);

    [Fact]
    public void StatisticalLinesOf2026Revision2_ExistFromItsFirstDay()
    {
        // 2026 rev 2 (from 2026-02-01) replaces 0201.30.50.85 by .91 and .97, among 176 new lines.
        MfnOn("2026-01-31").Coverage.Lists(Code("0201.30.50.85")).ShouldBeTrue();
        MfnOn("2026-01-31").Coverage.Lists(Code("0201.30.50.91")).ShouldBeFalse();
        MfnOn("2026-02-01").Coverage.Lists(Code("0201.30.50.85")).ShouldBeFalse();
        MfnOn("2026-02-01").Coverage.Lists(Code("0201.30.50.91")).ShouldBeTrue();
    }

    [Fact]
    public void FootnoteCoverage_CountsLinesPerHeading()
    {
        // Independently: python3 over json/hts_2025_rev_14.json.gz (in force 2025-06-01 … 06-22), counting records with
        // an htsno of 8 or 10 digits outside chapter 99 whose footnotes' "value" contains the heading:
        //   sum(1 for r in d if r['htsno'] and not r['htsno'].startswith('99') and len(r['htsno'].replace('.',''))>=8
        //       and any(h in (f.get('value') or '') for f in (r['footnotes'] or [])))
        var coverage = Compiled.Value.FootnoteCoverage(Day("2025-06-01"));

        coverage["9903.88.01"].Count.ShouldBe(860);
        coverage["9903.88.02"].Count.ShouldBe(287);
        coverage["9903.88.03"].Count.ShouldBe(5906);
        coverage["9903.88.15"].Count.ShouldBe(2963);
        coverage["9903.88.03"].Lists(Code("7326.90.86")).ShouldBeTrue();
    }

    [Fact]
    public void FootnoteCoverage_IsEmptyForEditionsWithoutFootnotes() =>
        Compiled.Value.FootnoteCoverage(Day("2024-06-01")).ShouldBeEmpty();

    [Fact]
    public void Headings_KeepTheirDatedText()
    {
        var onDate = Compiled.Value.Headings(Compiled.Value.RevisionOn(Day("2025-04-09"))).Single(h => h.Code == "9903.01.25");

        onDate.General.ShouldBe("The duty provided in the applicable subheading + 10%");
        onDate.Description.ShouldStartWith("Except for products described in headings 9903.01.26-9903.01.33");
        Compiled.Value.Headings(Compiled.Value.RevisionOn(Day("2025-04-04"))).ShouldNotContain(h => h.Code == "9903.01.25");
    }

    private static Measure MfnOn(string date) => Measures.Value.Single(m => m.Kind == MeasureKind.Mfn && m.Validity.Contains(Day(date)));

    private static ProductCode Code(string code) => ProductCode.Parse(code).GetValueOrThrow();
}
