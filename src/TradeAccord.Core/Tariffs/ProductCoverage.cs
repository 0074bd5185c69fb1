namespace TradeAccord.Core.Tariffs;

/// <summary>
/// The product lines a measure covers, at any level of the hierarchy, each with its own rate when the rate
/// differs by line (MFN, China's retaliation lists) or null when the measure's rate applies.
/// </summary>
/// <remarks>
/// A line is covered when it or any of its ancestors is listed. A listed line with a null rate inherits from
/// its nearest listed ancestor that has one, else from the measure. Shared between measures (a rate change
/// splits a measure in two but keeps one coverage).
/// </remarks>
public sealed class ProductCoverage
{
    private readonly Dictionary<ProductCode, DutyRate?> _lines;
    private ProductCoverage? _withoutRates;

    /// <summary>Creates a coverage from its lines.</summary>
    public ProductCoverage(string id, IReadOnlyDictionary<ProductCode, DutyRate?> lines)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        _lines = new Dictionary<ProductCode, DutyRate?>(lines);
        HasLineRates = _lines.Values.Any(r => r is not null);
    }

    /// <summary>Whether any listed line carries a rate of its own.</summary>
    public bool HasLineRates { get; }

    /// <summary>
    /// The same lines without their own rates, so a measure's single rate applies to all of them: what a scenario
    /// means when it sets one rate on goods whose lines had rates of their own (China's lists, the HTS).
    /// </summary>
    public ProductCoverage WithoutRates() =>
        !HasLineRates ? this : _withoutRates ??= new ProductCoverage(Id + "-one-rate", _lines.Keys.ToDictionary(l => l, _ => (DutyRate?)null));

    /// <summary>Identifies the coverage in diagnostics and exports.</summary>
    public string Id { get; }

    /// <summary>Number of listed lines.</summary>
    public int Count => _lines.Count;

    /// <summary>The listed lines.</summary>
    public IEnumerable<ProductCode> Lines => _lines.Keys;

    /// <summary>The listed lines with their own rates (null = inherit).</summary>
    public IEnumerable<KeyValuePair<ProductCode, DutyRate?>> Entries => _lines;

    /// <summary>Whether exactly this line is listed.</summary>
    public bool Lists(ProductCode line) => _lines.ContainsKey(line);

    /// <summary>Whether <paramref name="line"/> or an ancestor is listed.</summary>
    public bool Covers(ProductCode line) => line.SelfAndAncestors().Any(_lines.ContainsKey);

    /// <summary>
    /// The rate the coverage gives <paramref name="line"/>: the nearest listed line (itself first) that has a rate,
    /// or null when the line is covered but the listed lines carry no rate of their own.
    /// </summary>
    public DutyRate? RateFor(ProductCode line)
    {
        foreach (var code in line.SelfAndAncestors())
        {
            if (_lines.TryGetValue(code, out var rate) && rate is not null)
            {
                return rate;
            }
        }

        return null;
    }
}
