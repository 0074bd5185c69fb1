using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TradeAccord.App.Requests;
using TradeAccord.App.Tracking;
using TradeAccord.Core.Commitments;
using TradeAccord.Sources.Agreements;
using TradeAccord.Storage;
using TradeAccord.Sources.References;

namespace TradeAccord.Web.Endpoints;

/// <summary>The purchase tracker (public data).</summary>
public static class TrackEndpoints
{
    /// <summary>Maps it.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/track", async (int? year, int? years, string? through, QueryWord<TrackWindow>? window, QueryWord<TargetWeights>? weights, string? series, string? vintage,
            string? categoryVintage, ServerState state, CancellationToken cancellation) =>
        {
            var query = new TrackQuery(year, years, through, window?.Value ?? TrackWindow.Calendar, weights?.Value ?? TargetWeights.Seasonal,
                series?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [], vintage, categoryVintage,
                RequestDocuments.Named(state, ReferenceKind.Agreement, "agreement", "us-china-phase-one"), null);
            using var store = await state.TradeAsync(cancellation).ConfigureAwait(false);
            var reports = query.Run(store, state.Loader, FieldStyle.Api);
            return Results.Ok(reports.Count == 1 ? TrackJson.Of(reports[0]) : reports.Select(TrackJson.Of));
        }).WithTags("tracker").WithSummary("Phase one purchases against their targets (the JSON of `accord track --format json`)");
    }
}
