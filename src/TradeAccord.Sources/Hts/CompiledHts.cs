using System.Collections.Frozen;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Csv;

namespace TradeAccord.Sources.Hts;

/// <summary>
/// The shipped HTS revisions as read from the compiled file (<see cref="HtsCompiler.CompiledFile"/>) and the revisions
/// table: which revision answers on a date, its goods lines and rates, its chapter 99 headings, and which lines each
/// heading is attached to by footnote. Start-up reads only this, never the JSON.
/// </summary>
public sealed class CompiledHts
{
    private readonly CompiledLine[] _lines;

    // Each goods line's code, parsed once here rather than once per layer that lists it.
    private readonly ProductCode[] _codes;

    private CompiledHts(IReadOnlyList<HtsRevisionEntry> revisions, CompiledLine[] lines)
    {
        Revisions = revisions;
        _lines = lines;
        _codes = [.. lines.Select(l => l.IsHeading ? default : ProductCode.FromDigits(l.Code))];
        Layers = NomenclatureLayer.Group(revisions, lines);
    }

    /// <summary>The revisions, in date order (indices used by <see cref="CompiledLine"/>).</summary>
    public IReadOnlyList<HtsRevisionEntry> Revisions { get; }

    /// <summary>Every compiled row, ordered by code, then first revision.</summary>
    public IReadOnlyList<CompiledLine> Lines => _lines;

    /// <summary>
    /// Consecutive revisions whose goods lines and rates (general and column 2) are identical, merged: each becomes
    /// one nomenclature layer.
    /// </summary>
    public IReadOnlyList<NomenclatureLayer> Layers { get; }

    /// <summary>Reads the revisions table and the compiled file in <paramref name="htsDirectory"/>.</summary>
    /// <exception cref="SourceException">A file is missing or malformed, or names a revision the table does not list.</exception>
    public static CompiledHts Load(string htsDirectory)
    {
        var revisions = HtsRevisionTable.Read(htsDirectory);
        var index = revisions.Select((r, i) => (r.Slug, i)).ToFrozenDictionary(p => p.Slug, p => p.i, StringComparer.Ordinal);
        var displayName = "hts/" + HtsCompiler.CompiledFile;
        var lines = new List<CompiledLine>(100_000);
        foreach (var row in CsvTable.Read(Path.Combine(htsDirectory, HtsCompiler.CompiledFile), displayName, HtsCompiler.Header.Split(',')))
        {
            var first = Revision(row, "first", index);
            var last = Revision(row, "last", index);
            if (last < first)
            {
                throw row.Error("last", $"'{row["last"]}' precedes '{row["first"]}': expected the last revision of the run");
            }

            var references = row["references"];
            lines.Add(new CompiledLine(row["code"], first, last, row["general"], row["other"],
                references.Length == 0 ? [] : references.Split(' '), row["description"]));
        }

        if (lines.Count == 0)
        {
            throw new SourceException(displayName, 0, null, "holds no lines: regenerate it with HtsCompiler");
        }

        return new CompiledHts(revisions, [.. lines]);
    }

    /// <summary>The index of the revision that answers on <paramref name="date"/>, or -1 before the first.</summary>
    public int RevisionOn(DateOnly date)
    {
        var found = -1;
        for (var i = 0; i < Revisions.Count && Revisions[i].InForceFrom <= date; i++)
        {
            found = i;
        }

        return found;
    }

    /// <summary>The goods lines (chapters 01–98, 8 and 10 digits) of revision <paramref name="revision"/>, with their codes.</summary>
    public IEnumerable<(ProductCode Code, CompiledLine Line)> GoodsLines(int revision)
    {
        for (var i = 0; i < _lines.Length; i++)
        {
            if (!_lines[i].IsHeading && _lines[i].Spans(revision))
            {
                yield return (_codes[i], _lines[i]);
            }
        }
    }

    /// <summary>
    /// Every run of revisions in which a goods line carries a footnote naming <paramref name="heading"/>: the line and
    /// the first and last revision of the run. Cheaper than <see cref="FootnoteCoverage(int)"/> per revision when only a
    /// few headings are wanted over every revision.
    /// </summary>
    public IEnumerable<(ProductCode Code, int First, int Last)> FootnoteRuns(string heading)
    {
        for (var i = 0; i < _lines.Length; i++)
        {
            if (!_lines[i].IsHeading && _lines[i].References.Contains(heading, StringComparer.Ordinal))
            {
                yield return (_codes[i], _lines[i].First, _lines[i].Last);
            }
        }
    }

    /// <summary>The chapter 99 headings (9903.xx.xx) of revision <paramref name="revision"/>, with their text and rate text.</summary>
    public IEnumerable<CompiledLine> Headings(int revision) => _lines.Where(l => l.IsHeading && l.Spans(revision));

    /// <summary>
    /// Which goods lines each chapter 99 heading is attached to by footnote in revision <paramref name="revision"/>
    /// ("See 9903.88.03."), one coverage per heading, without rates (the heading's own text states the duty). The CSV
    /// exports (2020 and earlier, the 2021–2024 year-end editions) carry no footnotes: empty for those.
    /// </summary>
    public IReadOnlyDictionary<string, ProductCoverage> FootnoteCoverage(int revision)
    {
        var byHeading = new Dictionary<string, Dictionary<ProductCode, DutyRate?>>(StringComparer.Ordinal);
        foreach (var (code, line) in GoodsLines(revision))
        {
            foreach (var heading in line.References)
            {
                if (!byHeading.TryGetValue(heading, out var lines))
                {
                    byHeading[heading] = lines = [];
                }

                lines[code] = null;
            }
        }

        return byHeading.ToFrozenDictionary(kv => kv.Key, kv => new ProductCoverage(kv.Key, kv.Value), StringComparer.Ordinal);
    }

    /// <summary>
    /// The lines each chapter 99 heading is attached to by footnote in the revision that answers on
    /// <paramref name="date"/> (see <see cref="FootnoteCoverage(int)"/>); empty before the first revision.
    /// </summary>
    public IReadOnlyDictionary<string, ProductCoverage> FootnoteCoverage(DateOnly date) =>
        RevisionOn(date) is var revision and >= 0 ? FootnoteCoverage(revision) : FrozenDictionary<string, ProductCoverage>.Empty;

    private static int Revision(CsvRow row, string column, FrozenDictionary<string, int> index) =>
        index.TryGetValue(row[column], out var i)
            ? i
            : throw row.Error(column, $"'{row[column]}' is not a revision of {HtsRevisionTable.DisplayName}: regenerate the compiled file with HtsCompiler");
}
