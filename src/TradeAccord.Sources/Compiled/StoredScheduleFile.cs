using System.IO.Hashing;
using System.Text;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Sources.Compiled;

/// <summary>
/// The file a compiled schedule is stored in: a header (magic, format version, fingerprint, payload length, payload
/// checksum) and the payload of <see cref="ScheduleEncoder"/>. A file that is truncated, altered, of another format or
/// fingerprint is refused with the reason, never half-read.
/// </summary>
internal static class StoredScheduleFile
{
    /// <summary>Raised whenever the layout of the file or of its payload changes.</summary>
    public const int FormatVersion = 1;

    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("ACCORDSC");
    private const int FingerprintBytes = 16;
    // Magic, version, byte order, fingerprint, length, checksum: 53 bytes, padded to 64 so the payload (and the
    // line arrays it aligns to 8 bytes within itself) starts aligned.
    private const int HeaderBytes = 64;
    private const int HeaderUsed = 8 + 4 + 1 + FingerprintBytes + 8 + 16;

    /// <summary>Writes <paramref name="schedule"/> with its header to <paramref name="output"/>.</summary>
    public static void Write(Stream output, TariffSchedule schedule, string fingerprint)
    {
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            ScheduleEncoder.Write(writer, schedule);
        }

        var body = payload.GetBuffer().AsSpan(0, (int)payload.Length);
        using var header = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        header.Write(Magic);
        header.Write(FormatVersion);
        header.Write(BitConverter.IsLittleEndian);
        header.Write(Convert.FromHexString(fingerprint));
        header.Write((long)body.Length);
        header.Write(XxHash128.Hash(body));
        header.Write(new byte[HeaderBytes - HeaderUsed]);
        header.Write(body);
    }

    /// <summary>Reads a stored schedule, or says why the bytes are not one for <paramref name="fingerprint"/>.</summary>
    public static (TariffSchedule? Schedule, string? Problem) Read(byte[] bytes, string fingerprint)
    {
        if (bytes.Length < HeaderBytes)
        {
            return (null, $"truncated: {bytes.Length} bytes, shorter than the {HeaderBytes}-byte header");
        }

        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            return (null, "not a stored schedule (wrong magic number)");
        }

        if (reader.ReadInt32() is var version && version != FormatVersion)
        {
            return (null, $"format version {version}, expected {FormatVersion}");
        }

        if (reader.ReadBoolean() != BitConverter.IsLittleEndian)
        {
            return (null, "written on a machine of the other byte order");
        }

        if (Convert.ToHexStringLower(reader.ReadBytes(FingerprintBytes)) is var found && found != fingerprint)
        {
            return (null, $"made for fingerprint {found}, not {fingerprint} (other data or another build)");
        }

        var length = reader.ReadInt64();
        var checksum = reader.ReadBytes(16);
        _ = reader.ReadBytes(HeaderBytes - HeaderUsed);
        var body = bytes.AsSpan(HeaderBytes);
        if (length != body.Length)
        {
            return (null, $"truncated or extended: the header says {length} bytes of schedule, the file holds {body.Length}");
        }

        if (!XxHash128.Hash(body).AsSpan().SequenceEqual(checksum))
        {
            return (null, "corrupt: the checksum of the schedule does not match the header");
        }

        try
        {
            using var payload = new MemoryStream(bytes, HeaderBytes, body.Length, writable: false);
            using var payloadReader = new BinaryReader(payload, Encoding.UTF8);
            return (ScheduleDecoder.Read(payloadReader, bytes, HeaderBytes), null);
        }
        catch (Exception e) when (e is IOException or ArgumentException or FormatException or IndexOutOfRangeException or OverflowException or InvalidOperationException)
        {
            return (null, "undecodable: " + e.Message);
        }
    }
}
