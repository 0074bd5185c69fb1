using System.Globalization;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Sources.Compiled;

/// <summary>
/// Numbers rates by value in the order first seen. The readers make a rate object per line (the HTS prints each
/// line's rate), close to a million in all but fewer than two thousand distinct ones: a stored schedule keeps each
/// distinct rate once and every line refers to it, so reading it back makes a few thousand objects.
/// </summary>
internal sealed class RateTable
{
    private readonly Dictionary<DutyRate, int> _byReference = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> _byValue = new(StringComparer.Ordinal);
    private readonly List<DutyRate> _items = [];

    /// <summary>One rate of each value, in the order first added.</summary>
    public IReadOnlyList<DutyRate> Items => _items;

    /// <summary>Adds <paramref name="rate"/> unless a rate of the same value was added; returns the number of that value.</summary>
    public int Add(DutyRate rate)
    {
        if (_byReference.TryGetValue(rate, out var known))
        {
            return known;
        }

        if (!_byValue.TryGetValue(ValueOf(rate), out var position))
        {
            position = _items.Count;
            _byValue[ValueOf(rate)] = position;
            _items.Add(rate);
        }

        _byReference[rate] = position;
        return position;
    }

    /// <summary>The number of a rate already added; -1 for null.</summary>
    public int PositionOf(DutyRate? rate) => rate is null ? -1 : _byReference[rate];

    // Every field the file stores, decimals with their scale (0.10 and 0.1 stay apart, as the sources wrote them).
    private static string ValueOf(DutyRate rate) => string.Join('\u001f', rate.Text, rate.IsComputable,
        rate.AdValorem.ToString(CultureInfo.InvariantCulture), rate.AdValoremQualifier ?? "\u0000",
        string.Join('\u001e', rate.Specific.Select(p => $"{p.PerUnit.ToString(CultureInfo.InvariantCulture)}\u001d{p.Unit}\u001d{p.Qualifier ?? "\u0000"}")));
}
