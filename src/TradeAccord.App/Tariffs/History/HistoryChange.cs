using System.Globalization;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.App.Tariffs.History;

/// <summary>The duty of a line from one date on, until the next change.</summary>
/// <param name="Date">The first entry date it applies to.</param>
/// <param name="Quote">The quote on that date, or null when the line could not be priced then.</param>
/// <param name="Problem">Why it could not be priced (e.g. the code is not a line of the revision in force), or null.</param>
public sealed record HistoryChange(DateOnly Date, DutyQuote? Quote, string? Problem)
{
    /// <summary>A priced date.</summary>
    public static HistoryChange Of(DateOnly date, DutyQuote quote) => new(date, quote, null);

    /// <summary>A date on which the line could not be priced.</summary>
    public static HistoryChange Unpriced(DateOnly date, string problem) => new(date, null, problem);

    /// <summary>
    /// What must differ for a date to count as a change: the total, and each layer's measure and rate (a new HTS
    /// revision with the same rate changes the layer, so it is shown: the legal base changed).
    /// </summary>
    public string Signature => Quote is { } quote
        ? quote.TotalAdValorem.ToString(CultureInfo.InvariantCulture) + "|" + string.Join("|", quote.Layers.Select(l => l.Measure.Id + "=" + l.Rate.Text))
        : "unpriced|" + Problem;
}
