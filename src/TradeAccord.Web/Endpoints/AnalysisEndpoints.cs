using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TradeAccord.App.Impact;
using TradeAccord.App.Requests;
using TradeAccord.App.Negotiation;
using TradeAccord.App;
using TradeAccord.Core.Common;
using TradeAccord.Core.Errors;
using TradeAccord.Core.Negotiation;
using TradeAccord.Sources.Negotiation;
using TradeAccord.Sources.References;

namespace TradeAccord.Web.Endpoints;

/// <summary>An impact run.</summary>
/// <param name="Importer">US or CN.</param>
/// <param name="Scenario">A built-in scenario (tariffs after).</param>
/// <param name="Baseline">A built-in scenario (tariffs before); null: the record.</param>
/// <param name="Year">Base year of trade values.</param>
/// <param name="Date">Date tariffs are compared on.</param>
/// <param name="By">list, chapter or hs6.</param>
/// <param name="SupplyElasticity">Export supply elasticity, or null for infinite.</param>
/// <param name="ScenarioDocument">Or the scenario document itself (YAML or JSON text).</param>
/// <param name="BaselineDocument">Or the baseline document itself.</param>
public sealed record ImpactBody(string? Importer, string? Scenario, string? Baseline = null, int Year = 2019, string? Date = null, ImpactGrouping By = ImpactGrouping.List,
    double? SupplyElasticity = null, string? ScenarioDocument = null, string? BaselineDocument = null);

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
        app.MapPost("/api/impact", (ImpactBody r, ServerState state) =>
        {
            var problems = new Validator();
            var scenario = problems.Try(() => RequestDocuments.Optional(state, ReferenceKind.Scenario, "scenario", r.Scenario, "scenarioDocument", r.ScenarioDocument));
            var baseline = problems.Try(() => RequestDocuments.Optional(state, ReferenceKind.Scenario, "baseline", r.Baseline, "baselineDocument", r.BaselineDocument));
            var request = new ImpactRequest(r.Importer, scenario, baseline, r.Year, r.Date, r.By, r.SupplyElasticity);
            return Results.Ok(request.Run(state.Loader, FieldStyle.Api, problems).ToJson());
        }).WithMetadata(new BodyLimit(RequestDocuments.MaxJsonBody)).WithTags("impact").WithSummary("Who pays and how trade moves (the JSON of `accord impact --format json`)").RequireKey();

        // The analysis is a mediator's view computed from both private profiles: served to key holders only, and each
        // party's reservation (and what can be read off it) only to that party.
        var api = app.MapGroup("/api/negotiations").WithTags("negotiation").RequireKey();
        api.MapGet("/", (ServerState state) => Results.Ok(NegotiationFiles.Names(state.Loader)));
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
        api.MapPost("/{id}/evaluate", (string id, OfferRequest r, HttpContext context, ServerState state) =>
        {
            if (string.IsNullOrWhiteSpace(r.Offer))
            {
                return Problems.BadRequest("offer", "is required: expected issue=option pairs, e.g. farm-purchases=40,list4a-rate=7.5%");
            }

            var domain = Domain(state, id);
            var offer = Offer(domain, r.Offer, out var problem);
            if (problem is not null)
            {
                return problem;
            }

            var json = Node(NegotiationJson.Evaluation(domain, offer!, Bargaining.Improvements(OutcomeSpace.Of(domain), offer!)));
            // Whether an offer clears a party's reservation tells that reservation to whoever tries offers: own party only.
            KeepOwn(json["acceptable"]!.AsObject(), context);
            return Results.Ok(json);
        });
        api.MapPost("/{id}/simulate", (string id, string? us, string? cn, int? seed, int? rounds, HttpContext context, ServerState state) =>
        {
            var domain = Domain(state, id);
            var named = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (party, name) in new[] { ("US", us), ("CN", cn) })
            {
                if (name is not null)
                {
                    named[party] = name;
                }
            }

            var (result, strategies, used) = new SimulationRequest(named, seed, rounds).Run(domain, FieldStyle.Api);
            var json = Node(NegotiationJson.Simulation(domain, result, [.. strategies], used));
            // Without agreement each party is left with its reservation: the caller sees its own only.
            if (result.Agreement is null)
            {
                KeepOwn(json["utilities"]!.AsObject(), context);
            }

            return Results.Ok(json);
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
        var json = Node(analysis);
        KeepOwn(json["reservation"]!.AsObject(), context);
        return json;
    }

    private static System.Text.Json.Nodes.JsonObject Node(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value, Json.Options)!.AsObject();

    // Removes every party's entry but the caller's own (all of them for an observer or admin).
    private static void KeepOwn(System.Text.Json.Nodes.JsonObject byParty, HttpContext context)
    {
        var own = ApiKeys.PartyOf(WebApp.RoleOf(context))?.ToString();
        foreach (var key in byParty.Select(kv => kv.Key).ToList().Where(k => k != own))
        {
            byParty.Remove(key);
        }
    }

    // A domain's outcomes are all enumerated and scored: one larger than the server's limit is refused before any is.
    private static NegotiationDomain Domain(ServerState state, string id)
    {
        var domain = state.Loader.Documents.Find(ReferenceKind.Negotiation, id) is { } shipped
            ? NegotiationFiles.Load(state.Loader, shipped)
            : throw new NotFoundException($"negotiation domain '{id}'");
        var max = state.Options.MaxOutcomes;
        // Counted against the limit as it grows, so that a domain whose size overflows a long is refused, not a crash.
        var size = 1L;
        foreach (var issue in domain.Issues)
        {
            var options = issue.Options.Count;
            if (options > 0 && size > max / options)
            {
                throw new ValidationException("id", $"negotiation domain '{id}' has more than {max:N0} outcomes: expected at most {max:N0}, " +
                    "the most this server enumerates (--max-outcomes)");
            }

            size *= options;
        }

        return domain;
    }

    private static int[]? Offer(NegotiationDomain domain, string? text, out IResult? problem)
    {
        var parsed = domain.ParseOffer(text);
        problem = parsed.Success ? null : Problems.BadRequest("offer", parsed.Error);
        return parsed.Success ? parsed.GetValueOrThrow() : null;
    }
}
