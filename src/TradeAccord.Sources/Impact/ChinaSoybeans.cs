using System.Globalization;
using TradeAccord.Sources.Csv;

namespace TradeAccord.Sources.Impact;

/// <summary>China's soybean imports (HS 1201) in one year: from the United States and from the other origins the data name.</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="FromUs">Imports from the United States, USD (CIF, China customs).</param>
/// <param name="FromRest">Imports from the other origins, USD.</param>
/// <param name="RestOrigins">Which origins <paramref name="FromRest"/> sums.</param>
public sealed record SoybeanYear(int Year, decimal FromUs, decimal FromRest, IReadOnlyList<string> RestOrigins);

/// <summary>
/// China-reported soybean imports by origin, by year. The only China-side data by origin that ship: they give the
/// impact model a rest of the world for heading 1201 (Brazil and Argentina), so a tariff on US soybeans can divert
/// trade to South America, and a year's US value to scale the 2017 detail with.
/// </summary>
public static class ChinaSoybeans
{
    /// <summary>The file under data/.</summary>
    public const string File = "china_imports/china_soybean_imports_by_origin_annual_wits_2015-2024.csv";

    /// <summary>The heading the figures are for.</summary>
    public const string Heading = "1201";

    private const string Us = "United States";

    /// <summary>Reads <paramref name="path"/> (shown as <paramref name="displayName"/>) into one entry per year.</summary>
    /// <exception cref="SourceException">A row is malformed: not China's imports of 1201, a value not a non-negative number, a year or origin twice.</exception>
    public static IReadOnlyDictionary<int, SoybeanYear> Read(string path, string displayName)
    {
        var byYear = new SortedDictionary<int, Dictionary<string, decimal>>();
        foreach (var row in CsvTable.Read(path, displayName, "year", "reporter", "partner", "hs_code", "import_value_usd"))
        {
            if (!int.TryParse(row["year"], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1990 or > 2100)
            {
                throw row.Error("year", $"'{row["year"]}' is not a year: expected four digits");
            }

            if (row["reporter"] != "China")
            {
                throw row.Error("reporter", $"'{row["reporter"]}' is not China: the file holds China's imports");
            }

            if (row["hs_code"] != Heading)
            {
                throw row.Error("hs_code", $"'{row["hs_code"]}' is not {Heading}: the file holds soybeans only");
            }

            var value = row.Decimal("import_value_usd");
            if (value < 0m)
            {
                throw row.Error("import_value_usd", $"'{value}' is negative: expected a value in USD");
            }

            var partner = row["partner"];
            if (partner.Length == 0)
            {
                throw row.Error("partner", "is empty: expected the origin country");
            }

            var origins = byYear.TryGetValue(year, out var found) ? found : byYear[year] = new Dictionary<string, decimal>(StringComparer.Ordinal);
            if (!origins.TryAdd(partner, value))
            {
                throw row.Error("partner", $"'{partner}' appears twice for {year}");
            }
        }

        return byYear.Where(y => y.Value.ContainsKey(Us)).ToDictionary(
            y => y.Key,
            y => new SoybeanYear(y.Key, y.Value[Us], y.Value.Where(o => o.Key != Us).Sum(o => o.Value),
                [.. y.Value.Keys.Where(k => k != Us).Order(StringComparer.Ordinal)]));
    }
}
