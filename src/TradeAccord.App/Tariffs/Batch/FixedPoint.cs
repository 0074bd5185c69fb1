using System.Globalization;
using System.Text;

namespace TradeAccord.App.Tariffs.Batch;

/// <summary>
/// Writes the decimals of a batch's output columns by hand: a rate as a fraction without trailing zeros, an amount
/// with two decimals. The text is the standard formats' ("G" trimmed of its zeros, "F2"), character for character;
/// anything but a non-negative value whose digits fit 64 bits and, for amounts, at most two decimals goes through
/// them. The standard decimal formatter was the largest part of writing a row (a sampling profile of a million entries).
/// </summary>
internal static class FixedPoint
{
    /// <summary>Appends <paramref name="value"/> as <c>G</c> would write it, trailing fractional zeros and a bare point removed.</summary>
    public static void AppendFraction(StringBuilder line, decimal value)
    {
        Span<char> buffer = stackalloc char[48];
        if (!TryWritePlain(value, buffer, out var written, out var scale))
        {
            value.TryFormat(buffer, out written, "G", CultureInfo.InvariantCulture);
            scale = buffer[..written].Contains('.') ? 1 : 0;
        }

        var text = buffer[..written];
        if (scale > 0)
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }

        line.Append(text);
    }

    /// <summary>Appends <paramref name="value"/> as <c>F2</c> would write it.</summary>
    public static void AppendCents(StringBuilder line, decimal value)
    {
        Span<char> buffer = stackalloc char[48];
        if (!TryWritePlain(value, buffer, out var written, out var scale) || scale > 2)
        {
            value.TryFormat(buffer, out written, "F2", CultureInfo.InvariantCulture);
            line.Append(buffer[..written]);
            return;
        }

        line.Append(buffer[..written]);
        line.Append(scale == 0 ? "." : "");
        line.Append('0', 2 - scale);
    }

    // The digits of a non-negative decimal whose mantissa fits 64 bits, with its point where its scale puts it,
    // trailing zeros kept (as "G" keeps them): 0.2500 stays "0.2500", 0.00 stays "0.00".
    private static bool TryWritePlain(decimal value, Span<char> buffer, out int written, out int scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        scale = (bits[3] >> 16) & 0xFF;
        written = 0;
        if (bits[3] < 0 || bits[2] != 0)
        {
            return false;
        }

        // The words are raw bit patterns: unchecked, or a word with its top bit set would throw in this checked build.
        var mantissa = unchecked(((ulong)(uint)bits[1] << 32) | (uint)bits[0]);
        Span<char> digits = stackalloc char[20];
        mantissa.TryFormat(digits, out var count, default, CultureInfo.InvariantCulture);
        if (scale == 0)
        {
            digits[..count].CopyTo(buffer);
            written = count;
            return true;
        }

        var whole = count - scale;
        if (whole > 0)
        {
            digits[..whole].CopyTo(buffer);
            written = whole;
        }
        else
        {
            buffer[written++] = '0';
        }

        buffer[written++] = '.';
        for (var i = whole; i < 0; i++)
        {
            buffer[written++] = '0';
        }

        var fraction = digits[Math.Max(0, whole)..count];
        fraction.CopyTo(buffer[written..]);
        written += fraction.Length;
        return true;
    }
}
