using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TradeAccord.App.Agreements;
using TradeAccord.Core.Agreements;
using TradeAccord.Core.Common;
using TradeAccord.Core.Errors;
using TradeAccord.Sources.Agreements;
using TradeAccord.Sources.References;

namespace TradeAccord.Web.Endpoints;

/// <summary>The agreement endpoints (public data).</summary>
public static class AgreementEndpoints
{
    /// <summary>Maps them.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/agreements").WithTags("agreements");
        api.MapGet("/", (ServerState state) => Results.Ok(state.Loader.Documents.Names(ReferenceKind.Agreement))).WithSummary("The shipped agreements, by name");
        api.MapGet("/diff", (string? a, string? b, ServerState state) =>
        {
            if (a is null || b is null)
            {
                return Problems.BadRequest(a is null ? "a" : "b", "is required: expected an agreement name such as positions-2019-11/us");
            }

            foreach (var (field, name) in new[] { ("a", a), ("b", b) }.Where(x => !state.Loader.Documents.Names(ReferenceKind.Agreement).Contains(x.Item2, StringComparer.Ordinal)))
            {
                return Problems.BadRequest(field, $"'{name}' is not an agreement: expected one of {string.Join(", ", state.Loader.Documents.Names(ReferenceKind.Agreement))}");
            }

            return Results.Ok(AgreementJson.Diff(a, Load(state, a), b, Load(state, b)));
        }).WithSummary("Provisions added, removed and changed between two agreements (the JSON of `accord agreement diff`)");
        api.MapGet("/{**name}", (string name, ServerState state) =>
        {
            if (name.EndsWith("/timeline", StringComparison.Ordinal))
            {
                return Results.Ok(AgreementJson.Timeline(Load(state, name[..^"/timeline".Length])));
            }

            return Results.Ok(AgreementJson.Of(Load(state, name)));
        }).WithSummary("An agreement (GET /api/agreements/{name}) or its timeline (GET /api/agreements/{name}/timeline)");
    }

    // Only shipped agreements by name: a web caller never names a file on the server. A well-formed name that is not
    // shipped is not found; the answer is the same whatever exists on the server's disk.
    private static Agreement Load(ServerState state, string name) =>
        state.Loader.Documents.Find(ReferenceKind.Agreement, name) is { } shipped
            ? AgreementFiles.ReadValid(state.Loader, shipped)
            : !DocumentRefs.IsWellFormedName(name)
                ? throw new ValidationException("name", $"is not an agreement name: expected one of {string.Join(", ", state.Loader.Documents.Names(ReferenceKind.Agreement))}")
                : throw new NotFoundException($"agreement '{name}'");
}
