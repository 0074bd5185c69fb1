using TradeAccord.Core.Commitments;
using TradeAccord.Sources.Csv;

namespace TradeAccord.Storage.Tests;

public class MappingTests
{
    [Fact]
    public void Our_annex_mapping_agrees_with_the_source_files_own_annex_column_on_every_hs6_row()
    {
        var mapper = new ProductMapper(Shipped.Loader.AgreementContext.Products("phase_one/annex_6_1_products.csv")!);
        var file = Path.Combine(Shipped.Loader.Paths.Data, "trade", "us_exports_to_china_hs6_monthly_2013-01_2021-02.csv");
        var rows = 0;
        var disagreements = new List<string>();
        foreach (var row in CsvTable.Read(file, "exports", ["hs6", "annex_6_1_code", "code_level"], []))
        {
            if (row["code_level"] != "hs6")
            {
                continue;
            }

            rows++;
            var annex = row["annex_6_1_code"];
            var code = annex.Length > 6 && annex.StartsWith(row["hs6"], StringComparison.Ordinal) ? annex : row["hs6"];
            var ours = mapper.LineFor(code)?.Code ?? "";
            if (ours != annex)
            {
                disagreements.Add($"line {row.Line}: {row["hs6"]} source {annex}, ours {ours}");
            }
        }

        // Every HS6 row of the file was compared (363,596: data/SOURCES.md section 5, and the file's own code_level column).
        rows.ShouldBe(ExportFile.Hs6Rows);
        rows.ShouldBe(363_596);
        disagreements.ShouldBeEmpty(string.Join("\n", disagreements.Take(10)));
    }
}
