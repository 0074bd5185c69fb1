using TradeAccord.Core.Agreements;
using TradeAccord.Core.Commitments;
using TradeAccord.Core.Common;
using TradeAccord.Storage;

namespace TradeAccord.App.Tracking;

/// <summary>Commitments in physical units against the reported figures of the store, for both hosts.</summary>
public static class ReportedTracking
{
    /// <summary>
    /// Tracks <paramref name="agreement"/>'s physical commitments on the first series they name that the store holds
    /// as reported figures, at <paramref name="vintage"/> (null: its latest), so an older release can be replayed.
    /// </summary>
    /// <returns>The report, or null when the agreement has no physical commitment measured by reported figures.</returns>
    /// <exception cref="StoreException">The vintage is not in the store.</exception>
    public static ReportedTrackReport? Track(ITradeStore store, Agreement agreement, DateInterval window, string? vintage)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(agreement);
        // Each series' vintages are read once: on a small release the store's round trips are most of the time.
        var (series, vintages) = agreement.Purchases.Where(p => p.IsPhysical).SelectMany(p => p.MeasuredBy).Distinct(StringComparer.Ordinal)
            .Select(s => (Series: s, Vintages: store.Vintages(s)))
            .FirstOrDefault(s => s.Vintages.Count > 0 && s.Vintages[^1].Kind == "reported");
        if (series is null)
        {
            return null;
        }

        var chosen = vintage is null
            ? vintages[^1]
            : vintages.FirstOrDefault(v => v.Vintage == vintage)
                ?? throw new StoreException($"{series} has no vintage '{vintage}': expected one of {string.Join(", ", vintages.Select(v => v.Vintage))}", Core.Errors.ErrorKind.NotFound);
        return ReportedTracker.Track(agreement, series, chosen.Vintage, store.Reported(series, chosen.Vintage), window);
    }
}
