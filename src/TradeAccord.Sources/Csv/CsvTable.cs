using nietras.SeparatedValues;

namespace TradeAccord.Sources.Csv;

/// <summary>
/// Reads a CSV file with a header into rows of strings, checking that the named columns exist (case-insensitive,
/// any order) and that every row has as many fields as the header. Errors name the file and line.
/// </summary>
public static class CsvTable
{
    /// <summary>Reads every row of <paramref name="path"/>, keeping the <paramref name="required"/> columns.</summary>
    /// <param name="path">The file.</param>
    /// <param name="displayName">How the file is named in errors.</param>
    /// <param name="required">Columns that must be present; the only ones a row's accessors return.</param>
    /// <exception cref="SourceException">The file is missing, unreadable or malformed.</exception>
    public static IEnumerable<CsvRow> Read(string path, string displayName, params string[] required) => Read(path, displayName, required, []);

    /// <summary>Reads every row, keeping the <paramref name="required"/> columns and those of <paramref name="optional"/> present.</summary>
    /// <exception cref="SourceException">The file is missing, unreadable or malformed.</exception>
    public static IEnumerable<CsvRow> Read(string path, string displayName, string[] required, string[] optional)
    {
        SepReader reader;
        try
        {
            reader = Open(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceException(displayName, 0, null, $"cannot be read: {e.Message}", e);
        }

        return ReadRows(reader, displayName, required, optional);
    }

    // Quotes unescaped; the header (CsvHeader) and the column count checked here rather than by the reader, so
    // errors name the line and the column.
    private static SepReader Open(string path) =>
        Sep.New(',').Reader(o => CsvHeader.Options(o with { Unescape = true, DisableColCountCheck = true })).FromFile(path);

    private static IEnumerable<CsvRow> ReadRows(SepReader reader, string displayName, string[] required, string[] optional)
    {
        using (reader)
        {
            var names = CsvHeader.Read(reader, displayName);
            var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < names.Length; i++)
            {
                index.Add(names[i], i);
            }

            var missing = required.Where(r => !index.ContainsKey(r)).ToList();
            var wanted = required.Concat(optional).Where(index.ContainsKey).Select(r => index[r]).Distinct().ToArray();
            if (missing.Count > 0)
            {
                throw new SourceException(displayName, 1, null,
                    $"missing column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))}: " +
                    $"expected a header with {string.Join(", ", required)}");
            }

            foreach (var row in reader)
            {
                var line = row.LineNumberFrom;
                if (row.ColCount != names.Length)
                {
                    throw new SourceException(displayName, line, null,
                        $"has {row.ColCount} fields: expected {names.Length} as in the header");
                }

                // Only the columns asked for become strings: an HTS row's long description is never read.
                var values = new string[row.ColCount];
                foreach (var column in wanted)
                {
                    values[column] = row[column].ToString();
                }

                yield return new CsvRow(displayName, line, index, values);
            }
        }
    }
}
