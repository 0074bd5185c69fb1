using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TradeAccord.Core.Errors;
using TradeAccord.Core.Agreements;
using TradeAccord.Core.Common;
using TradeAccord.Sources.Agreements;
using TradeAccord.Web.Shapes;

namespace TradeAccord.Web.Endpoints;

/// <summary>The agreement endpoints (public data).</summary>
public static class AgreementEndpoints
{
    /// <summary>Maps them.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/agreements").WithTags("agreements");
        api.MapGet("/", (ServerState state) => Results.Ok(AgreementFiles.Names(state.Loader.Paths))).WithSummary("The shipped agreements, by name");
        api.MapGet("/diff", (string? a, string? b, ServerState state) =>
        {
            if (a is null || b is null)
            {
                return Problems.BadRequest(a is null ? "a" : "b", "is required: expected an agreement name such as positions-2019-11/us");
            }

            foreach (var (field, name) in new[] { ("a", a), ("b", b) }.Where(x => !AgreementFiles.Names(state.Loader.Paths).Contains(x.Item2, StringComparer.Ordinal)))
            {
                return Problems.BadRequest(field, $"'{name}' is not an agreement: expected one of {string.Join(", ", AgreementFiles.Names(state.Loader.Paths))}");
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

    // Only shipped agreements by name: a web caller never names a file on the server. A name that could not be one
    // (a path) is a bad request; a well-formed name that is not shipped is not found.
    private static Agreement Load(ServerState state, string name)
    {
        if (name.Contains("..", StringComparison.Ordinal) || name.StartsWith('/') || name.Contains('\\', StringComparison.Ordinal))
        {
            throw new ArgumentException($"name: '{name}' is not an agreement name: expected one of {string.Join(", ", AgreementFiles.Names(state.Loader.Paths))}");
        }

        if (!AgreementFiles.Names(state.Loader.Paths).Contains(name, StringComparer.Ordinal))
        {
            throw new NotFoundException($"agreement '{name}'");
        }

        return AgreementFiles.ReadValid(Path.Combine(state.Loader.Paths.Agreements, name + ".yaml"), state.Loader.AgreementContext, name + ".yaml");
    }
}
