using System.Globalization;

namespace TradeAccord.Sources.Csv;

/// <summary>One data row of a CSV file, with typed accessors whose errors name the file, line and column.</summary>
public sealed class CsvRow
{
    private readonly IReadOnlyDictionary<string, int> _index;
    private readonly string[] _values;

    internal CsvRow(string file, int line, IReadOnlyDictionary<string, int> index, string[] values)
    {
        File = file;
        Line = line;
        _index = index;
        _values = values;
    }

    /// <summary>The file, as named in errors.</summary>
    public string File { get; }

    /// <summary>1-based line number where the row starts.</summary>
    public int Line { get; }

    /// <summary>Whether the file has <paramref name="column"/>.</summary>
    public bool Has(string column) => _index.ContainsKey(column);

    /// <summary>The trimmed text of <paramref name="column"/>, empty when the column is absent or was not asked for.</summary>
    public string this[string column] => _index.TryGetValue(column, out var i) ? _values[i]?.Trim() ?? "" : "";

    /// <summary>A decimal; throws naming the field when the text is not one.</summary>
    public decimal Decimal(string column)
    {
        var text = this[column];
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(column, $"'{text}' is not a number");
    }

    /// <summary>An optional decimal: empty text gives null.</summary>
    public decimal? OptionalDecimal(string column) => this[column].Length == 0 ? null : Decimal(column);

    /// <summary>An ISO date (yyyy-MM-dd); throws naming the field otherwise.</summary>
    public DateOnly Date(string column)
    {
        var text = this[column];
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Error(column, $"'{text}' is not a date: expected yyyy-MM-dd");
    }

    /// <summary>A product code; throws naming the field otherwise.</summary>
    public Core.Tariffs.ProductCode Code(string column)
    {
        var parsed = Core.Tariffs.ProductCode.Parse(this[column]);
        return parsed.TryGetValue(out var code) ? code : throw Error(column, parsed.Error!);
    }

    /// <summary>Builds an exception for <paramref name="column"/> of this row.</summary>
    public SourceException Error(string? column, string problem) => new(File, Line, column, problem);
}
