namespace TradeAccord.Sources;

/// <summary>
/// A small thread-safe cache that keeps at most <c>capacity</c> values, dropping the least recently used: for values
/// keyed by content that users can vary without end. Callers asking for the same key at once share one making.
/// </summary>
/// <typeparam name="TKey">The key (a content hash).</typeparam>
/// <typeparam name="TValue">The value.</typeparam>
public sealed class BoundedCache<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly LinkedList<(TKey Key, Lazy<TValue> Value)> _order = new();
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, Lazy<TValue> Value)>> _nodes = [];
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

    /// <summary>The value for <paramref name="key"/>, made once by <paramref name="make"/> (outside the lock) when absent.</summary>
    public TValue GetOrAdd(TKey key, Func<TValue> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        Lazy<TValue> lazy;
        lock (_lock)
        {
            if (_nodes.TryGetValue(key, out var found))
            {
                _order.Remove(found);
                _order.AddFirst(found);
                lazy = found.Value.Value;
            }
            else
            {
                lazy = new Lazy<TValue>(make, LazyThreadSafetyMode.ExecutionAndPublication);
                _nodes[key] = _order.AddFirst((key, lazy));
                while (_nodes.Count > capacity && _order.Last is { } oldest)
                {
                    _order.RemoveLast();
                    _nodes.Remove(oldest.Value.Key);
                }
            }
        }

        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed making is not kept: the next caller tries again.
            lock (_lock)
            {
                if (_nodes.TryGetValue(key, out var node) && ReferenceEquals(node.Value.Value, lazy))
                {
                    _order.Remove(node);
                    _nodes.Remove(key);
                }
            }

            throw;
        }
    }
}
