using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradeAccord.Sources.Hts;

/// <summary>
/// Reads a USITC HTS JSON export (a JSON array with one object per printed line: <c>htsno</c>, <c>indent</c>,
/// <c>description</c>, <c>general</c>, <c>other</c>, <c>footnotes[{columns, value, type}]</c>, ...), plain or gzipped.
/// Records are streamed one at a time: a revision is about 14 MB of JSON and only a few fields are kept.
/// </summary>
public static class HtsJsonReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // The exports carry fields we do not read (units, special, quotaQuantity, the misspelt addiitionalDuties).
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>Reads every record of <paramref name="path"/> (a <c>.json</c> or <c>.json.gz</c> file), in file order.</summary>
    /// <exception cref="SourceException">The file is unreadable, not JSON of this shape, or a record lacks <c>htsno</c>.</exception>
    public static IReadOnlyList<HtsSourceLine> Read(string path, string displayName)
    {
        try
        {
            using var file = File.OpenRead(path);
            using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
            return Read(stream, displayName);
        }
        catch (IOException e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SourceException(displayName, 0, null, "cannot be read: " + e.Message, e);
        }
    }

    /// <summary>Reads every record of a JSON array from <paramref name="json"/>, in order.</summary>
    /// <exception cref="SourceException">The text is not JSON of this shape, is cut short, or a record lacks <c>htsno</c>.</exception>
    public static IReadOnlyList<HtsSourceLine> Read(Stream json, string displayName)
    {
        var lines = new List<HtsSourceLine>(40_000);
        var buffer = new JsonBuffer(json);
        try
        {
            ReadArray(buffer, lines, displayName);
        }
        catch (JsonException e)
        {
            throw Describe(e, lines.Count + 1, displayName);
        }
        catch (InvalidDataException e)
        {
            // A gzip stream that is cut short or corrupt.
            throw new SourceException(displayName, 0, null, $"is not a readable gzip file after record {lines.Count}: {e.Message}", e);
        }

        if (lines.Count == 0)
        {
            throw new SourceException(displayName, 0, null, "holds no records: expected a JSON array with one object per HTS line");
        }

        return lines;
    }

    // One element at a time: an element is deserialized only once the buffer holds all of it (TrySkip on a copy of
    // the reader), so the reader state (line, byte) and our record count stay exact across refills.
    private static void ReadArray(JsonBuffer buffer, List<HtsSourceLine> lines, string displayName)
    {
        var state = new JsonReaderState();
        var inArray = false;
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.Pending, buffer.Final, state);
            if (!reader.Read())
            {
                if (buffer.Final)
                {
                    throw new SourceException(displayName, 0, null, $"ends after record {lines.Count}: expected more of the JSON array");
                }

                buffer.Refill();
                continue;
            }

            if (!inArray)
            {
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    throw new SourceException(displayName, 1, null, $"the top level is a JSON {reader.TokenType}: expected an array of objects, one per HTS line");
                }

                inArray = true;
            }
            else if (reader.TokenType == JsonTokenType.EndArray)
            {
                return;
            }
            else
            {
                var probe = reader;
                if (!probe.TrySkip())
                {
                    buffer.Refill(); // the element is not all in the buffer yet: read on, then parse it again
                    continue;
                }

                var startLine = buffer.ConsumedLines + buffer.Pending[..(int)reader.TokenStartIndex].Count((byte)'\n');
                lines.Add(ToLine(Deserialize(ref reader, startLine, lines.Count + 1, displayName), lines.Count + 1, displayName));
            }

            buffer.Consume((int)reader.BytesConsumed);
            state = reader.CurrentState;
        }
    }

    // The serializer counts lines from the element's start; the file's line is the element's plus that.
    private static Record? Deserialize(ref Utf8JsonReader reader, int startLine, int record, string displayName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Record>(ref reader, Options);
        }
        catch (JsonException e)
        {
            throw Describe(e, record, displayName, startLine + (int)(e.LineNumber ?? 0) + 1);
        }
    }

    private static HtsSourceLine ToLine(Record? record, int number, string displayName)
    {
        if (record is null)
        {
            throw new SourceException(displayName, 0, null, $"record {number} is not an object: expected one object per HTS line");
        }

        if (record.Htsno is null)
        {
            throw new SourceException(displayName, 0, "htsno", $"record {number} has no htsno: expected the dotted HTS number (empty for a text line)");
        }

        var footnotes = record.Footnotes is null or { Count: 0 }
            ? []
            : record.Footnotes.Select(f => f?.Value ?? "").Where(v => v.Length > 0).ToArray();
        return new HtsSourceLine(record.Htsno.Trim(), record.Description ?? "", (record.General ?? "").Trim(), (record.Other ?? "").Trim(), footnotes, 0, number);
    }

    // The reader names the line and the byte in it, the deserializer the field ("$.indent"); the record is the one
    // after the last read.
    private static SourceException Describe(JsonException e, int record, string displayName, int? line = null)
    {
        var path = e.Path ?? "$";
        var field = path.LastIndexOf('.') is var dot and > 0 ? path[(dot + 1)..] : null;
        var place = $"record {record}";
        line ??= (int)Math.Min(int.MaxValue, (e.LineNumber ?? -1) + 1);
        var reason = e.InnerException?.Message ?? FirstSentence(e.Message);
        return new SourceException(displayName, line.Value, field, $"{place} (byte {e.BytePositionInLine ?? 0} of the line): {reason}", e);
    }

    private static string FirstSentence(string message) =>
        message.IndexOf(" Path:", StringComparison.Ordinal) is var cut and > 0 ? message[..cut] : message;

    private sealed class Record
    {
        public string? Htsno { get; set; }

        public string? Indent { get; set; }

        public string? Description { get; set; }

        public string? General { get; set; }

        public string? Other { get; set; }

        public List<Footnote?>? Footnotes { get; set; }
    }

    private sealed class Footnote
    {
        public List<string>? Columns { get; set; }

        public string? Value { get; set; }

        public string? Type { get; set; }
    }
}
