using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        app.MapGet("/api/track", async (int? year, int? years, string? through, string? window, string? weights, string? series, string? vintage, string? categoryVintage, ServerState state, CancellationToken cancellation) =>
        {
            if (year is not (>= 1990 and <= 2100))
            {
                return Problems.BadRequest("year", "is required: expected a year such as 2020");
            }

            if (years is not (null or (>= 1 and <= 10)))
            {
                return Problems.BadRequest("years", $"{years} is not valid: expected 1 to 10 (2 for the whole of phase one)");
            }

            DateOnly? last = null;
            if (through is not null)
            {
                if (!DateOnly.TryParseExact(through + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
                {
                    return Problems.BadRequest("through", $"'{through}' is not a month: expected yyyy-MM");
                }

                last = month;
            }

            if (window is not (null or "calendar" or "agreement") || weights is not (null or "seasonal" or "even"))
            {
                return window is not (null or "calendar" or "agreement")
                    ? Problems.BadRequest("window", $"'{window}' is not valid: expected calendar or agreement")
                    : Problems.BadRequest("weights", $"'{weights}' is not valid: expected seasonal or even");
            }

            var agreement = AgreementFiles.ReadValid(state.Loader, RequestDocuments.Named(state, ReferenceKind.Agreement, "agreement", "us-china-phase-one"));
            var options = new TrackOptions(year.Value, last, window == "agreement" ? TrackWindow.Agreement : TrackWindow.Calendar,
                weights == "even" ? TargetWeights.Even : TargetWeights.Seasonal, years ?? 1);
            using var store = await state.TradeAsync(cancellation).ConfigureAwait(false);
            var reports = TradeData.Track(store, agreement, state.Loader.AgreementContext,
                new TrackRequest(series?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [], vintage, options, state.Loader.Baseline, categoryVintage));
            return Results.Ok(reports.Count == 1 ? TrackJson.Of(reports[0]) : reports.Select(TrackJson.Of));
        }).WithTags("tracker").WithSummary("Phase one purchases against their targets (the JSON of `accord track --format json`)");
    }
}
