using System.Globalization;
using TradeAccord.Sources.Csv;

namespace TradeAccord.Sources.Impact;

/// <summary>Where a product's elasticity came from.</summary>
public enum ElasticitySource
{
    /// <summary>An estimate for its own HS6 code.</summary>
    Hs6,

    /// <summary>The mean of the estimates in its HS4 heading.</summary>
    Hs4Mean,

    /// <summary>The mean of the estimates in its chapter.</summary>
    ChapterMean,

    /// <summary>The median of all shipped estimates (the documented default).</summary>
    Median,
}

/// <summary>
/// Product elasticities joined by HS6 code through a documented concordance: the product's own HS6 estimate; else
/// the mean over its HS4 heading; else over its chapter; else the median of all estimates. The shipped estimates use
/// HS6 codes of earlier vintages than today's trade data, so a code renamed since falls to the heading or chapter
/// mean rather than to nothing. Estimates outside [0.05, 10] are treated as missing (a few are far outside any
/// plausible range).
/// </summary>
public sealed class Elasticities
{
    private const double Lowest = 0.05;
    private const double Highest = 10;
    private readonly Dictionary<string, double> _hs6;
    private readonly Dictionary<string, double> _hs4;
    private readonly Dictionary<string, double> _hs2;

    private Elasticities(string source, Dictionary<string, double> hs6)
    {
        Source = source;
        _hs6 = hs6;
        _hs4 = hs6.GroupBy(kv => kv.Key[..4]).ToDictionary(g => g.Key, g => g.Average(kv => kv.Value));
        _hs2 = hs6.GroupBy(kv => kv.Key[..2]).ToDictionary(g => g.Key, g => g.Average(kv => kv.Value));
        var sorted = hs6.Values.Order().ToList();
        Median = sorted.Count == 0 ? 1.0 : sorted[sorted.Count / 2];
    }

    /// <summary>The file and column the estimates come from.</summary>
    public string Source { get; }

    /// <summary>The default: the median estimate.</summary>
    public double Median { get; }

    /// <summary>The number of HS6 codes with an estimate.</summary>
    public int Count => _hs6.Count;

    /// <summary>Reads <paramref name="column"/> of an HS6 file (column <paramref name="codeColumn"/>); negative estimates count by their size.</summary>
    /// <exception cref="SourceException">The file is unreadable or malformed.</exception>
    public static Elasticities Read(string path, string displayName, string codeColumn, string column)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in CsvTable.Read(path, displayName, codeColumn, column))
        {
            var code = row[codeColumn];
            if (code.Length != 6 || !code.All(char.IsAsciiDigit))
            {
                throw row.Error(codeColumn, $"'{code}' is not an HS6 code: expected six digits");
            }

            var text = row[column];
            if (text.Length == 0)
            {
                continue;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
            {
                throw row.Error(column, $"'{text}' is not a number");
            }

            value = Math.Abs(value);
            if (value is >= Lowest and <= Highest)
            {
                values[code] = value;
            }
        }

        return new Elasticities($"{displayName} ({column})", values);
    }

    /// <summary>The elasticity for a product code (at least six digits) and where it came from.</summary>
    public (double Value, ElasticitySource From) For(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length >= 6 && _hs6.TryGetValue(code[..6], out var own))
        {
            return (own, ElasticitySource.Hs6);
        }

        if (code.Length >= 4 && _hs4.TryGetValue(code[..4], out var heading))
        {
            return (heading, ElasticitySource.Hs4Mean);
        }

        return code.Length >= 2 && _hs2.TryGetValue(code[..2], out var chapter) ? (chapter, ElasticitySource.ChapterMean) : (Median, ElasticitySource.Median);
    }
}
