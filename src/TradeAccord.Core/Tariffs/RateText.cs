using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TradeAccord.Core.Tariffs;

/// <summary>
/// Reads rate-of-duty text as the HTS prints it in its "General" and "Column 2" columns:
/// <c>Free</c>, <c>2.9%</c>, <c>1.5¢/kg</c>, <c>$1.055/kg</c>, <c>37.5¢/kg + 14.9%</c>, <c>5¢ each + 4.6%</c>,
/// <c>20¢/kg on drained weight</c>. Text that states no computable figure (e.g. "The rate applicable to the
/// natural juice in heading 2009") is kept as <see cref="DutyRate.NotComputable"/>, never guessed.
/// </summary>
public static partial class RateText
{
    // An HTS revision repeats a few thousand distinct texts over 30,000 lines ("Free", "2.9%"); rates are
    // immutable, so one parsed instance per text serves them all (and reading a revision takes a third less time).
    // Bounded: the shipped data hold some thousands of texts, but scenario documents sent to the server may carry
    // any number of made-up ones; past the bound a text is parsed each time instead of kept.
    private static readonly ConcurrentDictionary<string, DutyRate?> Parsed = new(StringComparer.Ordinal);
    private const int ParsedLimit = 50_000;
    private const int MaxCachedLength = 128; // the longest shipped rate text is well under this

    /// <summary>Parses rate text; empty text yields null (the line inherits its parent's rate).</summary>
    public static DutyRate? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (Parsed.TryGetValue(text, out var rate))
        {
            return rate;
        }

        var parsed = ParseText(text);
        return Parsed.Count < ParsedLimit && text.Length <= MaxCachedLength ? Parsed.GetOrAdd(text, parsed) : parsed;
    }

    private static DutyRate? ParseText(string text)
    {
        // Some revisions keep the remnant of an HTML entity after the cent sign ("17.6¢;/kg", "0.9¢; each").
        var trimmed = text.Trim().Replace("¢;", "¢", StringComparison.Ordinal);
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (trimmed.StartsWith("Free", StringComparison.OrdinalIgnoreCase))
        {
            return DutyRate.Free;
        }

        if (trimmed.Contains(" less ", StringComparison.Ordinal) || trimmed.Contains("not less than", StringComparison.Ordinal))
        {
            return DutyRate.NotComputable(trimmed);
        }

        decimal adValorem = 0m;
        string? adValoremQualifier = null;
        var adValoremParts = 0;
        var specific = new List<SpecificDuty>();
        foreach (var rawPart in trimmed.Split('+'))
        {
            var part = rawPart.Trim();
            if (AdValoremPattern().Match(part) is { Success: true } av)
            {
                if (Number(av.Groups["n"].Value) is not { } percent)
                {
                    return DutyRate.NotComputable(trimmed);
                }

                adValorem = percent / 100m;
                if (av.Groups["num"].Success)
                {
                    // "33 1/3%": a whole number and a fraction of a percent.
                    if (Number(av.Groups["num"].Value) is not { } numerator || Number(av.Groups["den"].Value) is not { } denominator)
                    {
                        return DutyRate.NotComputable(trimmed);
                    }

                    adValorem += numerator / denominator / 100m;
                }

                adValoremQualifier = Qualifier(av.Groups["q"].Value);
                adValoremParts++;
            }
            else if (SpecificPattern().Match(part) is { Success: true } sp)
            {
                var amount = Number(sp.Groups["d"].Success ? sp.Groups["d"].Value : sp.Groups["c"].Value);
                if (amount is null)
                {
                    return DutyRate.NotComputable(trimmed);
                }

                var perUnit = sp.Groups["d"].Success ? amount.Value : amount.Value / 100m;
                var unit = sp.Groups["each"].Success ? "each" : QuantityUnit.Normalize(sp.Groups["u"].Value);
                specific.Add(new SpecificDuty(perUnit, unit, Qualifier(sp.Groups["q"].Value)));
            }
            else
            {
                return DutyRate.NotComputable(trimmed);
            }
        }

        // Two ad valorem parts ("6% on the case + 5.3% on the strap") are levied on the values of different
        // components, which an entry line does not carry: better to say so than to add them up.
        if (adValoremParts > 1)
        {
            return DutyRate.NotComputable(trimmed);
        }

        return adValoremParts == 1 && specific.Count == 0 && adValoremQualifier is null
            ? DutyRate.Compound(trimmed, adValorem, [])
            : DutyRate.Compound(trimmed, adValorem, specific, adValoremQualifier);
    }

    // Digits the patterns accept may still be too many for a decimal (a rate typed with 40 digits): not computable.
    private static decimal? Number(string digits) =>
        decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? Qualifier(string text) => text.Trim() is { Length: > 0 } q ? q : null;

    // ASCII digits only: \d matches the digits of every script, which decimal parsing refuses.
    [GeneratedRegex(@"^(?<n>[0-9]+(?:\.[0-9]+)?)(?:\s+(?<num>[1-9][0-9]*)/(?<den>[1-9][0-9]*))?\s*(?:%|percent)(?:\s+(?<q>.+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex AdValoremPattern();

    [GeneratedRegex(
        @"^(?:\$(?<d>[0-9]+(?:\.[0-9]+)?)|(?<c>[0-9]+(?:\.[0-9]+)?)\s*¢)\s*(?:(?<each>each)|/\s*(?<u>clean kg|pf\.\s?liter|line/\s?gross|[A-Za-z0-9.²³]+))(?:\s+(?<q>.+))?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex SpecificPattern();
}
