namespace TradeAccord.Sources.Hts;

/// <summary>
/// One printed line of an HTS revision as the compiler needs it, whichever format it came from (USITC CSV export or
/// JSON): the number as printed, the rate texts, and the footnote texts that refer to chapter 99 headings.
/// </summary>
/// <param name="Number">The dotted HTS number ("7326.90.86"); empty for a text-only line.</param>
/// <param name="Description">The line's own text.</param>
/// <param name="General">General (column 1) rate text, empty when the line inherits.</param>
/// <param name="Other">Column 2 rate text, empty when the line inherits.</param>
/// <param name="Footnotes">The footnote texts of the line (none in the CSV exports, which carry no footnotes).</param>
/// <param name="Line">1-based line of a CSV file; 0 for JSON, where <paramref name="Record"/> places the line.</param>
/// <param name="Record">1-based record number in a JSON array; 0 for CSV.</param>
public sealed record HtsSourceLine(
    string Number,
    string Description,
    string General,
    string Other,
    IReadOnlyList<string> Footnotes,
    int Line,
    int Record)
{
    /// <summary>An error about this line, naming file, line or record, and field.</summary>
    public SourceException Error(string file, string field, string problem) =>
        new(file, Line, field, Record > 0 ? $"record {Record}: {problem}" : problem);
}
