using TradeAccord.Core.Tariffs;

namespace TradeAccord.App.Tariffs.History;

/// <summary>The JSON shape of a line's history (<c>accord duty history --format json</c> and GET /api/duty/history).</summary>
/// <param name="Importer">The importing country.</param>
/// <param name="Hts">The declared code, dotted.</param>
/// <param name="Origin">Country of origin.</param>
/// <param name="From">First entry date.</param>
/// <param name="To">Last entry date (inclusive).</param>
/// <param name="Scenario">The schedule used.</param>
/// <param name="Changes">The first date and each date on which the duty changed.</param>
public sealed record HistoryJson(string Importer, string Hts, string Origin, string From, string To, string Scenario, IReadOnlyList<HistoryChangeJson> Changes)
{
    /// <summary>The JSON shape of <paramref name="history"/>.</summary>
    public static HistoryJson Of(LineHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var q = history.Question;
        return new HistoryJson(q.Importer.Value, q.Code.ToDotted(), q.Origin.Value, DutyJson.Iso(history.From), DutyJson.Iso(history.To),
            history.ScheduleName, [.. history.Changes.Select(HistoryChangeJson.From)]);
    }
}

/// <summary>One change: the date, the total and the layers from that date on.</summary>
/// <param name="Date">First entry date it applies to.</param>
/// <param name="TotalAdValorem">Sum of the layers' ad valorem fractions; null when the line could not be priced.</param>
/// <param name="Complete">Whether every layer is a figure the engine could apply (false with specific or text rates).</param>
/// <param name="Nomenclature">The HTS revision in force, if any.</param>
/// <param name="Layers">The layers, in reporting order.</param>
/// <param name="Problem">Why the line could not be priced on this date, or null.</param>
/// <param name="Warnings">The quote's warnings.</param>
public sealed record HistoryChangeJson(string Date, decimal? TotalAdValorem, bool Complete, string? Nomenclature, IReadOnlyList<HistoryLayerJson> Layers,
    string? Problem, IReadOnlyList<string> Warnings)
{
    /// <summary>The JSON shape of <paramref name="change"/>.</summary>
    public static HistoryChangeJson From(HistoryChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Quote is { } quote
            ? new HistoryChangeJson(DutyJson.Iso(change.Date), quote.TotalAdValorem, quote.Layers.All(l => l.Rate.IsComputable && l.Rate.Specific.Count == 0),
                quote.Nomenclature, [.. quote.Layers.Select(HistoryLayerJson.From)], null, quote.Warnings)
            : new HistoryChangeJson(DutyJson.Iso(change.Date), null, false, null, [], change.Problem, []);
    }
}

/// <summary>One layer of a change.</summary>
/// <param name="Id">The measure's id.</param>
/// <param name="Heading">Its chapter 99 heading, if any.</param>
/// <param name="Title">Its title.</param>
/// <param name="Authority">The authority it is reported under (mfn, s301, s232, ieepa-fentanyl, ieepa-reciprocal, s122, retaliation, other).</param>
/// <param name="Rate">The rate as the source prints it.</param>
/// <param name="AdValorem">Its ad valorem fraction.</param>
public sealed record HistoryLayerJson(string Id, string? Heading, string Title, string Authority, string Rate, decimal AdValorem)
{
    /// <summary>The JSON shape of <paramref name="layer"/>.</summary>
    public static HistoryLayerJson From(DutyLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return new HistoryLayerJson(layer.Measure.Id, layer.Measure.Heading, layer.Measure.Title, layer.Measure.Authority.Word(), layer.Rate.Text, layer.AdValorem);
    }
}
