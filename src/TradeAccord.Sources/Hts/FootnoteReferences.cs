using System.Text.RegularExpressions;

namespace TradeAccord.Sources.Hts;

/// <summary>
/// The 9903 headings (the chapter 99 headings the compiled data keep) a line's footnotes refer to: "See 9903.88.03.",
/// "See 9903.88.01 and 9903.88.46.", "See 9903.52.00 through 9903.52.26." A range is read as every heading of the same
/// revision inside it, since the footnote names no others. References to other chapter 99 lines (9902 suspensions,
/// 9904 quota ranges such as "9904.04.50-9904.05.01") are left out: their lines are not kept, so a range could not
/// be read as more than its two ends.
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

    [GeneratedRegex(@"\b9903\.\d\d\.\d\d\b")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"\b(?<from>9903\.\d\d\.\d\d)\s*(?:through|to|-|–)\s*(?<to>9903\.\d\d\.\d\d)\b")]
    private static partial Regex RangePattern();
}
