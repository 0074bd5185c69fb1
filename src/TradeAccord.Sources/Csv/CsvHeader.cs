using nietras.SeparatedValues;

namespace TradeAccord.Sources.Csv;

/// <summary>
/// Reads a CSV file's header row ourselves rather than through Sep's header, which throws a bare
/// <see cref="ArgumentException"/> on a column named twice: here a repeated name is the file's error, naming line 1
/// and the column.
/// </summary>
public static class CsvHeader
{
    /// <summary>Options for a reader whose first row is read by <see cref="Read"/>.</summary>
    public static SepReaderOptions Options(SepReaderOptions options) => options with { HasHeader = false };

    /// <summary>
    /// The column names of the first row of <paramref name="reader"/> (opened with <see cref="Options"/>), trimmed and
    /// without a byte order mark; empty when the file is empty. The reader is left on the first data row.
    /// </summary>
    /// <exception cref="SourceException">Two columns have the same name (case-insensitive), or none.</exception>
    public static string[] Read(SepReader reader, string displayName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!reader.MoveNext())
        {
            return [];
        }

        var row = reader.Current;
        var names = new string[row.ColCount];
        var first = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = row[i].ToString().Trim().TrimStart('\uFEFF');
            if (first.TryAdd(names[i], i))
            {
                continue;
            }

            var earlier = first[names[i]] + 1;
            throw names[i].Length == 0
                ? new SourceException(displayName, 1, null,
                    $"columns {earlier} and {i + 1} of the header have no name: expected every column named once")
                : new SourceException(displayName, 1, names[i],
                    $"is the name of columns {earlier} and {i + 1} of the header: expected each column once");
        }

        return names;
    }
}
