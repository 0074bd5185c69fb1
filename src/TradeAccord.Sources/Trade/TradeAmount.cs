using System.Globalization;
using TradeAccord.Sources.Csv;

namespace TradeAccord.Sources.Trade;

/// <summary>
/// An amount of a trade file in US dollars, as the store keeps it: DECIMAL(18,2), so at most
/// <see cref="Max"/>. Checking here names the file, line and column; the store would only say a value overflowed.
/// </summary>
public static class TradeAmount
{
    /// <summary>The largest amount a DECIMAL(18,2) column holds: 16 digits before the point, 2 after.</summary>
    public const decimal Max = 9_999_999_999_999_999.99m;

    /// <summary>The amount in <paramref name="column"/> of <paramref name="row"/>: a plain number from 0 to <see cref="Max"/>.</summary>
    /// <exception cref="SourceException">The text is not such a number.</exception>
    public static decimal Parse(CsvRow row, string column)
    {
        ArgumentNullException.ThrowIfNull(row);
        var text = row[column];
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            throw row.Error(column, $"'{Shorten(text)}' is not an amount: expected a number of zero or more, without separators");
        }

        return value <= Max
            ? value
            : throw row.Error(column, $"'{Shorten(text)}' is too large: expected an amount from 0 to {Max.ToString(CultureInfo.InvariantCulture)} USD");
    }

    // A field may be a megabyte long: the message quotes its start.
    private static string Shorten(string text) => text.Length <= 40 ? text : $"{text[..40]}…";
}
