namespace TradeAccord.Sources.Compiled;

/// <summary>
/// Numbers distinct objects in the order first seen, by reference: a stored schedule writes each shared rate, origin
/// scope and coverage once, and reading it back shares them again as the compiled schedule did.
/// </summary>
internal sealed class ReferenceTable<T>
    where T : class
{
    private readonly Dictionary<T, int> _positions = new(ReferenceEqualityComparer.Instance);
    private readonly List<T> _items = [];

    /// <summary>The objects, in the order first added.</summary>
    public IReadOnlyList<T> Items => _items;

    /// <summary>Adds <paramref name="item"/> if not yet seen; returns its number.</summary>
    public int Add(T item)
    {
        if (!_positions.TryGetValue(item, out var position))
        {
            position = _items.Count;
            _positions[item] = position;
            _items.Add(item);
        }

        return position;
    }

    /// <summary>The number of an object already added; -1 for null.</summary>
    public int PositionOf(T? item) => item is null ? -1 : _positions[item];
}
