using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TradeAccord.App.Cases;
using TradeAccord.App.Requests;
using TradeAccord.Core.Common;
using TradeAccord.Storage.Cases;
using TradeAccord.Sources.References;

namespace TradeAccord.Web.Endpoints;

/// <summary>Opening a case.</summary>
/// <param name="Respondent">The party complained against.</param>
/// <param name="Summary">The complaint.</param>
/// <param name="At">Date of the appeal.</param>
/// <param name="Article">The article said not to be kept.</param>
/// <param name="Confidential">Only the two offices may read it.</param>
/// <param name="Agreement">Agreement name (default us-china-phase-one).</param>
public sealed record OpenCaseRequest(string? Respondent, string? Summary, string? At, string? Article = null, bool Confidential = false, string? Agreement = null);

/// <summary>An action on a case.</summary>
/// <param name="Action">The action.</param>
/// <param name="At">Its date.</param>
/// <param name="Note">Free text.</param>
public sealed record AdvanceRequest(string? Action, string? At, string? Note = null);

/// <summary>The case endpoints: offices act, observers read what is not confidential.</summary>
public static class CaseEndpoints
{
    /// <summary>Maps them.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/cases").WithTags("cases").RequireKey();
        api.MapPost("/", async (OpenCaseRequest r, HttpContext context, ServerState state, CancellationToken cancellation) =>
        {
            if (ApiKeys.PartyOf(WebApp.RoleOf(context)) is not { } complainant)
            {
                return Problems.Forbidden("only a party's office (us-office, cn-office) can file an appeal");
            }

            var (store, cases) = await state.CasesAsync(cancellation).ConfigureAwait(false);
            using (store)
            {
                var view = new CaseOpening(complainant.ToString(), r.Respondent, r.Article, r.Summary, r.At, null, r.Confidential,
                    RequestDocuments.Named(state, ReferenceKind.Agreement, "agreement", r.Agreement ?? "us-china-phase-one")).Open(cases, FieldStyle.Api);
                return Results.Created($"/api/cases/{view.Header.Id}", CaseJson.Of(view));
            }
        }).WithSummary("File an appeal as the calling office (the JSON of `accord case open --format json`)")
            .Produces(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/", async (string? at, bool? overdue, HttpContext context, ServerState state, TimeProvider clock, CancellationToken cancellation) =>
        {
            if (!Date(at, clock, out var on))
            {
                return Problems.BadRequest("at", $"'{at}' is not a date: expected yyyy-MM-dd");
            }

            var (store, cases) = await state.CasesAsync(cancellation).ConfigureAwait(false);
            using (store)
            {
                var views = cases.List(on, Viewer(context)).Where(v => overdue != true || v.Overdue);
                return Results.Ok(views.Select(CaseJson.Of).ToList());
            }
        }).WithSummary("Cases the caller may read, as of a date");
        api.MapGet("/{id}", async (string id, string? at, HttpContext context, ServerState state, TimeProvider clock, CancellationToken cancellation) =>
        {
            if (!Date(at, clock, out var on))
            {
                return Problems.BadRequest("at", $"'{at}' is not a date: expected yyyy-MM-dd");
            }

            var (store, cases) = await state.CasesAsync(cancellation).ConfigureAwait(false);
            using (store)
            {
                return Results.Ok(CaseJson.Of(cases.View(id, on, Viewer(context))));
            }
        }).WithSummary("A case: state, events, deadlines, overdue (the JSON of `accord case show --format json`)").ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{id}/advance", async (string id, AdvanceRequest r, HttpContext context, ServerState state, CancellationToken cancellation) =>
        {
            if (ApiKeys.PartyOf(WebApp.RoleOf(context)) is not { } by)
            {
                return Problems.Forbidden("only a party's office (us-office, cn-office) can act on a case");
            }

            var (store, cases) = await state.CasesAsync(cancellation).ConfigureAwait(false);
            using (store)
            {
                var (view, step) = new CaseAction(r.Action, r.At, null, r.Note).Take(cases, id, by, FieldStyle.Api);
                if (step.Refusal is { } refusal)
                {
                    return Results.Problem(detail: $"action: {refusal}", statusCode: StatusCodes.Status422UnprocessableEntity, title: "Refused",
                        extensions: new Dictionary<string, object?> { ["field"] = "action", ["permitted"] = step.Permitted.Select(a => a.Id).ToList() });
                }

                return Results.Ok(CaseJson.Of(view));
            }
        }).WithSummary("Take an action as the calling office; a refused one returns 422 with the permitted actions");
        api.MapGet("/{id}/verify", async (string id, HttpContext context, ServerState state, CancellationToken cancellation) =>
        {
            var (store, cases) = await state.CasesAsync(cancellation).ConfigureAwait(false);
            using (store)
            {
                var stored = store.Load(id);
                if (stored is null || (WebApp.RoleOf(context) != Role.Admin && !Viewer(context).MayRead(stored.Header)))
                {
                    return Problems.NotFound("the case");
                }

                var broken = cases.VerifyAsAuditor(id);
                return Results.Ok(new
                {
                    id, intact = broken is null, events = stored.Events.Count,
                    firstBadEvent = broken?.Event.Sequence, problem = broken?.Problem,
                });
            }
        }).WithSummary("The case's hash chain: intact, or the first bad event");
    }

    private static Viewer Viewer(HttpContext context) => new(ApiKeys.PartyOf(WebApp.RoleOf(context)));

    /// <summary>The given date, or today by the server's clock when none is given.</summary>
    private static bool Date(string? text, TimeProvider clock, out DateOnly date)
    {
        if (text is null)
        {
            date = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            return true;
        }

        return TryDate(text, out date);
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
