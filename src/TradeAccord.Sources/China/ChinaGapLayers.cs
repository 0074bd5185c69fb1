using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Sources.China;

/// <summary>
/// Cuts China's last MFN layer (carried forward from the PIIE file's date) at each date from which a measure is
/// known to be missing, so the warning every quote on that layer carries names what is missing on its entry date.
/// </summary>
/// <remarks>
/// The missing lists' lines are unknown (the Sept 2019 round alone covered thousands), so the warning goes on every
/// quote from the date rather than on the lines of the list: a line-by-line warning would need the very list that is
/// missing. The parts keep the layer's title, rates and coverage; only the warning differs.
/// </remarks>
public static class ChinaGapLayers
{
    private const string CarriedForward =
        "its MFN rates and the 2018-2019 retaliation rounds in force then are carried forward (later MFN changes are not in the data; China's 2025 measures on US goods are)";

    /// <summary>Returns <paramref name="last"/> cut at each gap date after its start, each part naming the gaps open on it.</summary>
    public static IEnumerable<Measure> Split(Measure last, IReadOnlyList<ChinaDataGap> gaps)
    {
        var dates = gaps.Select(g => g.From).Where(d => d > last.Validity.Start && last.Validity.Contains(d)).Distinct().Order().ToList();
        var starts = new[] { last.Validity.Start }.Concat(dates).ToList();
        for (var i = 0; i < starts.Count; i++)
        {
            var open = gaps.Where(g => g.From <= starts[i]).ToList();
            yield return last with
            {
                Id = i == 0 ? last.Id : $"{last.Id}@{starts[i]:yyyy-MM-dd}",
                Validity = new DateInterval(starts[i], i + 1 < starts.Count ? starts[i + 1] : last.Validity.EndOrNull),
                CarriedForwardNote = open.Count == 0
                    ? CarriedForward
                    : $"{CarriedForward}; not in the data: {string.Join("; ", open.Select(g => $"{g.What} (from {g.From:yyyy-MM-dd})"))}",
            };
        }
    }
}
