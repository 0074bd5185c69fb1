using System.Globalization;

namespace TradeAccord.Storage.Tests;

/// <summary>
/// The shipped US export file summed with plain string splitting (it holds no quoted fields), independently of the
/// store and of the tracker, so that tests can compare what those report with the file itself.
/// </summary>
internal static class ExportFile
{
    // month,code_level,hs6,annex_6_1_code,value_usd,quantity,quantity_unit,phase_one_category,phase_one_subcategory
    private static readonly Lazy<string[][]> Rows = new(() =>
        [.. File.ReadLines(Path.Combine(Shipped.Loader.Paths.Data, "trade", "us_exports_to_china_hs6_monthly_2013-01_2021-02.csv")).Skip(1).Select(l => l.Split(','))]);

    /// <summary>Rows at HS6 level (the file's own code_level column).</summary>
    public static int Hs6Rows => Rows.Value.Count(r => r[1] == "hs6");

    /// <summary>The value of a year's rows that pass <paramref name="keep"/>, USD.</summary>
    public static decimal Sum(int year, Func<string[], bool> keep) =>
        Rows.Value.Where(r => r[0].StartsWith($"{year}-", StringComparison.Ordinal) && keep(r)).Sum(r => decimal.Parse(r[4], CultureInfo.InvariantCulture));

    /// <summary>Whether the row is in Annex 6.1 by the file's own annex column.</summary>
    public static bool InAnnex(string[] row) => row[3].Length > 0;

    /// <summary>The file's own Phase One category of the row.</summary>
    public static string Category(string[] row) => row[7];
}
