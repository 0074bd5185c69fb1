using System.Globalization;

namespace TradeAccord.App.Tariffs.Batch;

/// <summary>
/// Reads plain decimals ("10000", "1234.56", "-5") by hand, falling back to <see cref="decimal.TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider, out decimal)"/>
/// for anything else (exponents, more than 18 digits). Thousands separators are refused: "12,50" must not become
/// 1,250. A batch reads two per row.
/// </summary>
internal static class FastDecimal
{
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value)
    {
        var span = text.Trim();
        var negative = span.Length > 0 && span[0] == '-';
        var digits = negative ? span[1..] : span;
        ulong mantissa = 0;
        var count = 0;
        var scale = -1;
        foreach (var c in digits)
        {
            if (char.IsAsciiDigit(c) && count < 18)
            {
                mantissa = (mantissa * 10) + (ulong)(c - '0');
                count++;
                scale = scale >= 0 ? scale + 1 : scale;
            }
            else if (c == '.' && scale < 0)
            {
                scale = 0;
            }
            else
            {
                return decimal.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
            }
        }

        if (count == 0)
        {
            value = 0m;
            return false;
        }

        // The low and middle 32 bits are raw bit patterns, not numbers: unchecked, or a value such as 25000000.00
        // (whose low word has its top bit set) would throw in this checked build.
        value = new decimal(unchecked((int)(mantissa & 0xFFFFFFFF)), unchecked((int)(mantissa >> 32)), 0, negative, (byte)Math.Max(0, scale));
        return true;
    }
}
