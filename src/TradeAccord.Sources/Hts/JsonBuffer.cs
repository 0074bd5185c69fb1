namespace TradeAccord.Sources.Hts;

/// <summary>
/// A growing window on a stream for <see cref="System.Text.Json.Utf8JsonReader"/>: the bytes not yet consumed, refilled
/// from the stream on demand, so a 14 MB file is read through a buffer the size of its largest element.
/// </summary>
internal sealed class JsonBuffer(Stream stream)
{
    private byte[] _bytes = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>Whether the stream has ended: the pending bytes are all there is.</summary>
    public bool Final { get; private set; }

    /// <summary>The bytes read but not consumed.</summary>
    public ReadOnlySpan<byte> Pending => _bytes.AsSpan(_start, _end - _start);

    /// <summary>Line breaks in the bytes consumed so far: the 0-based line the pending bytes start on.</summary>
    public int ConsumedLines { get; private set; }

    /// <summary>Marks <paramref name="count"/> pending bytes as consumed.</summary>
    public void Consume(int count)
    {
        ConsumedLines += Pending[..count].Count((byte)'\n');
        _start += count;
    }

    /// <summary>Moves the pending bytes to the front (growing the buffer when they fill it) and reads more after them.</summary>
    public void Refill()
    {
        var pending = _end - _start;
        if (pending == _bytes.Length)
        {
            Array.Resize(ref _bytes, _bytes.Length * 2);
        }
        else if (_start > 0)
        {
            Array.Copy(_bytes, _start, _bytes, 0, pending);
        }

        _start = 0;
        _end = pending;
        var read = stream.Read(_bytes, _end, _bytes.Length - _end);
        _end += read;
        Final = read == 0;
    }
}
