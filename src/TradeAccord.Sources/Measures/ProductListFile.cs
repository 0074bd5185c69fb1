namespace TradeAccord.Sources.Measures;

/// <summary>
/// A product list of <c>data/us/lists/</c> as read once per load: a CSV file with a header (lines starting with
/// <c>#</c> before or between rows are comments), or a <c>.txt</c> file with one code per line and no header.
/// </summary>
/// <remarks>
/// Only the field splitting is done here; which column holds codes and which rows count is the coverage block's
/// business (<see cref="ProductListCoverage"/>), so one file serves every measure that names it.
/// </remarks>
public sealed class ProductListFile
{
    /// <summary>The column name a <c>.txt</c> list's single column answers to.</summary>
    public const string TextColumn = "code";

    private readonly Dictionary<string, int> _columns;

    private ProductListFile(string displayName, IReadOnlyList<string> header, IReadOnlyList<(int Line, string[] Fields)> rows)
    {
        DisplayName = displayName;
        Header = header;
        Rows = rows;
        _columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            _columns.TryAdd(header[i], i);
        }
    }

    /// <summary>How errors name the file (e.g. <c>us/lists/s301_product_lists.csv</c>).</summary>
    public string DisplayName { get; }

    /// <summary>The column names in file order.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The data rows with their 1-based line numbers, comments and blank lines left out.</summary>
    public IReadOnlyList<(int Line, string[] Fields)> Rows { get; }

    /// <summary>The index of <paramref name="column"/>, or -1 when the file has no such column.</summary>
    public int ColumnIndex(string column) => _columns.GetValueOrDefault(column, -1);

    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="SourceException">The file cannot be read, has no header, or a row's field count differs from the header's: every such row is named.</exception>
    public static ProductListFile Read(string path, string displayName)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceException(displayName, 0, null, $"cannot be read: {e.Message}", e);
        }

        var isText = path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);
        string[]? header = isText ? [TextColumn] : null;
        var rows = new List<(int, string[])>();
        var problems = new List<SourceProblem>();
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].TrimStart('\uFEFF');
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var fields = isText ? [text.Trim()] : Split(text);
            if (header is null)
            {
                header = fields;
            }
            else if (fields.Length != header.Length)
            {
                problems.Add(new SourceProblem(displayName, i + 1, null, $"has {fields.Length} fields: expected {header.Length} as in the header"));
            }
            else
            {
                rows.Add((i + 1, fields));
            }
        }

        if (header is null)
        {
            problems.Add(new SourceProblem(displayName, 1, null, "is empty: expected a header line naming the columns"));
        }

        return problems.Count > 0 ? throw new SourceException(problems) : new ProductListFile(displayName, header!, rows);
    }

    // Comma-separated fields, double quotes around a field allowed ("" inside is one quote); no field spans lines.
    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString().Trim());
        return [.. fields];
    }
}
