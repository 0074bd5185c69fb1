using System.Collections.Concurrent;
using System.Globalization;
using nietras.SeparatedValues;
using TradeAccord.Sources;
using TradeAccord.Sources.Csv;
using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.App.Tariffs.Batch;

/// <summary>
/// Streams an entries file: a header (case-insensitive, any order) with id, hts, origin, entry_date, value_usd and
/// optionally export_date, quantity, unit, claim_exclusion, content_value_usd (metal content, for Section 232 levies on
/// it), us_content_value_usd and declare_end_use. A bad row becomes an <see cref="EntryLine"/> with its
/// error and the stream goes on; only a missing column or an unreadable file stops it.
/// </summary>
public sealed class EntryFile : IDisposable
{
    /// <summary>Columns every entries file must have.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns = ["id", "hts", "origin", "entry_date", "value_usd"];

    private readonly SepReader _reader;
    private readonly string _name;
    private readonly int[] _required;
    private readonly int _exportDate;
    private readonly int _quantity;
    private readonly int _unit;
    private readonly int _claim;
    private readonly int _content;
    private readonly int _usContent;
    private readonly int _endUse;
    // Batch files repeat a few origins and some thousands of codes: looking them up by the text's span saves
    // parsing and allocating per row. The code cache is bounded so a file of all-distinct codes cannot grow it.
    private const int CodeCacheLimit = 200_000;
    private const int UnitCacheLimit = 1_000;
    // Concurrent so any thread may parse; batches parse on the reading thread and price on the others.
    private readonly ConcurrentDictionary<string, CountryCode> _countries = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, CodeSlot> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _units = new(StringComparer.Ordinal);
    // Counted here, not with ConcurrentDictionary.Count, which takes every one of the dictionary's locks: a sampling
    // profile of a million entries found a tenth of the batch's thread time in that count, once per new code.
    private int _codeCount;
    private int _unitCount;

    private EntryFile(SepReader reader, Stream stream, string name, string[] columns)
    {
        _reader = reader;
        Stream = stream;
        _name = name;
        ColumnNames = columns;
        var missing = RequiredColumns.Where(c => IndexOf(c) < 0).ToList();
        if (missing.Count > 0)
        {
            reader.Dispose();
            throw new SourceException(name, 1, null,
                $"missing column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}: expected a header with " +
                $"{string.Join(", ", RequiredColumns)} (and optionally export_date, quantity, unit, claim_exclusion, content_value_usd, " +
                "us_content_value_usd, declare_end_use)");
        }

        _required = [.. RequiredColumns.Select(IndexOf)];
        _exportDate = IndexOf("export_date");
        _quantity = IndexOf("quantity");
        _unit = IndexOf("unit");
        _claim = IndexOf("claim_exclusion");
        _content = IndexOf("content_value_usd");
        _usContent = IndexOf("us_content_value_usd");
        _endUse = IndexOf("declare_end_use");
    }

    /// <summary>The header's column names, in file order.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>The underlying stream, for progress (position against length).</summary>
    public Stream Stream { get; }

    /// <summary>Opens <paramref name="path"/>.</summary>
    /// <exception cref="SourceException">The file cannot be read or lacks a required column.</exception>
    public static EntryFile Open(string path)
    {
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceException(path, 0, null, $"cannot be read: {e.Message}", e);
        }

        try
        {
            // The header is read by CsvHeader, which names a repeated column instead of letting Sep throw.
            var reader = Sep.New(',').Reader(o => CsvHeader.Options(o with { Unescape = true, DisableColCountCheck = true })).From(stream);
            string[] columns;
            try
            {
                columns = CsvHeader.Read(reader, path);
            }
            catch
            {
                reader.Dispose();
                throw;
            }

            if (columns.Length == 0)
            {
                reader.Dispose();
                throw new SourceException(path, 1, null, $"is empty: expected a header with {string.Join(", ", RequiredColumns)}");
            }

            return new EntryFile(reader, stream, path, columns);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The raw rows, for a caller that copies them (pass each to <see cref="Parse"/>).</summary>
    public SepReader Rows => _reader;

    /// <summary>Reads and parses the rows.</summary>
    public IEnumerable<EntryLine> Read()
    {
        foreach (var row in _reader)
        {
            yield return Parse(row);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _reader.Dispose();
        Stream.Dispose();
    }

    /// <summary>Parses one raw row. Thread-safe.</summary>
    public EntryLine Parse(SepReader.Row row) => Parse(row.LineNumberFrom, new SepColumns(row), out _);

    /// <summary>
    /// Parses the text of a row written without quotes (fields split at each comma), on any thread: batches read
    /// rows on one thread and parse them where they are priced.
    /// </summary>
    public EntryLine ParseUnquoted(int line, ReadOnlySpan<char> text) => ParseUnquoted(line, text, out _);

    /// <summary>
    /// <see cref="ParseUnquoted(int, ReadOnlySpan{char})"/>, with the cache slot of the row's code (null when the code
    /// is not cached): a batch keeps the code's resolution there, so rows of the same code share one lookup.
    /// </summary>
    internal EntryLine ParseUnquoted(int line, ReadOnlySpan<char> text, out CodeSlot? slot)
    {
        slot = null;
        Span<int> commas = stackalloc int[ColumnNames.Count + 1];
        var count = 0;
        for (var i = 0; i < text.Length && count <= ColumnNames.Count; i++)
        {
            if (text[i] == ',')
            {
                commas[count++] = i;
            }
        }

        return count != ColumnNames.Count - 1
            ? new EntryLine(line, null, $"line {line}: has {count + 1} fields: expected {ColumnNames.Count} as in the header")
            : Parse(line, new SplitColumns(text, commas[..count]), out slot);
    }

    private EntryLine Parse<TColumns>(int line, TColumns row, out CodeSlot? slot)
        where TColumns : IColumns, allows ref struct
    {
        slot = null;
        if (row.Count != ColumnNames.Count)
        {
            return new EntryLine(line, null, $"line {line}: has {row.Count} fields: expected {ColumnNames.Count} as in the header");
        }

        if (!TryCode(row[_required[1]], out var product, out slot, out var codeError))
        {
            return Bad(line, "hts", codeError);
        }

        if (!TryCountry(row[_required[2]], out var origin, out var originError))
        {
            return Bad(line, "origin", originError);
        }

        if (!IsoDate.TryParse(row[_required[3]], out var entryDate))
        {
            return Bad(line, "entry_date", $"'{row[_required[3]].ToString()}' is not a date: expected yyyy-MM-dd");
        }

        if (!FastDecimal.TryParse(row[_required[4]], out var value))
        {
            return Bad(line, "value_usd", $"'{row[_required[4]].ToString()}' is not an amount: expected a number such as 10000.00");
        }

        DateOnly? exportDate = null;
        if (_exportDate >= 0 && row[_exportDate].Trim().Length > 0)
        {
            if (!IsoDate.TryParse(row[_exportDate], out var exported))
            {
                return Bad(line, "export_date", $"'{row[_exportDate].ToString()}' is not a date: expected yyyy-MM-dd");
            }

            exportDate = exported;
        }

        decimal? quantity = null;
        if (_quantity >= 0 && row[_quantity].Trim().Length > 0)
        {
            if (!FastDecimal.TryParse(row[_quantity], out var q))
            {
                return Bad(line, "quantity", $"'{row[_quantity].ToString()}' is not a number");
            }

            quantity = q;
        }

        var unit = _unit >= 0 ? Unit(row[_unit].Trim()) : null;
        var claim = IsTrue(row, _claim);
        if (!TryPart(row, _content, value, out var content))
        {
            return Bad(line, "content_value_usd", $"'{row[_content].ToString()}' is not an amount from 0 to the value {value}");
        }

        if (!TryPart(row, _usContent, value, out var usContent))
        {
            return Bad(line, "us_content_value_usd", $"'{row[_usContent].ToString()}' is not an amount from 0 to the value {value}");
        }

        return new EntryLine(line, new Shipment(product, origin, entryDate, exportDate, value, quantity, unit, claim, content, usContent, IsTrue(row, _endUse)), null);
    }

    private static bool IsTrue<TRow>(TRow row, int index) where TRow : IColumns, allows ref struct =>
        index >= 0 && row[index].Trim() is var c && (c.Equals("true", StringComparison.OrdinalIgnoreCase) || c is "1");

    // An optional part of the value (metal content, US content): empty is none; otherwise an amount within the value.
    private static bool TryPart<TRow>(TRow row, int index, decimal value, out decimal? part) where TRow : IColumns, allows ref struct
    {
        part = null;
        if (index < 0 || row[index].Trim().Length == 0)
        {
            return true;
        }

        if (!FastDecimal.TryParse(row[index], out var amount) || amount < 0m || amount > value)
        {
            return false;
        }

        part = amount;
        return true;
    }

    private interface IColumns
    {
        int Count { get; }

        ReadOnlySpan<char> this[int index] { get; }
    }

    private readonly ref struct SepColumns(SepReader.Row row) : IColumns
    {
        private readonly SepReader.Row _row = row;

        public int Count => _row.ColCount;

        public ReadOnlySpan<char> this[int index] => _row[index].Span;
    }

    private readonly ref struct SplitColumns(ReadOnlySpan<char> text, ReadOnlySpan<int> commas) : IColumns
    {
        private readonly ReadOnlySpan<char> _text = text;
        private readonly ReadOnlySpan<int> _commas = commas;

        public int Count => _commas.Length + 1;

        public ReadOnlySpan<char> this[int index]
        {
            get
            {
                var start = index == 0 ? 0 : _commas[index - 1] + 1;
                var end = index == _commas.Length ? _text.Length : _commas[index];
                return _text[start..end];
            }
        }
    }

    private bool TryCode(ReadOnlySpan<char> text, out ProductCode code, out CodeSlot? slot, out string error)
    {
        error = "";
        if (_codes.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out slot))
        {
            code = slot.Code;
            return true;
        }

        slot = null;
        var key = text.ToString();
        var parsed = ProductCode.Parse(key);
        if (!parsed.TryGetValue(out code))
        {
            error = parsed.Error!;
            return false;
        }

        if (Volatile.Read(ref _codeCount) < CodeCacheLimit && _codes.TryAdd(key, new CodeSlot(code)))
        {
            Interlocked.Increment(ref _codeCount);
        }

        return true;
    }

    // Files name a handful of units on millions of rows: one string per unit, not one per row.
    private string? Unit(ReadOnlySpan<char> text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (_units.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var unit))
        {
            return unit;
        }

        unit = text.ToString();
        if (Volatile.Read(ref _unitCount) < UnitCacheLimit && _units.TryAdd(unit, unit))
        {
            Interlocked.Increment(ref _unitCount);
        }

        return unit;
    }

    private bool TryCountry(ReadOnlySpan<char> text, out CountryCode origin, out string error)
    {
        if (_countries.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out origin))
        {
            error = "";
            return true;
        }

        var key = text.ToString();
        var parsed = CountryCode.Parse(key);
        if (parsed.TryGetValue(out origin))
        {
            _countries.TryAdd(key, origin);
            error = "";
            return true;
        }

        error = parsed.Error!;
        return false;
    }

    private static EntryLine Bad(int line, string field, string problem) =>
        new(line, null, $"line {line}: field '{field}': {problem}");

    private int IndexOf(string column)
    {
        for (var i = 0; i < ColumnNames.Count; i++)
        {
            if (string.Equals(ColumnNames[i], column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
