using TradeAccord.Core.Tariffs;

namespace TradeAccord.Sources.China;

/// <summary>
/// Puts China's 2025 list codes (8 digits of the 2025 PRC schedule) on the lines of the schedule the data hold (the
/// 2019 lines of the Bown–Jung–Zhang file), without guessing what a new code took from an old line.
/// </summary>
/// <remarks>
/// A listed code the 2019 schedule knows (or an ancestor of its lines) covers those lines as it is. A code it does not
/// know covers nothing, with one exception: a 2019 line ending in 0 that the 2025 schedule divided into codes ending
/// in 1 and 9 under the same seven digits (12019010 yellow soybeans into 12019011 non-GMO and 12019019 other) is
/// covered whole when the list names both the first part and the residual "other" part, because then nothing of the
/// old line is left off the list. Every other unknown code (HS 2022 codes such as 0309, lines split another way) is
/// left out and returned as unplaced.
/// </remarks>
public static class ChinaListCodes
{
    /// <summary>
    /// Returns the measures with every coverage placed on <paramref name="schedule"/>'s lines, and the codes left out.
    /// Measures without per-code coverage (all products) are returned unchanged.
    /// </summary>
    public static (IReadOnlyList<Measure> Measures, IReadOnlyList<ProductCode> Unplaced) Place(IReadOnlyList<Measure> measures, ProductCoverage schedule)
    {
        // Every line of the schedule and every code above one: what a listed code may name.
        var known = schedule.Lines.SelectMany(l => l.SelfAndAncestors()).ToHashSet();
        var unplaced = new SortedSet<ProductCode>();
        var placed = new List<Measure>(measures.Count);
        foreach (var measure in measures)
        {
            var lines = new Dictionary<ProductCode, DutyRate?>();
            var changed = false;
            foreach (var (code, rate) in measure.Coverage.Entries)
            {
                if (IsKnown(code, known))
                {
                    lines[code] = rate;
                }
                else if (SplitParent(code, measure.Coverage, known) is { } parent)
                {
                    // Entries come in code order, so the residual "other" part (…9) is placed last and its rate stands
                    // for the line; the shipped lists carry one rate per list, so the parts never differ.
                    lines[parent] = rate;
                    changed = true;
                }
                else
                {
                    unplaced.Add(code);
                    changed = true;
                }
            }

            placed.Add(changed ? measure with { Coverage = new ProductCoverage(measure.Coverage.Id + "-2019-lines", lines) } : measure);
        }

        return (placed, [.. unplaced]);
    }

    // Chapters (all products) and any code the schedule lists or has lines below.
    private static bool IsKnown(ProductCode code, HashSet<ProductCode> known) => code.DigitCount <= 2 || known.Contains(code);

    private static ProductCode? SplitParent(ProductCode code, ProductCoverage list, HashSet<ProductCode> known)
    {
        if (code.DigitCount != 8 || code.Value[7] == '0')
        {
            return null;
        }

        var seven = code.Value[..7];
        var parent = ProductCode.FromDigits(seven + "0");
        var bothParts = list.Lists(ProductCode.FromDigits(seven + "1")) && list.Lists(ProductCode.FromDigits(seven + "9"));
        return bothParts && IsKnown(parent, known) ? parent : null;
    }
}
