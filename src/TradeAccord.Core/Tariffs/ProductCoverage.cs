namespace TradeAccord.Core.Tariffs;

/// <summary>
/// The product lines a measure covers, at any level of the hierarchy, each with its own rate when the rate
/// differs by line (MFN, China's retaliation lists) or null when the measure's rate applies.
/// </summary>
/// <remarks>
/// A line is covered when it or any of its ancestors is listed. A listed line with a null rate inherits from
/// its nearest listed ancestor that has one, else from the measure. Shared between measures (a rate change
/// splits a measure in two but keeps one coverage).
/// <para>
/// Stored as two parallel arrays sorted by <see cref="ProductCode.SortKey"/> rather than a dictionary of codes: the
/// schedule holds close to a million listed lines, and arrays of numbers are what the compiled schedule file holds,
/// so loading one is a copy, not a million insertions. The lines below a code follow it in this order.
/// </para>
/// </remarks>
public sealed class ProductCoverage
{
    private readonly ReadOnlyMemory<long> _keys;
    private readonly ReadOnlyMemory<int> _rateAt;
    private readonly DutyRate[] _rateTable;
    private ProductCoverage? _withoutRates;

    /// <summary>Creates a coverage from its lines.</summary>
    public ProductCoverage(string id, IReadOnlyDictionary<ProductCode, DutyRate?> lines)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(lines);
        Id = id;
        var keys = new long[lines.Count];
        var rates = new DutyRate?[lines.Count];
        var i = 0;
        foreach (var (line, rate) in lines)
        {
            keys[i] = line.SortKey;
            rates[i++] = rate;
        }

        Array.Sort(keys, rates);
        var table = new List<DutyRate>();
        var positions = new Dictionary<DutyRate, int>(ReferenceEqualityComparer.Instance);
        var rateAt = new int[rates.Length];
        for (i = 0; i < rates.Length; i++)
        {
            if (rates[i] is not { } rate)
            {
                rateAt[i] = -1;
            }
            else if (!positions.TryGetValue(rate, out rateAt[i]))
            {
                rateAt[i] = positions[rate] = table.Count;
                table.Add(rate);
            }
        }

        _keys = keys;
        _rateAt = rateAt;
        _rateTable = [.. table];
        HasLineRates = table.Count > 0;
    }

    private ProductCoverage(string id, ReadOnlyMemory<long> keys, ReadOnlyMemory<int> rateAt, DutyRate[] rateTable, bool hasLineRates)
    {
        Id = id;
        _keys = keys;
        _rateAt = rateAt;
        _rateTable = rateTable;
        HasLineRates = hasLineRates;
    }

    /// <summary>
    /// Creates a coverage from lines already in <see cref="ProductCode.SortKey"/> order, as a stored schedule holds them
    /// (the memory may be a slice of the stored file: it is read in place, not copied).
    /// </summary>
    /// <param name="id">The coverage's id.</param>
    /// <param name="sortKeys">The lines' sort keys, strictly ascending.</param>
    /// <param name="rateAt">Per line, the position of its own rate in <paramref name="rateTable"/>, or −1 for none.</param>
    /// <param name="rateTable">The rates lines refer to.</param>
    /// <exception cref="ArgumentException">The lengths differ, the keys are not strictly ascending, or a line names no rate of the table.</exception>
    public static ProductCoverage FromSorted(string id, ReadOnlyMemory<long> sortKeys, ReadOnlyMemory<int> rateAt, DutyRate[] rateTable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(rateTable);
        if (sortKeys.Length != rateAt.Length)
        {
            throw new ArgumentException($"coverage '{id}' has {sortKeys.Length} lines but {rateAt.Length} rates");
        }

        var keys = sortKeys.Span;
        var rates = rateAt.Span;
        var hasLineRates = false;
        for (var i = 0; i < keys.Length; i++)
        {
            if ((i > 0 && keys[i] <= keys[i - 1]) || !ProductCode.IsValidSortKey(keys[i]))
            {
                throw new ArgumentException($"coverage '{id}': line {i} is not a code after line {i - 1} in sort-key order");
            }

            if (rates[i] < -1 || rates[i] >= rateTable.Length)
            {
                throw new ArgumentException($"coverage '{id}': line {i} names rate {rates[i]} of {rateTable.Length}");
            }

            hasLineRates |= rates[i] >= 0;
        }

        return new ProductCoverage(id, sortKeys, rateAt, rateTable, hasLineRates);
    }

    /// <summary>Whether any listed line carries a rate of its own.</summary>
    public bool HasLineRates { get; }

    /// <summary>
    /// The same lines without their own rates, so a measure's single rate applies to all of them: what a scenario
    /// means when it sets one rate on goods whose lines had rates of their own (China's lists, the HTS).
    /// </summary>
    public ProductCoverage WithoutRates() =>
        !HasLineRates ? this : _withoutRates ??= new ProductCoverage(Id + "-one-rate", _keys, NoRates(_keys.Length), [], false);

    private static int[] NoRates(int count)
    {
        var none = new int[count];
        Array.Fill(none, -1);
        return none;
    }

    /// <summary>Identifies the coverage in diagnostics and exports.</summary>
    public string Id { get; }

    /// <summary>Number of listed lines.</summary>
    public int Count => _keys.Length;

    /// <summary>The listed lines, in code order.</summary>
    public IEnumerable<ProductCode> Lines
    {
        get
        {
            for (var i = 0; i < _keys.Length; i++)
            {
                yield return ProductCode.FromSortKey(_keys.Span[i]);
            }
        }
    }

    /// <summary>The listed lines with their own rates (null = inherit), in code order.</summary>
    public IEnumerable<KeyValuePair<ProductCode, DutyRate?>> Entries
    {
        get
        {
            for (var i = 0; i < _keys.Length; i++)
            {
                yield return KeyValuePair.Create(ProductCode.FromSortKey(_keys.Span[i]), RateAt(i));
            }
        }
    }

    /// <summary>The listed lines' sort keys, ascending (what a stored schedule writes).</summary>
    public ReadOnlySpan<long> SortKeys => _keys.Span;

    /// <summary>Per line, the position of its own rate in <see cref="RateTable"/>, or −1 (what a stored schedule writes).</summary>
    public ReadOnlySpan<int> RatePositions => _rateAt.Span;

    /// <summary>The distinct rates the lines carry.</summary>
    public IReadOnlyList<DutyRate> RateTable => _rateTable;

    /// <summary>Whether exactly this line is listed.</summary>
    public bool Lists(ProductCode line) => _keys.Span.BinarySearch(line.SortKey) >= 0;

    /// <summary>Whether <paramref name="line"/> or an ancestor is listed.</summary>
    public bool Covers(ProductCode line) => line.SelfAndAncestors().Any(Lists);

    /// <summary>
    /// The rate the coverage gives <paramref name="line"/>: the nearest listed line (itself first) that has a rate,
    /// or null when the line is covered but the listed lines carry no rate of their own.
    /// </summary>
    public DutyRate? RateFor(ProductCode line)
    {
        foreach (var code in line.SelfAndAncestors())
        {
            var at = _keys.Span.BinarySearch(code.SortKey);
            if (at >= 0 && RateAt(at) is { } rate)
            {
                return rate;
            }
        }

        return null;
    }

    /// <summary>The listed lines strictly below <paramref name="code"/>, in code order.</summary>
    public IReadOnlyList<ProductCode> LinesBelow(ProductCode code)
    {
        var keys = _keys.Span;
        var key = code.SortKey;
        var result = new List<ProductCode>();
        for (var i = FirstAfter(keys, key); i < keys.Length && ProductCode.IsWithin(keys[i], key); i++)
        {
            result.Add(ProductCode.FromSortKey(keys[i]));
        }

        return result;
    }

    /// <summary>Whether any listed line lies strictly below <paramref name="code"/>.</summary>
    public bool HasLinesBelow(ProductCode code)
    {
        var keys = _keys.Span;
        var key = code.SortKey;
        var start = FirstAfter(keys, key);
        return start < keys.Length && ProductCode.IsWithin(keys[start], key);
    }

    private DutyRate? RateAt(int index) => _rateAt.Span[index] is var at and >= 0 ? _rateTable[at] : null;

    private static int FirstAfter(ReadOnlySpan<long> keys, long key)
    {
        var at = keys.BinarySearch(key);
        return at < 0 ? ~at : at + 1;
    }
}
