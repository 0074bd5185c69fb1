using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TradeAccord.Sources.Compiled;

/// <summary>
/// Numbers of type <typeparamref name="T"/> read in place from a slice of a byte array: a stored schedule's line
/// arrays are used where they lie in the file's bytes, not copied out of them (close to a million lines at each start).
/// </summary>
/// <remarks>The slices are 8-byte aligned within the file, as the writer pads them. Nothing in the schedule pins them.</remarks>
internal sealed class ByteSliceMemory<T> : MemoryManager<T>
    where T : unmanaged
{
    private readonly byte[] _bytes;
    private readonly int _offset;
    private readonly int _length;

    public ByteSliceMemory(byte[] bytes, int offset, int length)
    {
        _bytes = bytes;
        _offset = offset;
        _length = length;
    }

    public override Span<T> GetSpan() => MemoryMarshal.Cast<byte, T>(_bytes.AsSpan(_offset, _length * Unsafe.SizeOf<T>()));

    public override MemoryHandle Pin(int elementIndex = 0) =>
        throw new NotSupportedException("a stored schedule's lines are read in place and never pinned");

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }
}
