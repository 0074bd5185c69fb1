using System.Globalization;
using TradeAccord.Core.Commitments;
using TradeAccord.Sources.Csv;

namespace TradeAccord.Sources.Trade;

/// <summary>
/// Reads trade files for the store, checking every row.
/// Monthly files: <c>month</c> (yyyy-MM), a product code (<c>code</c>, or <c>hs6</c>), <c>value_usd</c>, optional
/// <c>quantity</c> and <c>quantity_unit</c>. Two optional columns of the shipped Census file are honoured: a row
/// whose <c>code_level</c> is <c>annex_code</c> is trade in its <c>annex_6_1_code</c>; and a row whose
/// <c>annex_6_1_code</c> extends its HS6 code is trade in that finer line (the source split HS6 energy trade by line).
/// Yearly files (services): <c>year</c>, <c>category</c>, <c>value_usd</c>.
/// </summary>
public static class TradeFlowReader
{
    /// <summary>Whether the file at <paramref name="path"/> is a yearly file (its header has <c>year</c>).</summary>
    public static bool IsAnnual(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? "";
        return header.Split(',').Select(h => h.Trim().Trim('"')).Contains("year", StringComparer.Ordinal);
    }

    /// <summary>Reads a monthly file whole; the first bad row stops it with the row's line and reason.</summary>
    /// <exception cref="SourceException">A row is malformed, or a month and code appear twice.</exception>
    public static List<TradeFlow> ReadMonthly(string path, string displayName)
    {
        var flows = new List<TradeFlow>();
        var seen = new HashSet<(DateOnly, string, string)>();
        foreach (var row in CsvTable.Read(path, displayName, ["month", "value_usd"], ["code", "hs6", "code_level", "annex_6_1_code", "quantity", "quantity_unit"]))
        {
            if (!row.Has("code") && !row.Has("hs6"))
            {
                throw new SourceException(displayName, 1, null, "has no product code column: expected a header with month, code (or hs6), value_usd");
            }

            var month = Month(row);
            var code = Code(row);
            var value = Amount(row, "value_usd");
            var quantity = row["quantity"].Length == 0 ? (decimal?)null : Quantity(row);
            // A code may come twice in a month when its quantity is in two units (Census energy lines, 2020).
            var unit = row["quantity_unit"];
            if (!seen.Add((month, code, unit)))
            {
                throw row.Error("month", $"{month:yyyy-MM} and code {code}{(unit.Length > 0 ? $" in {unit}" : "")} appear on an earlier row too: expected one row per month, code and quantity unit");
            }

            flows.Add(new TradeFlow(month, code, value, quantity, unit.Length == 0 ? null : unit));
        }

        return flows;
    }

    /// <summary>Reads a yearly file whole.</summary>
    /// <exception cref="SourceException">A row is malformed, or a year and category appear twice.</exception>
    public static List<AnnualFlow> ReadAnnual(string path, string displayName)
    {
        var flows = new List<AnnualFlow>();
        var seen = new HashSet<(int, string)>();
        foreach (var row in CsvTable.Read(path, displayName, "year", "category", "value_usd"))
        {
            if (!int.TryParse(row["year"], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1990 or > 2100)
            {
                throw row.Error("year", $"'{row["year"]}' is not a year: expected four digits from 1990 to 2100");
            }

            var category = row["category"];
            if (category.Length == 0)
            {
                throw row.Error("category", "is empty: expected the purchase category, e.g. Services");
            }

            if (!seen.Add((year, category)))
            {
                throw row.Error("year", $"{year} and {category} appear on an earlier row too: expected one row per year and category");
            }

            flows.Add(new AnnualFlow(year, category, Amount(row, "value_usd")));
        }

        return flows;
    }

    private static DateOnly Month(CsvRow row)
    {
        var text = row["month"];
        return DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is >= 1990 and <= 2100
            ? month
            : throw row.Error("month", $"'{text}' is not a month: expected yyyy-MM from 1990 to 2100");
    }

    private static string Code(CsvRow row)
    {
        var column = row.Has("code") ? "code" : "hs6";
        var code = row[column];
        var annex = row["annex_6_1_code"];
        if (row["code_level"] == "annex_code")
        {
            (column, code) = ("annex_6_1_code", annex);
        }
        else if (annex.Length > code.Length && annex.StartsWith(code, StringComparison.Ordinal) && code.Length > 0)
        {
            (column, code) = ("annex_6_1_code", annex);
        }

        return code.Length is >= 2 and <= 10 && code.All(char.IsAsciiDigit)
            ? code
            : throw row.Error(column, $"'{code}' is not a product code: expected 2 to 10 digits");
    }

    private static decimal Amount(CsvRow row, string column) => TradeAmount.Parse(row, column);

    // Quantities are stored as doubles: any decimal fits.
    private static decimal Quantity(CsvRow row) =>
        decimal.TryParse(row["quantity"], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw row.Error("quantity", $"'{row["quantity"]}' is not an amount: expected a number of zero or more, without separators");
}
