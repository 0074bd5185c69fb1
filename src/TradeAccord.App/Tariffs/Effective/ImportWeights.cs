using System.Collections.Concurrent;
using System.IO.Compression;
using nietras.SeparatedValues;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources;

namespace TradeAccord.App.Tariffs.Effective;

/// <summary>One partner's 2024 imports by HTS10 line: the weights of its effective rate.</summary>
/// <param name="Partner">The partner.</param>
/// <param name="Lines">The lines, in file order.</param>
/// <param name="Values">Imports for consumption in USD, one per line.</param>
public sealed record PartnerImports(CensusPartner Partner, ProductCode[] Lines, decimal[] Values);

/// <summary>US imports for consumption in 2024 by HTS10 line and partner (Census), read once per data folder.</summary>
public sealed class ImportWeights
{
    /// <summary>The imports file, relative to the data folder.</summary>
    public const string File = "trade/us_imports_2024/us_imports_for_consumption_2024_hs10_by_country.csv.gz";

    /// <summary>How the figures are described in output.</summary>
    public const string Description = "US imports for consumption, 2024, by HTS10 line and partner (Census)";

    private static readonly ConcurrentDictionary<string, Lazy<ImportWeights>> Cache = new(StringComparer.Ordinal);

    private ImportWeights(IReadOnlyList<PartnerImports> partners) => Partners = partners;

    /// <summary>Every partner of the file, in file order.</summary>
    public IReadOnlyList<PartnerImports> Partners { get; }

    /// <summary>The partner a request names: an ISO code, or <c>EU</c> for the aggregate; null when the file has none.</summary>
    public PartnerImports? Find(string word) =>
        Partners.FirstOrDefault(p => string.Equals(p.Partner.Word, word, StringComparison.OrdinalIgnoreCase));

    /// <summary>The words requests may name partners by, in file order.</summary>
    public IEnumerable<string> Words => Partners.Select(p => p.Partner.Word);

    /// <summary>The built-in weights of the data folder <paramref name="data"/>, read on first use.</summary>
    /// <exception cref="SourceException">A file is missing or malformed.</exception>
    public static ImportWeights BuiltIn(string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var lazy = Cache.GetOrAdd(data, d => new Lazy<ImportWeights>(() =>
            Read(Path.Combine(d, File), File, CensusPartner.Read(Path.Combine(d, CensusPartner.File)))));
        try
        {
            return lazy.Value;
        }
        catch (SourceException)
        {
            // A broken file is reported again on the next request rather than cached as broken for the process.
            Cache.TryRemove(new KeyValuePair<string, Lazy<ImportWeights>>(data, lazy));
            throw;
        }
    }

    /// <summary>
    /// Reads an imports file (<c>census_country_code,country,hts10,imports_for_consumption_usd</c>; gzip when it ends in .gz).
    /// </summary>
    /// <exception cref="SourceException">The file is missing, or a row is malformed: the file, line and field are named.</exception>
    public static ImportWeights Read(string path, string displayName, IReadOnlyDictionary<string, CensusPartner> partners)
    {
        ArgumentNullException.ThrowIfNull(partners);
        try
        {
            using var stream = System.IO.File.OpenRead(path);
            using var text = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
                ? new StreamReader(new GZipStream(stream, CompressionMode.Decompress))
                : new StreamReader(stream);
            return new ImportWeights(ReadRows(text, displayName, partners));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new SourceException(displayName, 0, null, $"cannot be read: {e.Message}", e);
        }
    }

    private static List<PartnerImports> ReadRows(TextReader text, string file, IReadOnlyDictionary<string, CensusPartner> partners)
    {
        string[] columns = ["census_country_code", "hts10", "imports_for_consumption_usd"];
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(text);
        var names = reader.Header.ColNames.Select(n => n.Trim().TrimStart('\uFEFF')).ToList();
        var missing = columns.Where(c => !names.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            throw new SourceException(file, 1, null, $"missing column(s) {string.Join(", ", missing)}: expected a header with {string.Join(", ", columns)}");
        }

        var at = columns.Select(c => names.FindIndex(n => string.Equals(n, c, StringComparison.OrdinalIgnoreCase))).ToArray();
        var rows = new Dictionary<string, (List<ProductCode> Lines, List<decimal> Values)>(StringComparer.Ordinal);
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (row.ColCount != names.Count)
            {
                throw new SourceException(file, line, null, $"has {row.ColCount} fields: expected {names.Count} as in the header");
            }

            var census = row[at[0]].ToString().Trim();
            if (!partners.ContainsKey(census))
            {
                throw new SourceException(file, line, columns[0], $"'{census}' is not a Census country code of {CensusPartner.File}: expected one of its 4-digit codes");
            }

            var hts = row[at[1]].ToString().Trim();
            var parsed = ProductCode.Parse(hts);
            if (!parsed.TryGetValue(out var code) || code.DigitCount != 10)
            {
                throw new SourceException(file, line, columns[1], $"'{hts}' is not an HTS10 line: expected 10 digits");
            }

            var valueText = row[at[2]].ToString().Trim();
            if (!decimal.TryParse(valueText, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < 0)
            {
                throw new SourceException(file, line, columns[2], $"'{valueText}' is not an amount: expected USD of zero or more");
            }

            if (!rows.TryGetValue(census, out var list))
            {
                rows[census] = list = ([], []);
            }

            list.Lines.Add(code);
            list.Values.Add(value);
        }

        return [.. rows.Select(kv => new PartnerImports(partners[kv.Key], [.. kv.Value.Lines], [.. kv.Value.Values]))];
    }
}
