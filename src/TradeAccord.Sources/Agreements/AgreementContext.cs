using System.Collections.Concurrent;
using TradeAccord.Core.Agreements;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Sources.Agreements;

/// <summary>
/// What an agreement file is checked against: the tariff engine's measures (obligations name them) and the data
/// folder (purchase commitments name product mappings in it).
/// </summary>
public sealed class AgreementContext
{
    private readonly ConcurrentDictionary<string, Lazy<ProductMapping?>> _mappings = new(StringComparer.Ordinal);
    private readonly Lazy<HashSet<string>> _dataFiles;

    /// <summary>Creates the context.</summary>
    /// <param name="measures">The measures as recorded.</param>
    /// <param name="dataRoot">The data folder.</param>
    public AgreementContext(MeasureSet measures, string dataRoot)
    {
        Measures = measures;
        DataRoot = dataRoot;
        MeasuresById = measures.Measures.GroupBy(m => m.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _dataFiles = new Lazy<HashSet<string>>(() => Directory.Exists(dataRoot)
            ? Directory.EnumerateFiles(dataRoot, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(dataRoot, f).Replace('\\', '/')).ToHashSet(StringComparer.Ordinal)
            : []);
    }

    /// <summary>The measures as recorded.</summary>
    public MeasureSet Measures { get; }

    /// <summary>The measures by id.</summary>
    public IReadOnlyDictionary<string, Measure> MeasuresById { get; }

    /// <summary>The data folder.</summary>
    public string DataRoot { get; }

    /// <summary>
    /// Whether <paramref name="relativePath"/> names a file of the data folder. The name is compared with the folder's
    /// listing, never joined to a path first: a document (one posted to the server among them) can name only the
    /// data's own files, and learns nothing about any other path.
    /// </summary>
    public bool IsDataFile(string relativePath) => _dataFiles.Value.Contains(relativePath);

    /// <summary>The product mapping at <paramref name="relativePath"/> under data/, or null when the data have no such file.</summary>
    /// <exception cref="SourceException">The file exists but is malformed.</exception>
    public ProductMapping? Products(string relativePath)
    {
        if (!IsDataFile(relativePath))
        {
            return null;
        }

        var lazy = _mappings.GetOrAdd(relativePath, p => new Lazy<ProductMapping?>(() =>
        {
            var full = Path.Combine(DataRoot, p);
            return File.Exists(full) ? AnnexProductsReader.Read(full, p) : null;
        }));
        return lazy.Value;
    }
}
