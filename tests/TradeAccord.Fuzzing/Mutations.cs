using System.Text;
using CsCheck;

namespace TradeAccord.Fuzzing;

/// <summary>
/// CsCheck generators of inputs for one format: mostly structure-aware mutations of real shipped files (the damage a
/// file takes in transit or by hand: truncation, byte flips, swapped or duplicated columns, huge fields, invalid UTF-8,
/// byte order marks, CRLF, deep nesting, numbers at the limits, impossible dates), stacked one to four deep, and a
/// share of random inputs.
/// </summary>
public static class Mutations
{
    // Numbers at the edges of what the readers' types hold: decimal's limits and just past them, DECIMAL(18,2)'s,
    // int's and long's, doubles that overflow or underflow, and the spellings double.Parse accepts but money is not.
    private static readonly string[] LimitNumbers =
    [
        "79228162514264337593543950335", "79228162514264337593543950336", "-79228162514264337593543950335",
        "9999999999999999.99", "10000000000000000", "99999999999999999999.999", "0.0000000000000000000000000001",
        "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1e309", "-1e309", "1E-400", "1e28",
        "NaN", "Infinity", "-0", "0", "-1", "0x10", "1,000", "١٢٣", "1" + new string('0', 400), "",
    ];

    // Dates a calendar refuses or barely allows, and months written as dates.
    private static readonly string[] EdgeDates =
    [
        "2020-02-30", "2021-02-29", "2020-13-01", "2020-00-10", "0000-00-00", "0001-01-01", "9999-12-31", "10000-01-01",
        "2020-2-3", "2020-02", "2020-02-28T25:00", "-2020-01-01", "2020/02/03",
    ];

    private static readonly byte[][] BadUtf8 =
    [
        [0xC3, 0x28], [0xFF], [0xFE, 0xFF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xE2, 0x82], [0x00],
    ];

    /// <summary>Inputs for <paramref name="format"/>, nine in ten derived from <paramref name="seeds"/>.</summary>
    public static Gen<byte[]> Inputs(IReadOnlyList<byte[]> seeds, InputFormat format)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentOutOfRangeException.ThrowIfZero(seeds.Count);
        var seed = Gen.Int[0, seeds.Count - 1].Select(i => seeds[i]);
        var mutated = Gen.Select(seed, Gen.Int[1, 4], (s, n) => (s, n)).SelectMany(t => Stack(t.s, t.n, seeds, format));
        return Gen.Frequency((18, mutated), (1, Random(format)), (1, Gen.Const(Array.Empty<byte>())));
    }

    private static Gen<byte[]> Stack(byte[] input, int depth, IReadOnlyList<byte[]> seeds, InputFormat format) =>
        depth == 0 ? Gen.Const(input) : Once(input, seeds, format).SelectMany(next => Stack(next, depth - 1, seeds, format));

    private static Gen<byte[]> Once(byte[] b, IReadOnlyList<byte[]> seeds, InputFormat format)
    {
        var at = Gen.Int[0, b.Length];
        return Gen.Frequency(
            (3, at.Select(n => b[..n])),
            (3, Gen.Select(Gen.Int[0, Math.Max(0, b.Length - 1)], Gen.Byte, (i, v) => Flip(b, i, v))),
            (2, Gen.Select(at, Gen.Byte.Array[1, 16], (i, bytes) => Insert(b, i, bytes))),
            (2, Gen.Select(at, Gen.Int[1, 64], (i, n) => Delete(b, i, n))),
            (2, Gen.Select(Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 2], (i, j, op) => Lines(b, i, j, op))),
            (format == InputFormat.Csv ? 4 : 0, Gen.Select(Gen.Int[0, 30], Gen.Int[0, 30], (i, j) => SwapColumns(b, i, j))),
            (format == InputFormat.Csv ? 4 : 0, Gen.Int[0, 30].Select(i => DuplicateColumn(b, i))),
            (2, Gen.Select(at, Gen.OneOf(1_000, 70_000, 300_000), Gen.OneOf((byte)'A', (byte)'9', (byte)'"', (byte)' '),
                (i, n, c) => Insert(b, i, Enumerable.Repeat(c, n).ToArray()))),
            (2, Gen.Select(at, Gen.Int[0, BadUtf8.Length - 1], (i, k) => Insert(b, i, BadUtf8[k]))),
            (1, Gen.OneOf(new byte[] { 0xEF, 0xBB, 0xBF }, new byte[] { 0xFF, 0xFE }).Select(bom => Insert(b, 0, bom))),
            (1, Gen.Bool.Select(crlf => LineEnds(b, crlf))),
            (2, Gen.Select(at, Gen.OneOf(50, 65, 1_000, 40_000), Gen.Int[0, 9], (i, n, k) => Insert(b, i, Nesting(format, n, k)))),
            (3, Gen.Select(at, Gen.Int[0, LimitNumbers.Length - 1], (i, k) => ReplaceNumber(b, i, LimitNumbers[k]))),
            (3, Gen.Select(at, Gen.Int[0, EdgeDates.Length - 1], (i, k) => ReplaceDate(b, i, EdgeDates[k]))),
            (1, Gen.Select(Gen.Int[0, seeds.Count - 1], Gen.Int[0, 1000], Gen.Int[0, 1000], (s, i, j) => Splice(b, seeds[s], i, j))),
            (2, Gen.Select(at, Gen.Int[0, Tokens(format).Length - 1], (i, k) => Insert(b, i, Encoding.UTF8.GetBytes(Tokens(format)[k])))));
    }

    /// <summary>Random bytes, or random text made of the format's own punctuation.</summary>
    private static Gen<byte[]> Random(InputFormat format) => Gen.Frequency(
        (1, Gen.Byte.Array[0, 512]),
        (2, Gen.Int[0, Alphabet(format).Length - 1].Array[0, 512].Select(a => a.Select(i => (byte)Alphabet(format)[i]).ToArray())));

    private static string Alphabet(InputFormat format) => format switch
    {
        InputFormat.Csv => "abc019-.,\"\r\n \t",
        InputFormat.Yaml => "ab09-.:[]{},\"'#&*!|>\n %@`",
        InputFormat.Json => "ab09-.:[]{},\"\\e\n tfnul",
        _ => "ab09<>/=\"'&;!?[]\n -",
    };

    private static string[] Tokens(InputFormat format) => format switch
    {
        InputFormat.Csv => ["\"", "\"\"", ",", "\n", "\r", "=cmd|' /C calc'!A0", "\u2028"],
        InputFormat.Yaml => ["~", "null", "[]", "{}", "&a ", "*a", "!!binary ", "<<: ", "? ", "- ", ": ", "\t", "---\n", "...\n", "%YAML 1.1\n", "!<tag:x> "],
        InputFormat.Json => ["null", "[]", "{}", "\"\\u0000\"", "\"\\ud800\"", "1e999", "true", ",", "}", "]", "\"x\":"],
        _ => ["<!DOCTYPE a [<!ENTITY e \"x\">]>", "&e;", "&amp;", "&#0;", "<![CDATA[", "]]>", "<?xml version=\"1.0\" encoding=\"utf-32\"?>", "xmlns:a=\"u\" ", "</a>", "<a>"],
    };

    private static byte[] Nesting(InputFormat format, int depth, int kind)
    {
        var unit = format switch
        {
            InputFormat.Xml => kind % 2 == 0 ? "<a>" : "<a b=\"1\">",
            InputFormat.Csv => "\"",
            InputFormat.Json => kind % 2 == 0 ? "[" : "{\"a\":",
            _ => (kind % 4) switch { 0 => "[", 1 => "{a: ", 2 => "- ", _ => "[{a: " },
        };
        return Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(unit, depth)));
    }

    private static byte[] Flip(byte[] b, int i, byte v)
    {
        if (b.Length == 0)
        {
            return [v];
        }

        var copy = (byte[])b.Clone();
        copy[i] ^= v == 0 ? (byte)1 : v;
        return copy;
    }

    private static byte[] Insert(byte[] b, int i, byte[] bytes) => [.. b.AsSpan(0, i), .. bytes, .. b.AsSpan(i)];

    private static byte[] Delete(byte[] b, int i, int n) => [.. b.AsSpan(0, i), .. b.AsSpan(Math.Min(b.Length, i + n))];

    private static byte[] LineEnds(byte[] b, bool crlf) =>
        Encoding.UTF8.GetBytes(crlf ? Text(b).Replace("\n", "\r\n", StringComparison.Ordinal) : Text(b).Replace('\n', '\r'));

    // Duplicates, deletes or swaps whole lines (rows, or YAML and XML lines).
    private static byte[] Lines(byte[] b, int i, int j, int op)
    {
        var lines = SplitLines(b);
        if (lines.Count == 0)
        {
            return b;
        }

        (i, j) = (i % lines.Count, j % lines.Count);
        switch (op)
        {
            case 0:
                lines.Insert(j, lines[i]);
                break;
            case 1:
                lines.RemoveAt(i);
                break;
            default:
                (lines[i], lines[j]) = (lines[j], lines[i]);
                break;
        }

        return Join(lines);
    }

    private static byte[] SwapColumns(byte[] b, int i, int j) => MapRows(b, fields =>
    {
        if (fields.Count > Math.Max(i, j))
        {
            (fields[i], fields[j]) = (fields[j], fields[i]);
        }
    });

    // A column written twice, header and all: the duplicated header the readers must name.
    private static byte[] DuplicateColumn(byte[] b, int i) => MapRows(b, fields =>
    {
        if (fields.Count > i)
        {
            fields.Add(fields[i]);
        }
    });

    private static byte[] MapRows(byte[] b, Action<List<string>> change)
    {
        var lines = SplitLines(b);
        var rows = lines.Select(line => line.Split(',').ToList()).ToList();
        rows.ForEach(change);
        return Join(rows.Select(r => string.Join(',', r)).ToList());
    }

    private static byte[] ReplaceNumber(byte[] b, int from, string number) => ReplaceRun(b, from, char.IsAsciiDigit, number);

    private static byte[] ReplaceDate(byte[] b, int from, string date) =>
        ReplaceRun(b, from, c => char.IsAsciiDigit(c) || c == '-', date);

    // Replaces the first run of characters matching `part` at or after `from` (or before it, when none follows).
    private static byte[] ReplaceRun(byte[] b, int from, Func<char, bool> part, string with)
    {
        var text = Text(b);
        from = Math.Min(from, text.Length);
        var start = IndexOf(text, from, part);
        if (start < 0 && (start = IndexOf(text, 0, part)) < 0)
        {
            return [.. b, .. Encoding.UTF8.GetBytes(with)];
        }

        var end = start;
        while (end < text.Length && part(text[end]))
        {
            end++;
        }

        return Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, start), with, text.AsSpan(end)));
    }

    private static int IndexOf(string text, int from, Func<char, bool> part)
    {
        for (var k = from; k < text.Length; k++)
        {
            if (part(text[k]) && char.IsAsciiDigit(text[k]))
            {
                return k;
            }
        }

        return -1;
    }

    private static byte[] Splice(byte[] b, byte[] other, int i, int j)
    {
        var lines = SplitLines(b);
        var donor = SplitLines(other);
        if (donor.Count == 0)
        {
            return b;
        }

        lines.Insert(lines.Count == 0 ? 0 : i % lines.Count, donor[j % donor.Count]);
        return Join(lines);
    }

    private static string Text(byte[] b) => Encoding.UTF8.GetString(b);

    private static List<string> SplitLines(byte[] b) => b.Length == 0 ? [] : [.. Text(b).Split('\n')];

    private static byte[] Join(List<string> lines) => Encoding.UTF8.GetBytes(string.Join('\n', lines));
}
