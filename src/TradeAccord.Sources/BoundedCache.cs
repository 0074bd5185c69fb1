namespace TradeAccord.Sources;

/// <summary>
/// A small thread-safe cache that keeps at most <c>capacity</c> values, dropping the least recently used: for values
/// keyed by content that users can vary without end.
/// </summary>
/// <typeparam name="TKey">The key (a content hash).</typeparam>
/// <typeparam name="TValue">The value.</typeparam>
public sealed class BoundedCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly LinkedList<(TKey Key, TValue Value)> _order = new();
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> _nodes = [];
    private readonly Lock _lock = new();

    /// <summary>How many values are kept now.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _nodes.Count;
            }
        }
    }

    /// <summary>The value for <paramref name="key"/>, made by <paramref name="make"/> (outside the lock) when absent.</summary>
    public TValue GetOrAdd(TKey key, Func<TValue> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        lock (_lock)
        {
            if (_nodes.TryGetValue(key, out var found))
            {
                _order.Remove(found);
                _order.AddFirst(found);
                return found.Value.Value;
            }
        }

        // Two callers may make the same value at once; the first stored wins and the other is dropped.
        var value = make();
        lock (_lock)
        {
            if (_nodes.TryGetValue(key, out var raced))
            {
                return raced.Value.Value;
            }

            _nodes[key] = _order.AddFirst((key, value));
            while (_nodes.Count > capacity && _order.Last is { } oldest)
            {
                _order.RemoveLast();
                _nodes.Remove(oldest.Value.Key);
            }

            return value;
        }
    }
}
