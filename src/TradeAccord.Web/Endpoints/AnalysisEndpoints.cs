using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TradeAccord.Core.Common;
using TradeAccord.Core.Negotiation;
using TradeAccord.Sources.Negotiation;
using TradeAccord.Web.Shapes;

namespace TradeAccord.Web.Endpoints;

/// <summary>An impact run.</summary>
/// <param name="Importer">US or CN.</param>
/// <param name="Scenario">The scenario (tariffs after).</param>
/// <param name="Baseline">The baseline (tariffs before); null: the record.</param>
/// <param name="Year">Base year of trade values.</param>
/// <param name="Date">Date tariffs are compared on.</param>
/// <param name="By">list, chapter or hs6.</param>
/// <param name="SupplyElasticity">Export supply elasticity, or null for infinite.</param>
public sealed record ImpactRequest(string? Importer, string? Scenario, string? Baseline = null, int Year = 2019, string? Date = null, string By = "list", double? SupplyElasticity = null);

/// <summary>An offer to evaluate.</summary>
/// <param name="Offer">issue=option pairs, comma-separated.</param>
public sealed record OfferRequest(string? Offer);

/// <summary>The impact model and the negotiation analyser.</summary>
public static class AnalysisEndpoints
{
    /// <summary>Maps them.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/impact", (ImpactRequest r, ServerState state) =>
        {
            var importer = CountryCode.Parse(r.Importer ?? "US");
            if (!importer.TryGetValue(out var into))
            {
                return Problems.BadRequest("importer", importer.Error!);
            }

            if (string.IsNullOrWhiteSpace(r.Scenario))
            {
                return Problems.BadRequest("scenario", $"is required: expected one of {string.Join(", ", state.Loader.ScenarioNames)}");
            }

            if (r.By is not ("list" or "chapter" or "hs6"))
            {
                return Problems.BadRequest("by", $"'{r.By}' is not valid: expected list, chapter or hs6");
            }

            DateOnly? date = null;
            if (r.Date is not null)
            {
                if (!DateOnly.TryParseExact(r.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    return Problems.BadRequest("date", $"'{r.Date}' is not a date: expected yyyy-MM-dd");
                }

                date = d;
            }

            if (!state.Loader.ScenarioNames.Contains(r.Scenario) || (r.Baseline is not null && !state.Loader.ScenarioNames.Contains(r.Baseline)))
            {
                return Problems.BadRequest(state.Loader.ScenarioNames.Contains(r.Scenario) ? "baseline" : "scenario", $"expected one of {string.Join(", ", state.Loader.ScenarioNames)}");
            }

            return Results.Ok(ImpactRun.Compute(state.Loader, into, r.Scenario, r.Baseline, r.Year, date, r.By, r.SupplyElasticity).ToJson());
        }).WithTags("impact").WithSummary("Who pays and how trade moves (the JSON of `accord impact --format json`)");

        var api = app.MapGroup("/api/negotiations").WithTags("negotiation");
        api.MapGet("/", (ServerState state) => Results.Ok(NegotiationFiles.Names(state.Loader.Paths)));
        api.MapGet("/{id}/analyze", (string id, HttpContext context, ServerState state) =>
        {
            var domain = Domain(state, id);
            var space = OutcomeSpace.Of(domain);
            var json = Redacted(NegotiationJson.Analysis(domain, Bargaining.Analyze(space)), context);
            // The outcome cloud for the dashboard: an even sample of at most 2,000 outcomes' utilities.
            var step = Math.Max(1, space.Count / 2_000);
            var cloud = new System.Text.Json.Nodes.JsonArray();
            for (var i = 0; i < space.Count; i += step)
            {
                cloud.Add(new System.Text.Json.Nodes.JsonArray(NegotiationJson.Round(space.First[i]), NegotiationJson.Round(space.Second[i])));
            }

            json["cloud"] = cloud;
            return Results.Ok(json);
        });
        api.MapPost("/{id}/evaluate", (string id, OfferRequest r, ServerState state) =>
        {
            var domain = Domain(state, id);
            var offer = Offer(domain, r.Offer, out var problem);
            return problem ?? Results.Ok(NegotiationJson.Evaluation(domain, offer!, Bargaining.Improvements(OutcomeSpace.Of(domain), offer!)));
        });
        api.MapPost("/{id}/simulate", (string id, string? us, string? cn, int? seed, int? rounds, ServerState state) =>
        {
            var domain = Domain(state, id);
            var named = domain.Parties.Select(p => p.Party switch { "US" => us, "CN" => cn, _ => null } ?? "boulware").ToList();
            var bad = named.FirstOrDefault(n => Strategies.Named(n) is null);
            if (bad is not null)
            {
                return Problems.BadRequest("strategy", $"'{bad}' is not a strategy: expected one of {string.Join(", ", Strategies.Names)}");
            }

            var strategies = named.Select(n => Strategies.Named(n)!).ToList();
            var result = Simulation.Run(OutcomeSpace.Of(domain), strategies, rounds is >= 1 and <= 10_000 ? rounds.Value : 60, seed ?? 1);
            return Results.Ok(NegotiationJson.Simulation(domain, result, strategies, seed ?? 1));
        });
        api.MapGet("/{id}/profiles/{party}", (string id, string party, HttpContext context, ServerState state) =>
        {
            var domain = Domain(state, id);
            var caller = ApiKeys.PartyOf(WebApp.RoleOf(context))?.ToString();
            var preferences = domain.Parties.FirstOrDefault(p => p.Party == party);
            // Another party's preferences are not merely forbidden: their existence is not confirmed either.
            return preferences is null || caller != party ? Problems.NotFound("the profile") : Results.Ok(NegotiationJson.Profile(domain, preferences));
        }).WithSummary("A party's private preferences and reservation value: only for that party's office");
    }

    // Each party's reservation value is private: the caller sees its own only.
    private static System.Text.Json.Nodes.JsonObject Redacted(object analysis, HttpContext context)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToNode(analysis, Json.Options)!.AsObject();
        var own = ApiKeys.PartyOf(WebApp.RoleOf(context))?.ToString();
        var reservation = json["reservation"]!.AsObject();
        foreach (var key in reservation.Select(kv => kv.Key).ToList().Where(k => k != own))
        {
            reservation.Remove(key);
        }

        return json;
    }

    private static NegotiationDomain Domain(ServerState state, string id) => NegotiationFiles.Load(state.Loader, id, namesOnly: true);

    private static int[]? Offer(NegotiationDomain domain, string? text, out IResult? problem)
    {
        var parsed = domain.ParseOffer(text);
        problem = parsed.Success ? null : Problems.BadRequest("offer", parsed.Error);
        return parsed.Success ? parsed.GetValueOrThrow() : null;
    }
}
