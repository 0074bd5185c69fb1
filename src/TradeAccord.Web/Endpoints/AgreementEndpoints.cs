using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
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
        api.MapGet("/", (ServerState state) => Results.Ok(Names(state))).WithSummary("The shipped agreements, by name");
        api.MapGet("/diff", (string? a, string? b, ServerState state) =>
        {
            if (a is null || b is null)
            {
                return Problems.BadRequest(a is null ? "a" : "b", "is required: expected an agreement name such as positions-2019-11/us");
            }

            var (first, second) = (Load(state, a), Load(state, b));
            return Results.Ok(new
            {
                a = new { file = a, title = first.Title },
                b = new { file = b, title = second.Title },
                changes = AgreementDiff.Compare(first, second).Select(c => new
                {
                    id = c.Id, change = c.Kind.ToKebab(), section = c.Section, title = c.Title,
                    terms = c.Terms.Select(t => new { term = t.Name, a = t.Old, b = t.New }),
                }),
            });
        }).WithSummary("Provisions added, removed and changed between two agreements (the JSON of `accord agreement diff`)");
        api.MapGet("/{**name}", (string name, ServerState state) =>
        {
            if (name.EndsWith("/timeline", StringComparison.Ordinal))
            {
                var agreement = Load(state, name[..^"/timeline".Length]);
                var timeline = AgreementTimeline.Of(agreement);
                return Results.Ok(new
                {
                    agreement = agreement.Id,
                    dated = timeline.Dated.Select(e => new { date = e.Date, what = e.What, provision = e.Provision, approximate = e.Approximate }),
                    relative = timeline.Relative.Select(e => new { what = e.What, provision = e.Provision, confirmed = e.Confirmed }),
                    undated = timeline.Undated,
                });
            }

            return Results.Ok(AgreementJson.Of(Load(state, name)));
        }).WithSummary("An agreement (GET /api/agreements/{name}) or its timeline (GET /api/agreements/{name}/timeline)");
    }

    private static IReadOnlyList<string> Names(ServerState state)
    {
        var folder = state.Loader.Paths.Agreements;
        return Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Select(f => Path.ChangeExtension(Path.GetRelativePath(folder, f), null).Replace('\\', '/')).Order(StringComparer.Ordinal)]
            : [];
    }

    // Only shipped agreements by name: a web caller never names a file on the server.
    private static Agreement Load(ServerState state, string name)
    {
        if (!Names(state).Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"name: '{name}' is not an agreement: expected one of {string.Join(", ", Names(state))}");
        }

        return AgreementFiles.ReadValid(Path.Combine(state.Loader.Paths.Agreements, name + ".yaml"), state.Loader.AgreementContext, name + ".yaml");
    }
}
