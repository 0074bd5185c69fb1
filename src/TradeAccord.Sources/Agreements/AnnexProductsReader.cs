using TradeAccord.Core.Agreements;
using TradeAccord.Sources.Csv;

namespace TradeAccord.Sources.Agreements;

/// <summary>Reads a purchase annex's product list (<c>annex_code, hs4, category, subcategory</c>).</summary>
public static class AnnexProductsReader
{
    /// <summary>Reads <paramref name="path"/>, named <paramref name="displayName"/> in errors and in the mapping.</summary>
    /// <exception cref="SourceException">The file is unreadable or a row is malformed.</exception>
    public static ProductMapping Read(string path, string displayName)
    {
        var lines = new List<AnnexLine>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in CsvTable.Read(path, displayName, "annex_code", "hs4", "category", "subcategory"))
        {
            var code = row["annex_code"];
            var hs4 = row["hs4"];
            if (code.Length < 4 || !code.All(char.IsAsciiDigit))
            {
                throw row.Error("annex_code", $"'{code}' is not a code: expected 4 to 10 digits");
            }

            if (!code.StartsWith(hs4, StringComparison.Ordinal) || hs4.Length != 4)
            {
                throw row.Error("hs4", $"'{hs4}' is not the HS4 heading of '{code}': expected its first four digits");
            }

            if (row["category"].Length == 0 || row["subcategory"].Length == 0)
            {
                throw row.Error(row["category"].Length == 0 ? "category" : "subcategory", "is empty: expected the Annex group");
            }

            if (!seen.Add(code))
            {
                throw row.Error("annex_code", $"'{code}' appears twice: expected each annex code once");
            }

            lines.Add(new AnnexLine(code, hs4, row["category"], row["subcategory"]));
        }

        return new ProductMapping(displayName, lines);
    }
}
