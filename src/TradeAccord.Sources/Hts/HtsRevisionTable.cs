using System.Text.RegularExpressions;
using TradeAccord.Sources.Csv;

namespace TradeAccord.Sources.Hts;

/// <summary>Reads <c>hts/revisions.csv</c>: the shipped revisions in date order, one per date.</summary>
public static partial class HtsRevisionTable
{
    /// <summary>The table's name as errors show it.</summary>
    public const string DisplayName = "hts/revisions.csv";

    /// <summary>Reads the table in <paramref name="htsDirectory"/>, ordered by <c>in_force_from</c>.</summary>
    /// <exception cref="SourceException">The table is missing, empty or malformed, or two revisions share a date or a name.</exception>
    public static IReadOnlyList<HtsRevisionEntry> Read(string htsDirectory)
    {
        var rows = CsvTable.Read(Path.Combine(htsDirectory, "revisions.csv"), DisplayName,
                ["revision", "file", "in_force_from", "basis"], ["published"])
            .Select(r => (Row: r, Entry: ToEntry(r)))
            .OrderBy(r => r.Entry.InForceFrom)
            .ToList();
        if (rows.Count == 0)
        {
            throw new SourceException(DisplayName, 0, null, "lists no revision: expected one row per shipped HTS revision");
        }

        var slugs = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, entry) = rows[i];
            if (i > 0 && rows[i - 1].Entry.InForceFrom == entry.InForceFrom)
            {
                throw row.Error("in_force_from", $"{entry.InForceFrom:yyyy-MM-dd} is also the date of {rows[i - 1].Entry.Name}: expected one revision per date");
            }

            if (!slugs.Add(entry.Slug))
            {
                throw row.Error("revision", $"'{entry.Name}' is listed twice");
            }
        }

        return [.. rows.Select(r => r.Entry)];
    }

    private static HtsRevisionEntry ToEntry(CsvRow row)
    {
        var name = row["revision"];
        var match = NamePattern().Match(name);
        if (!match.Success)
        {
            throw row.Error("revision", $"'{name}' is not a revision name: expected 'HTS <year> revision <n>' or 'HTS <year> basic'");
        }

        // "HTS 2018 revision 11" → 2018r11 (the form the existing measure ids use); "HTS 2025 basic" → 2025b.
        var slug = match.Groups["year"].Value + (match.Groups["number"].Success ? "r" + match.Groups["number"].Value : "b");
        var published = row["published"].Length == 0 ? (DateOnly?)null : row.Date("published");
        return new HtsRevisionEntry(name, slug, row["file"], row.Date("in_force_from"), published, row["basis"]);
    }

    [GeneratedRegex(@"^HTS (?<year>\d{4}) (?:revision (?<number>\d{1,2})|basic)$")]
    private static partial Regex NamePattern();
}
