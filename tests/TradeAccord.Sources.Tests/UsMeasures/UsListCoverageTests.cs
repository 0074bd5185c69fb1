using TradeAccord.Core.Tariffs;
using static TradeAccord.Sources.Tests.UsMeasures.UsMeasureData;

namespace TradeAccord.Sources.Tests.UsMeasures;

/// <summary>Each measure's coverage holds exactly the rows of the list it names (counted here without the reader).</summary>
public class UsListCoverageTests
{
    public static TheoryData<string, string, string?, string?, string?> Lists => new()
    {
        // measure, list file, column filtered on (or none), allowed values ("|"-separated), second filter column=value
        { "us232-steel-deriv-50-aug25", "s232_derivative_products.csv", "ch99_code", "9903.81.91", "effective_date=2025-08-18" },
        { "us232-aluminum-deriv04-50", "s232_derivative_products.csv", "ch99_code", "9903.85.04", null },
        { "us232-aluminum-deriv07-50", "s232_derivative_products.csv", "ch99_code", "9903.85.07", null },
        { "us232-aluminum-deriv08-50", "s232_derivative_products.csv", "ch99_code", "9903.85.08", "effective_date=" },
        { "us232-aluminum-deriv08-50-aug25", "s232_derivative_products.csv", "ch99_code", "9903.85.08", "effective_date=2025-08-18" },
        { "us232-steel-annex1a-50", "s232_annex_products.csv", "annex", "1a", "metal_type=steel" },
        { "us232-steel-annex1b-25", "s232_annex_products.csv", "annex", "1b", "metal_type=steel" },
        { "us232-aluminum-annex1a-50", "s232_annex_products.csv", "annex", "1a", "metal_type=aluminum" },
        { "us232-aluminum-annex1b-25", "s232_annex_products.csv", "annex", "1b", "metal_type=aluminum" },
        { "us232-copper-annex1a-50", "s232_annex_products.csv", "annex", "1a", "metal_type=copper" },
        { "us232-copper-annex1b-25", "s232_annex_products.csv", "annex", "1b", "metal_type=copper" },
        { "us232-steel-annex1c-25", "s232_annex_products_pp11032.csv", "annex", "1c", null },
        { "us232-copper-50", "s232_copper_products.csv", null, null, null },
        { "us232-semiconductors-25", "s232_semi_products.csv", null, null, null },
        { "us232-auto-parts-25", "s232_auto_parts_ch87.txt", null, null, null },
        { "us232-auto-parts-25-declared", "s232_auto_parts_other.txt", null, null, null },
        { "us232-truck-parts-25", "s232_mhd_parts_ch87.txt", null, null, null },
        { "us232-truck-parts-25-declared", "s232_mhd_parts_other.txt", null, null, null },
        { "us232-steel-50", "s232_note16_articles.csv", "metal", "steel", null },
        { "us232-aluminum-50", "s232_note16_articles.csv", "metal", "aluminum", null },
        { "ieepa-recip-annex2", "ieepa_annex2_exempt_products.csv", "effective_date_start", "NA|2025-04-05", "effective_date_end=NA" },
        { "ieepa-recip-annex2-to-2025-07-31", "ieepa_annex2_exempt_products.csv", "effective_date_end", "2025-07-31", null },
        { "ieepa-recip-annex2-to-2025-09-07", "ieepa_annex2_exempt_products.csv", "effective_date_end", "2025-09-07", null },
        { "ieepa-recip-annex2-to-2025-10-13", "ieepa_annex2_exempt_products.csv", "effective_date_end", "2025-10-13", null },
        { "ieepa-recip-annex2-from-2025-09-08", "ieepa_annex2_exempt_products.csv", "effective_date_start", "2025-09-08", null },
        { "ieepa-recip-annex2-from-2025-11-13", "ieepa_annex2_exempt_products.csv", "effective_date_start", "2025-11-13", null },
        { "ieepa-br-40-exempt", "country_eo_exempt_products.csv", "effective_date_start", "2025-08-06", null },
        { "ieepa-br-40-exempt-nov25", "country_eo_exempt_products.csv", "effective_date_start", "2025-11-13", null },
        { "ieepa-fent-ca-energy-10", "fentanyl_carveout_products.csv", "category", "energy_ca", null },
        { "s122-exempt", "s122_exempt_products.csv", null, null, null },
        { "us301-4yr-25", "s301_product_lists.csv", "list", "biden_25", null },
        { "us301-4yr-25-2026", "s301_product_lists.csv", "list", "biden_jan26", "ch99_code=9903.91.06" },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public void Coverage_HoldsEveryRowOfItsList(string id, string file, string? column, string? values, string? second)
    {
        List<(string, string[])> where = [];
        if (column is not null)
        {
            where.Add((column, values!.Split('|')));
        }

        if (second is not null)
        {
            var parts = second.Split('=');
            where.Add((parts[0], [parts[1]]));
        }

        var rows = CountRows(file, [.. where]);

        rows.ShouldBeGreaterThan(0);
        // Every list row is a distinct code except where the file repeats one (none of these filtered sets does).
        Get(id).Coverage.Count.ShouldBe(rows);
    }

    [Theory]
    [InlineData("s232_derivative_products.csv", 568)]
    [InlineData("s232_annex_products.csv", 799)]
    [InlineData("s232_copper_products.csv", 80)]
    [InlineData("s232_auto_parts_ch87.txt", 33)]
    [InlineData("s232_auto_parts_other.txt", 97)]
    [InlineData("s232_mhd_parts_ch87.txt", 72)]
    [InlineData("s232_mhd_parts_other.txt", 110)]
    [InlineData("s232_semi_products.csv", 10)]
    [InlineData("ieepa_annex2_exempt_products.csv", 3255)]
    [InlineData("s122_exempt_products.csv", 1656)]
    [InlineData("country_eo_exempt_products.csv", 952)]
    [InlineData("s301_product_lists.csv", 12223)]
    public void ShippedLists_HaveTheRowsSourcesMdStates(string file, int rows) => CountRows(file).ShouldBe(rows);

    [Fact]
    public void AnnexIIWindows_TogetherHoldEveryRowOfTheList() =>
        Set.Measures.Where(m => m.Id.StartsWith("ieepa-recip-annex2", StringComparison.Ordinal)).Sum(m => m.Coverage.Count)
            .ShouldBe(CountRows("ieepa_annex2_exempt_products.csv"));

    [Theory]
    [InlineData("us232-steel-50", "7208.51.0030", true)]    // heading 7208 listed in note 16(c)(iii)
    [InlineData("us232-steel-50", "7307.19.9000", false)]   // a derivative, not an article
    [InlineData("us232-aluminum-50", "7616.99.5160", true)]
    [InlineData("us232-copper-50", "7408.11.6000", true)]
    [InlineData("us232-buses-10", "8702.10.3100", true)]
    [InlineData("ieepa-recip-all-10", "0101.21.0010", true)]
    [InlineData("ieepa-recip-all-10", "9903.01.25", false)]  // chapter 99 holds the duties, not goods
    [InlineData("s122-exempt", "8505.11.0070", true)]        // the one 10-digit code of PP 11012 Annex II
    [InlineData("s122-exempt", "8505.11.0050", false)]
    [InlineData("us301-cranes-25", "8426.19.0000", true)]
    public void Coverage_ByPrefix(string id, string code, bool covered) => Get(id).Coverage.Covers(Code(code)).ShouldBe(covered);

    [Fact]
    public void MeasuresSharingAList_ShareOneCoverage() =>
        Get("us232-steel-50").Coverage.ShouldBeSameAs(Get("us232-steel-gb-25").Coverage);
}
