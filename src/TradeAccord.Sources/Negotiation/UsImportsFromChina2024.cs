using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using nietras.SeparatedValues;

namespace TradeAccord.Sources.Negotiation;

/// <summary>
/// US imports for consumption from China in 2024 by HTS10 line (Census), the base trade of derived values on the
/// 2025-2026 tariffs: the only product detail of US imports after 2017 in the data.
/// </summary>
internal static class UsImportsFromChina2024
{
    /// <summary>The file, relative to the data folder.</summary>
    public const string File = "trade/us_imports_2024/us_imports_for_consumption_2024_hs10_by_country.csv.gz";

    /// <summary>The year of its figures.</summary>
    public const int Year = 2024;

    // China's Census country code in the file (census_country_codes.csv).
    private const string China = "5700";

    // The deriver runs once per party and issue: the file (1.5 MB compressed) is read once per data folder.
    private static readonly ConcurrentDictionary<string, Lazy<IReadOnlyList<(string Code, decimal Value)>>> Cache = new(StringComparer.Ordinal);

    /// <summary>China's lines, in file order, from the data folder <paramref name="data"/>.</summary>
    /// <exception cref="SourceException">The file is missing or a China row is malformed.</exception>
    public static IReadOnlyList<(string Code, decimal Value)> Read(string data)
    {
        var lazy = Cache.GetOrAdd(data, d => new Lazy<IReadOnlyList<(string Code, decimal Value)>>(() => ReadFile(Path.Combine(d, File))));
        try
        {
            return lazy.Value;
        }
        catch (SourceException)
        {
            // A broken file is reported again on the next read rather than cached as broken.
            Cache.TryRemove(new KeyValuePair<string, Lazy<IReadOnlyList<(string Code, decimal Value)>>>(data, lazy));
            throw;
        }
    }

    private static List<(string Code, decimal Value)> ReadFile(string path)
    {
        try
        {
            using var text = new StreamReader(new GZipStream(System.IO.File.OpenRead(path), CompressionMode.Decompress));
            using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).From(text);
            var lines = new List<(string Code, decimal Value)>();
            foreach (var row in reader)
            {
                if (row["census_country_code"].ToString() != China)
                {
                    continue;
                }

                var code = row["hts10"].ToString();
                var valueText = row["imports_for_consumption_usd"].ToString();
                lines.Add(code.Length == 10 && code.All(char.IsAsciiDigit)
                    && decimal.TryParse(valueText, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) && value >= 0
                    ? (code, value)
                    : throw new SourceException(File, row.LineNumberFrom, "hts10", $"'{code}', '{valueText}' is not a line and an amount: expected 10 digits and USD of zero or more"));
            }

            return lines;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or KeyNotFoundException)
        {
            throw new SourceException(File, 0, null, $"cannot be read: {e.Message}", e);
        }
    }
}
