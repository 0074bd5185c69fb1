using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Csv;

namespace TradeAccord.Sources.Section301;

/// <summary>
/// Reads the USITC "China Tariffs" table (hts_code, hts_digits, level, ch99_heading, list): which 8- and 10-digit
/// lines each Section 301 heading covers.
/// </summary>
public static class ChinaTariffsTableReader
{
    /// <summary>Reads the table into one coverage per heading.</summary>
    /// <exception cref="SourceException">The file is unreadable or a row is malformed.</exception>
    public static IReadOnlyDictionary<string, ProductCoverage> Read(string path, string displayName)
    {
        var byHeading = new Dictionary<string, Dictionary<ProductCode, DutyRate?>>(StringComparer.Ordinal);
        foreach (var row in CsvTable.Read(path, displayName, "hts_digits", "level", "ch99_heading"))
        {
            var code = row.Code("hts_digits");
            var level = row["level"];
            if (level != code.DigitCount.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw row.Error("level", $"'{level}' does not match the {code.DigitCount} digits of {code.ToDotted()}");
            }

            var heading = row["ch99_heading"];
            if (!heading.StartsWith("9903.88.", StringComparison.Ordinal))
            {
                throw row.Error("ch99_heading", $"'{heading}' is not a Section 301 heading: expected 9903.88.xx");
            }

            if (!byHeading.TryGetValue(heading, out var lines))
            {
                byHeading[heading] = lines = [];
            }

            if (!lines.TryAdd(code, null))
            {
                throw row.Error("hts_digits", $"{code.ToDotted()} is listed twice under {heading}");
            }
        }

        return byHeading.ToDictionary(kv => kv.Key, kv => new ProductCoverage(kv.Key, kv.Value), StringComparer.Ordinal);
    }
}
