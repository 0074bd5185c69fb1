using TradeAccord.Sources.Measures;

namespace TradeAccord.Sources.China;

/// <summary>
/// A measure of China's on US goods known to exist from a date whose lines or rates are not in the data (the lists of
/// 2019-09-01 and 2019-12-15, the 2020 halving, the 2025-02-10 list, the exclusions): <c>catalog.yaml</c>,
/// <c>chinaMissingLists</c>. Quotes from that date say it is missing; nothing is priced for it.
/// </summary>
/// <param name="From">The first entry date the missing measure could change a quote.</param>
/// <param name="What">What is missing, as said on quotes.</param>
public sealed record ChinaDataGap(DateOnly From, string What)
{
    /// <summary>Reads the <c>chinaMissingLists</c> entries of the catalog, in date order.</summary>
    /// <exception cref="SourceException">An entry lacks its date or text, or has other keys.</exception>
    public static IReadOnlyList<ChinaDataGap> ReadAll(YamlMap catalog)
    {
        var gaps = new List<ChinaDataGap>();
        foreach (var entry in catalog.Maps("chinaMissingLists"))
        {
            entry.OnlyKeys("from", "what");
            gaps.Add(new ChinaDataGap(entry.Date("from"), entry.String("what")));
        }

        return [.. gaps.OrderBy(g => g.From)];
    }
}
