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
            string? categoryVintage, string? agreement, ServerState state, CancellationToken cancellation) =>
        {
            var query = new TrackQuery(year, years, through, window?.Value ?? TrackWindow.Calendar, weights?.Value ?? TargetWeights.Seasonal,
                series?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [], vintage, categoryVintage,
                RequestDocuments.Named(state, ReferenceKind.Agreement, "agreement", agreement ?? "us-china-phase-one"), null);
            using var store = await state.TradeAsync(cancellation).ConfigureAwait(false);
            // Commitments in tonnes (the 2025 arrangement) are measured by reported figures, the others by trade series.
            if (query.RunReported(store, state.Loader, FieldStyle.Api) is { } reported)
            {
                return Results.Ok(ReportedTrackJson.Of(reported));
            }

            var reports = query.Run(store, state.Loader, FieldStyle.Api);
            return Results.Ok(reports.Count == 1 ? TrackJson.Of(reports[0]) : reports.Select(TrackJson.Of));
        }).WithTags("tracker").WithSummary("An agreement's purchases against their targets, by default phase one's; for commitments in tonnes, each reported statistic with its rows (the JSON of `accord track --format json`)");
    }
}
