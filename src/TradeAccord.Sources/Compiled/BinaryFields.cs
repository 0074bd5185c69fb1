using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TradeAccord.Core.Common;

namespace TradeAccord.Sources.Compiled;

/// <summary>
/// The field encodings of a stored schedule beyond what <see cref="BinaryWriter"/> has: optional values, dates,
/// intervals, string lists, and arrays of numbers written as their bytes (little-endian; the file records that).
/// </summary>
internal static class BinaryFields
{
    public static void WriteOptional(this BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    public static string? ReadOptionalString(this BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    public static void Write(this BinaryWriter writer, DateOnly date) => writer.Write(date.DayNumber);

    public static DateOnly ReadDate(this BinaryReader reader) => DateOnly.FromDayNumber(reader.ReadInt32());

    public static void WriteOptional(this BinaryWriter writer, DateOnly? date)
    {
        writer.Write(date.HasValue);
        if (date is { } value)
        {
            writer.Write(value);
        }
    }

    public static DateOnly? ReadOptionalDate(this BinaryReader reader) => reader.ReadBoolean() ? reader.ReadDate() : null;

    public static void Write(this BinaryWriter writer, DateInterval interval)
    {
        writer.Write(interval.Start);
        writer.WriteOptional(interval.EndOrNull);
    }

    public static DateInterval ReadInterval(this BinaryReader reader) => new(reader.ReadDate(), reader.ReadOptionalDate());

    public static void Write(this BinaryWriter writer, IReadOnlyCollection<string> values)
    {
        writer.Write(values.Count);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    public static string[] ReadStrings(this BinaryReader reader)
    {
        var values = new string[reader.ReadCount(1)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadString();
        }

        return values;
    }

    /// <summary>Writes a count, pads to the next multiple of 8 bytes, then the numbers' bytes.</summary>
    public static void WriteArray<T>(this BinaryWriter writer, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Flush();
        for (var pad = (8 - (writer.BaseStream.Position % 8)) % 8; pad > 0; pad--)
        {
            writer.Write((byte)0);
        }

        writer.Write(MemoryMarshal.AsBytes(values));
    }

    /// <summary>
    /// Reads what <see cref="WriteArray{T}"/> wrote as memory over <paramref name="bytes"/>, the array the reader's
    /// stream reads from starting at <paramref name="origin"/>: the numbers stay where they are.
    /// </summary>
    public static ReadOnlyMemory<T> ReadArrayInPlace<T>(this BinaryReader reader, byte[] bytes, int origin)
        where T : unmanaged
    {
        var count = reader.ReadCount(Unsafe.SizeOf<T>());
        var stream = reader.BaseStream;
        stream.Position += (8 - (stream.Position % 8)) % 8;
        var length = (long)count * Unsafe.SizeOf<T>();
        if (stream.Position + length > stream.Length)
        {
            throw new InvalidDataException($"an array of {count} at byte {stream.Position} runs past the end");
        }

        // In place on 64-bit runtimes, where an array's data start 8-byte aligned; elsewhere a copy, aligned by its type.
        ReadOnlyMemory<T> memory = Environment.Is64BitProcess
            ? new ByteSliceMemory<T>(bytes, origin + (int)stream.Position, count).Memory
            : MemoryMarshal.Cast<byte, T>(bytes.AsSpan(origin + (int)stream.Position, (int)length)).ToArray();
        stream.Position += length;
        return memory;
    }

    /// <summary>A count of items of at least <paramref name="itemBytes"/> bytes each, checked against what is left.</summary>
    public static int ReadCount(this BinaryReader reader, int itemBytes)
    {
        var count = reader.ReadInt32();
        var left = reader.BaseStream.Length - reader.BaseStream.Position;
        return count >= 0 && (long)count * itemBytes <= left
            ? count
            : throw new InvalidDataException($"a count of {count} at byte {reader.BaseStream.Position - 4} exceeds the {left} bytes left");
    }

    /// <summary>A value of an enum whose members are 0 to <paramref name="count"/> − 1, as all the stored ones are.</summary>
    /// <remarks>No reflection (Enum.IsDefined costs milliseconds on first use, and this runs at every start).</remarks>
    public static TEnum ReadEnum<TEnum>(this BinaryReader reader, int count)
        where TEnum : struct, Enum
    {
        var value = reader.ReadInt32();
        return (uint)value < (uint)count ? Unsafe.As<int, TEnum>(ref value) : throw new InvalidDataException($"{value} is not a {typeof(TEnum).Name}");
    }
}
