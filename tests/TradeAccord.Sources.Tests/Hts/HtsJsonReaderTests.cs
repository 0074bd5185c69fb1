using System.IO.Compression;
using System.Text;
using TradeAccord.Sources.Hts;

namespace TradeAccord.Sources.Tests.Hts;

public class HtsJsonReaderTests
{
    private const string Line = """{ "htsno": "0101.21.00", "indent": "2", "description": "Purebred", "general": "Free", "other": "Free", "footnotes": [ { "columns": ["general"], "value": "See 9903.88.15. ", "type": "endnote" } ] }""";

    [Fact]
    public void Read_WellFormed_KeepsNumberRatesAndFootnotes()
    {
        var lines = Read($"[ {Line}, {{ \"htsno\": \"\", \"indent\": \"1\", \"description\": \"Horses:\", \"general\": null, \"other\": \"\", \"footnotes\": null }} ]");

        lines.Count.ShouldBe(2);
        lines[0].ShouldBe(lines[0] with { Number = "0101.21.00", General = "Free", Other = "Free", Record = 1 });
        lines[0].Footnotes.ShouldBe(["See 9903.88.15. "]);
        lines[1].General.ShouldBe(""); // a text line: null rates read as none
    }

    [Fact]
    public void Read_Gzipped_ReadsTheSameRecords()
    {
        using var temp = new TempFolder();
        var path = System.IO.Path.Combine(temp.Path, "hts.json.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes($"[ {Line} ]"));
        }

        HtsJsonReader.Read(path, "hts.json.gz").Single().Number.ShouldBe("0101.21.00");
    }

    [Fact]
    public void Read_TruncatedGzip_NamesTheFile()
    {
        using var temp = new TempFolder();
        var whole = new MemoryStream();
        using (var gzip = new GZipStream(whole, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("[" + string.Join(",", Enumerable.Repeat(Line, 200)) + "]"));
        }

        var path = System.IO.Path.Combine(temp.Path, "cut.json.gz");
        File.WriteAllBytes(path, whole.ToArray()[..(int)(whole.Length / 2)]);

        Should.Throw<SourceException>(() => HtsJsonReader.Read(path, "cut.json.gz")).File.ShouldBe("cut.json.gz");
    }

    [Fact]
    public void Read_Truncated_NamesFileLineAndRecord()
    {
        var error = Should.Throw<SourceException>(() => Read($"[\n{Line},\n{{ \"htsno\": \"0101.29.00\",\n  \"general\": \"Fr"));

        error.File.ShouldBe("hts.json");
        error.Line.ShouldBe(4);
        error.Message.ShouldContain("record 2");
    }

    [Fact]
    public void Read_WrongTypeForAField_NamesRecordAndField()
    {
        var error = Should.Throw<SourceException>(() => Read($"[\n{Line},\n{{ \"htsno\": \"0101.29.00\", \"indent\": 3 }}\n]"));

        error.Line.ShouldBe(3);
        error.Field.ShouldBe("indent");
        error.Message.ShouldStartWith("hts.json:3: field 'indent': record 2 (byte");
    }

    [Fact]
    public void Read_MissingHtsno_NamesRecordAndField()
    {
        var error = Should.Throw<SourceException>(() => Read($"[ {Line}, {Line}, {{ \"indent\": \"0\", \"general\": \"Free\" }} ]"));

        error.Field.ShouldBe("htsno");
        error.Message.ShouldBe("hts.json: field 'htsno': record 3 has no htsno: expected the dotted HTS number (empty for a text line)");
    }

    [Fact]
    public void Read_NotAnArray_SaysWhatWasExpected() =>
        Should.Throw<SourceException>(() => Read(Line)).Message.ShouldBe("hts.json:1: the top level is a JSON StartObject: expected an array of objects, one per HTS line");

    [Fact]
    public void Read_Empty_IsRejected() =>
        Should.Throw<SourceException>(() => Read("[]")).Message.ShouldBe("hts.json: holds no records: expected a JSON array with one object per HTS line");

    [Fact]
    public void Read_MissingFile_SaysItCannotBeRead() =>
        Should.Throw<SourceException>(() => HtsJsonReader.Read("/nonexistent/hts.json.gz", "hts.json.gz")).Message.ShouldStartWith("hts.json.gz: cannot be read");

    [Fact]
    public void Compile_BadNumber_NamesFileRecordAndField()
    {
        using var temp = new TempFolder();
        temp.Write("revisions.csv", "revision,file,in_force_from,basis\nHTS 2025 basic,bad.json,2025-01-01,test\n");
        temp.Write("bad.json", $"[ {Line}, {{ \"htsno\": \"0101.2X.00\", \"general\": \"Free\" }} ]");

        Should.Throw<SourceException>(() => HtsCompiler.Compile(temp.Path))
            .Message.ShouldStartWith("hts/bad.json: field 'htsno': record 2: '0101.2X.00' is not an HTS number");
    }

    private static IReadOnlyList<HtsSourceLine> Read(string json) => HtsJsonReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "hts.json");
}
