using TradeAccord.Core.Tariffs;

namespace TradeAccord.Sources.Measures;

/// <summary>
/// Coverage taken from a product list of <c>data/us/lists/</c>:
/// <c>coverage: { list: s301_product_lists.csv, column: hts8, where: { list: "4A" } }</c>. Each listed code is a
/// prefix (2–10 digits), so a line is covered when it or an ancestor is listed.
/// </summary>
/// <remarks>
/// Each file is read once per load and each distinct (file, column, filter) resolved once, so the measures that share
/// a list share one <see cref="ProductCoverage"/>.
/// </remarks>
public sealed class ProductListCoverage
{
    private readonly string _directory;

    // How the folder is named in messages and source names ("us/lists/"), relative to the data folder.
    private readonly string _folder;
    private readonly Dictionary<string, ProductListFile> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProductCoverage> _resolved = new(StringComparer.Ordinal);

    /// <summary>Reads lists from <paramref name="directory"/> (the data folder's <c>us/lists</c>).</summary>
    /// <param name="directory">The folder of the lists.</param>
    /// <param name="folderName">The folder as named in messages, relative to the data folder, ending in a slash.</param>
    public ProductListCoverage(string directory, string folderName = "us/lists/")
    {
        _directory = directory;
        _folder = folderName;
    }

    /// <summary>Resolves a <c>list</c> coverage block.</summary>
    /// <exception cref="SourceException">The block or the list file is malformed: every problem found is named.</exception>
    public ProductCoverage Resolve(YamlMap block)
    {
        var name = block.String("list");
        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name.StartsWith('.'))
        {
            // Lists are named, never reached by path: a block cannot read a file outside the lists folder.
            throw block.Error("list", block.LineOf("list"), $"'{name}' is not a list name: expected a file name of {_folder}, e.g. s301_product_lists.csv");
        }

        var file = File(block, name);
        var column = block.OptionalString("column") ?? (file.Header is [var only] ? only : null);
        var problems = new List<SourceProblem>();
        if (column is null)
        {
            problems.Add(Problem(block, "column", $"is required: {name} has columns {string.Join(", ", file.Header)}"));
        }
        else if (file.ColumnIndex(column) < 0)
        {
            problems.Add(Problem(block, "column", $"'{column}' is not a column of {name}: expected one of {string.Join(", ", file.Header)}"));
        }

        var filters = Filters(block, file, problems);
        if (problems.Count > 0)
        {
            throw new SourceException(problems);
        }

        var key = $"{name}:{column}[{string.Join(";", filters.Select(f => $"{f.Column}={string.Join("|", f.Values)}"))}]";
        if (!_resolved.TryGetValue(key, out var coverage))
        {
            _resolved[key] = coverage = Lines(file, column!, filters, key)
                ?? throw block.Error("where", block.LineOf("where"), $"no row of {name} matches: the coverage would be empty");
        }

        return coverage;
    }

    private ProductListFile File(YamlMap block, string name)
    {
        if (!_files.TryGetValue(name, out var file))
        {
            var path = Path.Combine(_directory, name);
            if (!System.IO.File.Exists(path))
            {
                var known = Directory.Exists(_directory)
                    ? string.Join(", ", Directory.EnumerateFiles(_directory).Select(Path.GetFileName).Order(StringComparer.Ordinal))
                    : "none";
                throw block.Error("list", block.LineOf("list"), $"no list '{name}' in {_folder}: expected one of {known}");
            }

            _files[name] = file = ProductListFile.Read(path, _folder + name);
        }

        return file;
    }

    private static List<(string Column, HashSet<string> Values)> Filters(YamlMap block, ProductListFile file, List<SourceProblem> problems)
    {
        var filters = new List<(string, HashSet<string>)>();
        YamlMap? where;
        try
        {
            where = block.OptionalMap("where");
        }
        catch (SourceException e)
        {
            problems.AddRange(e.Problems);
            return filters;
        }

        foreach (var column in where?.Keys ?? [])
        {
            if (file.ColumnIndex(column) < 0)
            {
                problems.Add(Problem(where!, column, $"'{column}' is not a column of {file.DisplayName}: expected one of {string.Join(", ", file.Header)}"));
                continue;
            }

            var values = where!.List(column);
            if (values.Count == 0)
            {
                problems.Add(Problem(where, column, "expected a value or a list of values the column must hold"));
                continue;
            }

            filters.Add((column, values.ToHashSet(StringComparer.Ordinal)));
        }

        // Sorted so the same filter written in another order shares the resolved coverage.
        filters.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        return filters;
    }

    private static ProductCoverage? Lines(ProductListFile file, string column, List<(string Column, HashSet<string> Values)> filters, string key)
    {
        var codeIndex = file.ColumnIndex(column);
        var filterIndexes = filters.Select(f => (Index: file.ColumnIndex(f.Column), f.Values)).ToArray();
        var lines = new Dictionary<ProductCode, DutyRate?>();
        var problems = new List<SourceProblem>();
        foreach (var (line, fields) in file.Rows)
        {
            if (!filterIndexes.All(f => f.Values.Contains(fields[f.Index])))
            {
                continue;
            }

            var parsed = ProductCode.Parse(fields[codeIndex]);
            if (parsed.TryGetValue(out var code))
            {
                lines[code] = null;
            }
            else
            {
                problems.Add(new SourceProblem(file.DisplayName, line, column, parsed.Error!));
            }
        }

        if (problems.Count > 0)
        {
            throw new SourceException(problems);
        }

        return lines.Count > 0 ? new ProductCoverage(key, lines) : null;
    }

    private static SourceProblem Problem(YamlMap map, string key, string problem) => new(map.File, map.LineOf(key), key, problem);
}
