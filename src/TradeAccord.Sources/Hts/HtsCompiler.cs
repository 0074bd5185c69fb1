using System.Text;
using System.Text.RegularExpressions;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Csv;

namespace TradeAccord.Sources.Hts;

/// <summary>
/// Compiles every revision listed in <c>hts/revisions.csv</c> (USITC CSV exports and JSON files) into one file of
/// dated runs: one row per line per stretch of revisions in which its rates, footnote references (and, for a chapter
/// 99 heading, its text) stayed the same. Most lines never change, so 52 revisions of ~35,000 lines become far fewer
/// rows, and start-up reads this file instead of the sources.
/// </summary>
/// <remarks>
/// Regenerate after changing a source or the revisions table:
/// <c>ACCORD_UPDATE_EXPECTATIONS=1 dotnet test tests/TradeAccord.Sources.Tests --filter FullyQualifiedName~HtsCompilerTests</c>;
/// without the variable the test fails when the shipped file differs from a fresh compilation.
/// </remarks>
public static partial class HtsCompiler
{
    /// <summary>The compiled file, relative to the hts folder.</summary>
    public const string CompiledFile = "hts_lines_compiled.csv";

    /// <summary>The compiled file's header.</summary>
    public const string Header = "code,first,last,general,other,references,description";

    /// <summary>Reads every listed revision in <paramref name="htsDirectory"/> and returns the compiled file's text.</summary>
    /// <exception cref="SourceException">The table or a revision file is missing or malformed.</exception>
    public static string Compile(string htsDirectory)
    {
        var revisions = HtsRevisionTable.Read(htsDirectory);
        var open = new Dictionary<string, CompiledLine>(StringComparer.Ordinal);
        var closed = new List<CompiledLine>();
        for (var index = 0; index < revisions.Count; index++)
        {
            var file = revisions[index].File;
            var displayName = "hts/" + file;
            var path = Path.Combine(htsDirectory, file);
            var lines = file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? HtsCsvLines.Read(path, displayName) : HtsJsonReader.Read(path, displayName);
            foreach (var line in Select(lines, index, displayName))
            {
                if (open.TryGetValue(line.Code, out var run) && run.Last == index - 1 && run.SameContent(line))
                {
                    open[line.Code] = run with { Last = index };
                    continue;
                }

                if (run is not null)
                {
                    closed.Add(run);
                }

                open[line.Code] = line;
            }
        }

        closed.AddRange(open.Values);
        closed.Sort((a, b) => a.Code != b.Code ? string.CompareOrdinal(a.Code, b.Code) : a.First.CompareTo(b.First));
        return Write(closed, revisions);
    }

    // The goods lines (8 and 10 digits, chapters 01–98) and the chapter 99 headings 9903.xx.xx of one revision.
    private static List<CompiledLine> Select(IReadOnlyList<HtsSourceLine> lines, int index, string displayName)
    {
        var kept = new Dictionary<string, (HtsSourceLine Line, string Code)>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.Number.Length == 0)
            {
                continue;
            }

            var parsed = ProductCode.Parse(line.Number);
            if (!parsed.TryGetValue(out var code))
            {
                throw line.Error(displayName, "htsno", $"'{line.Number}' is not an HTS number: {parsed.Error}");
            }

            var isHeading = code.Value.StartsWith("9903", StringComparison.Ordinal);
            if (code.DigitCount < 8 || (code.Value.StartsWith("99", StringComparison.Ordinal) && !(isHeading && code.DigitCount == 8)))
            {
                continue;
            }

            if (code.HasSuffix)
            {
                throw line.Error(displayName, "htsno", $"'{line.Number}' has a letter suffix: HTS numbers are digits only");
            }

            if (!kept.TryAdd(code.Value, (line, code.ToDotted())))
            {
                throw line.Error(displayName, "htsno", $"'{line.Number}' appears twice");
            }
        }

        var headings = kept.Values.Where(k => k.Code.StartsWith("99", StringComparison.Ordinal)).Select(k => k.Code).Order(StringComparer.Ordinal).ToList();
        return [.. kept.Values.Select(k => k.Code.StartsWith("99", StringComparison.Ordinal)
            ? new CompiledLine(k.Code, index, index, WithoutMarkup(k.Line.General), WithoutMarkup(k.Line.Other), [], OneLine(k.Line.Description))
            : new CompiledLine(k.Code, index, index, WithoutMarkup(k.Line.General), WithoutMarkup(k.Line.Other), FootnoteReferences.Extract(k.Line.Footnotes, headings), ""))];
    }

    // Some revisions print rate text with HTML markup ("$1.13/m<sup>3</sup>", "6.5¢/gross<il></il>") where the
    // others print the same rate plain ("$1.13/m3"); without the tags the texts agree, so an unchanged rate is not
    // taken for a change (which would split runs and layers) and the rate parser reads it.
    private static string WithoutMarkup(string rate) => rate.Contains('<', StringComparison.Ordinal) ? Markup().Replace(rate, "").Trim() : rate;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Markup();

    // Heading texts are kept as printed except for line breaks, so that one row is one line of the file.
    private static string OneLine(string text) => text.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Trim();

    private static string Write(List<CompiledLine> lines, IReadOnlyList<HtsRevisionEntry> revisions)
    {
        var text = new StringBuilder(capacity: 8 << 20).Append(Header).Append('\n');
        foreach (var line in lines)
        {
            text.Append(line.Code).Append(',')
                .Append(revisions[line.First].Slug).Append(',')
                .Append(revisions[line.Last].Slug).Append(',')
                .Append(CsvText.Escape(line.General)).Append(',')
                .Append(CsvText.Escape(line.Other)).Append(',')
                .Append(string.Join(' ', line.References)).Append(',')
                .Append(CsvText.Escape(line.Description)).Append('\n');
        }

        return text.ToString();
    }
}
