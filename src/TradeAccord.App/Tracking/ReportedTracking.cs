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
        var series = agreement.Purchases.Where(p => p.IsPhysical).SelectMany(p => p.MeasuredBy).Distinct(StringComparer.Ordinal)
            .FirstOrDefault(s => store.Latest(s) is { Kind: "reported" });
        if (series is null)
        {
            return null;
        }

        var chosen = vintage is null
            ? store.Latest(series)!
            : store.Vintages(series).FirstOrDefault(v => v.Vintage == vintage)
                ?? throw new StoreException($"{series} has no vintage '{vintage}': expected one of {string.Join(", ", store.Vintages(series).Select(v => v.Vintage))}", Core.Errors.ErrorKind.NotFound);
        return ReportedTracker.Track(agreement, series, chosen.Vintage, store.Reported(series, chosen.Vintage), window);
    }
}
