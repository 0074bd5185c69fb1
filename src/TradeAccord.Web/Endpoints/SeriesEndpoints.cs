using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TradeAccord.App.Requests;
using TradeAccord.App.Tariffs.Effective;
using TradeAccord.App.Tariffs.History;
using TradeAccord.Core.Errors;
using TradeAccord.Sources.References;

namespace TradeAccord.Web.Endpoints;

/// <summary>The series endpoints over the schedule: a line's history and effective rates by partner.</summary>
public static class SeriesEndpoints
{
    /// <summary>Maps them.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api").WithTags("tariffs");
        api.MapGet("/duty/history", (string? hts, string? origin, string? from, string? to, string? importer, string? scenario, bool? claimExclusion, ServerState state) =>
                History(new HistoryRequest(hts, origin, from, to, importer, claimExclusion ?? false), scenario, state))
            .WithSummary("Every date on which a line's duty changed, with its layers (the JSON of `accord duty history --format json`)");
        api.MapGet("/schedule/effective", (string? partner, string? date, string? from, string? to, string? by, string? scenario, ServerState state) =>
                Effective(new EffectiveRequest(partner, date, from, to, by), scenario, state))
            .WithSummary("The import-weighted effective rate on a partner's goods (2024 US imports as weights), on a date or, with from and to, on each date it changed");
    }

    private static IResult History(HistoryRequest request, string? scenario, ServerState state)
    {
        var problems = new Validator();
        var question = problems.Try(() => request.Validate(FieldStyle.Api));
        var document = scenario is null ? null : problems.Try(() => RequestDocuments.Named(state, ReferenceKind.Scenario, "scenario", scenario));
        problems.ThrowIfInvalid();
        return Results.Ok(HistoryJson.Of(LineHistory.Of(state.Loader.Load(document), question!)));
    }

    private static IResult Effective(EffectiveRequest request, string? scenario, ServerState state)
    {
        var weights = ImportWeights.BuiltIn(state.Loader.Paths.Data);
        var problems = new Validator();
        var question = problems.Try(() => request.Validate(FieldStyle.Api, weights));
        var document = scenario is null ? null : problems.Try(() => RequestDocuments.Named(state, ReferenceKind.Scenario, "scenario", scenario));
        problems.ThrowIfInvalid();
        return Results.Ok(EffectiveJson.Of(EffectiveRates.Of(state.Loader.Load(document), question!)));
    }
}
