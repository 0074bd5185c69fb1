using System.Text.RegularExpressions;

namespace TradeAccord.Sources.Hts;

/// <summary>
/// The chapter 99 headings a line's footnotes refer to: "See 9903.88.03.", "See 9903.88.01 and 9903.88.46.",
/// "See 9903.01.01 through 9903.01.05." A range is read as every heading of the same revision inside it, since the
/// footnote names no others.
/// </summary>
public static partial class FootnoteReferences
{
    /// <summary>The headings named by <paramref name="footnotes"/>, in order of first mention, without repeats.</summary>
    /// <param name="footnotes">The footnote texts of one line.</param>
    /// <param name="headings">The revision's chapter 99 headings, in code order, to expand ranges against.</param>
    public static IReadOnlyList<string> Extract(IReadOnlyList<string> footnotes, IReadOnlyList<string> headings)
    {
        if (footnotes.Count == 0)
        {
            return [];
        }

        var found = new List<string>();
        foreach (var text in footnotes)
        {
            foreach (Match range in RangePattern().Matches(text))
            {
                var (from, to) = (range.Groups["from"].Value, range.Groups["to"].Value);
                found.AddRange(headings.Where(h => string.CompareOrdinal(h, from) >= 0 && string.CompareOrdinal(h, to) <= 0));
            }

            found.AddRange(HeadingPattern().Matches(text).Select(m => m.Value));
        }

        return found.Count == 0 ? [] : [.. found.Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"\b99\d\d\.\d\d\.\d\d\b")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"\b(?<from>99\d\d\.\d\d\.\d\d)\s+(?:through|to)\s+(?<to>99\d\d\.\d\d\.\d\d)\b")]
    private static partial Regex RangePattern();
}
