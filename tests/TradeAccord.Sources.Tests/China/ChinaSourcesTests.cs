using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.China;
using TradeAccord.Sources.Csv;
using TradeAccord.Sources.Measures;

namespace TradeAccord.Sources.Tests.China;

/// <summary>China's lists shipped as checks, the catalog's missing lists, and placing 2025 codes on 2019 lines.</summary>
public class ChinaSourcesTests
{
    private const string June2019 = "china_retaliation/2019-06/china_retaliation_2019-06-01_hs8.csv";

    [Fact]
    public void June2019Increase_MofAnnexes_AgreeWithThePiieRoundOnEveryLine_AndNoOtherMeasureAddsIt()
    {
        var data = DataPaths.Locate().Data;
        var set = BuiltIn.Schedule().Set;
        var round = set.Measures.Single(m => m.Id == "cn-ret-301-60b@2019-06-01");
        var rows = 0;
        foreach (var row in CsvTable.Read(Path.Combine(data, June2019), June2019, "hs8", "additional_tariff_pct"))
        {
            var hs8 = row.Code("hs8");
            var lines = round.Coverage.Lines.Where(l => l.IsWithin(hs8)).ToList();
            lines.ShouldNotBeEmpty($"{hs8}");
            lines.ShouldAllBe(l => round.RateFor(l)!.AdValorem == row.Decimal("additional_tariff_pct") / 100m);
            rows++;
        }

        rows.ShouldBe(5140);
        // The increase is the PIIE file's own step: no hand-kept measure of China's covers June 2019.
        set.Measures.Where(m => m.Id.StartsWith("cn-ret-2025", StringComparison.Ordinal))
            .ShouldAllBe(m => m.Validity.Start >= new DateOnly(2025, 1, 1));
    }

    [Fact]
    public void MissingLists_MalformedEntry_NamesEveryProblemField()
    {
        var catalog = YamlMap.Parse("chinaMissingLists:\n  - from: 2019-09-01\n    whta: a typo\n", "catalog.yaml");

        var error = Should.Throw<SourceException>(() => ChinaDataGap.ReadAll(catalog));

        error.Message.ShouldContain("whta");
    }

    [Fact]
    public void MissingLists_EntryWithoutText_IsRefused()
    {
        var catalog = YamlMap.Parse("chinaMissingLists:\n  - from: 2019-09-01\n", "catalog.yaml");

        Should.Throw<SourceException>(() => ChinaDataGap.ReadAll(catalog)).Message.ShouldContain("what");
    }

    [Fact]
    public void MissingLists_ReadInDateOrder()
    {
        var catalog = YamlMap.Parse("chinaMissingLists:\n  - { from: 2025-02-10, what: b }\n  - { from: 2019-09-01, what: a }\n", "catalog.yaml");

        ChinaDataGap.ReadAll(catalog).Select(g => g.What).ShouldBe(["a", "b"]);
    }

    [Fact]
    public void PlaceCodes_SplitLineWithOnlyOnePartListed_CoversNothing()
    {
        var schedule = Coverage("s", "1201901000", "0302490000");
        var list = Measure(Coverage("l", "12019011", "03024910"));

        var (placed, unplaced) = ChinaListCodes.Place([list], schedule);

        placed.Single().Coverage.Count.ShouldBe(0);
        unplaced.Select(c => c.Value).ShouldBe(["03024910", "12019011"]);
    }

    [Fact]
    public void PlaceCodes_SplitLineWithBothParts_CoversTheOldLine_KnownCodesUnchanged()
    {
        var schedule = Coverage("s", "1201901000", "1201100000");
        var list = Measure(Coverage("l", "12019011", "12019019", "12011000"));

        var (placed, unplaced) = ChinaListCodes.Place([list], schedule);

        placed.Single().Coverage.Lines.Select(c => c.Value).Order(StringComparer.Ordinal).ShouldBe(["12011000", "12019010"]);
        unplaced.ShouldBeEmpty();
    }

    private static ProductCoverage Coverage(string id, params string[] codes) =>
        new(id, codes.ToDictionary(ProductCode.FromDigits, _ => (DutyRate?)null));

    private static Measure Measure(ProductCoverage coverage) => new()
    {
        Id = "m",
        Importer = CountryCode.CN,
        Kind = MeasureKind.Retaliation,
        Title = "t",
        LegalBase = "b",
        Source = "s",
        Origins = OriginScope.Only(CountryCode.US),
        Coverage = coverage,
        Rate = DutyRate.AdValoremOnly(0.10m),
        Validity = DateInterval.From(new DateOnly(2025, 3, 10)),
    };
}
