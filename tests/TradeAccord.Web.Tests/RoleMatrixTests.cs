using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;

namespace TradeAccord.Web.Tests;

/// <summary>
/// Every endpoint the server maps, read from its own endpoint table, asked by every role with its valid key, a wrong
/// key and no key, against the status the table below expects. An endpoint the table does not list fails the test, so
/// a new endpoint cannot ship without its roles being decided.
/// </summary>
public sealed class RoleMatrixTests : IAsyncLifetime
{
    private const int None = 0;
    private const int Observer = 1;
    private const int Us = 2;
    private const int Cn = 3;
    private const int Admin = 4;

    private const string Offer = """{"offer":"farm-purchases=40,list4a-rate=7.5%,commitment-form=range"}""";

    // What each role is answered with its valid key, in the order none, observer, us-office, cn-office, admin. "{case}"
    // stands for a confidential case the US office filed against China.
    private static readonly Dictionary<string, Expectation> Expected = new(StringComparer.Ordinal)
    {
        ["GET /health"] = new("/health", null, 200, 200, 200, 200, 200),
        ["GET /api/whoami"] = new("/api/whoami", null, 200, 200, 200, 200, 200),
        ["GET /openapi/{documentName}.json"] = new("/openapi/v1.json", null, 200, 200, 200, 200, 200),
        ["GET /api/reference/{documentName?}"] = new("/api/reference/v1", null, 200, 200, 200, 200, 200),
        ["GET /api/reference/scalar.js"] = new("/api/reference/scalar.js", null, 200, 200, 200, 200, 200),
        ["GET /api/reference/scalar.aspnetcore.js"] = new("/api/reference/scalar.aspnetcore.js", null, 200, 200, 200, 200, 200),
        ["GET /api/reference/favicon.svg"] = new("/api/reference/favicon.svg", null, 200, 200, 200, 200, 200),
        ["POST /api/duty"] = new("/api/duty", Json("""{"hts":"7326.90.8688","origin":"CN","entryDate":"2019-06-20","value":10000}"""), 200, 200, 200, 200, 200),
        ["POST /api/duty/batch"] = new("/api/duty/batch", _ => new StringContent("id,hts,origin,entry_date,value_usd\n1,7326.90.8688,CN,2019-06-20,10000\n", Encoding.UTF8, "text/csv"),
            200, 200, 200, 200, 200),
        ["GET /api/schedule/stats"] = new("/api/schedule/stats?date=2020-01-01", null, 200, 200, 200, 200, 200),
        ["GET /api/scenarios"] = new("/api/scenarios", null, 200, 200, 200, 200, 200),
        ["GET /api/duty/history"] = new("/api/duty/history?hts=7326.90.8688&origin=CN&from=2019-01-01&to=2019-12-31", null, 200, 200, 200, 200, 200),
        ["GET /api/schedule/effective"] = new("/api/schedule/effective?partner=CN&date=2020-01-01", null, 200, 200, 200, 200, 200),
        ["GET /api/agreements/"] = new("/api/agreements/", null, 200, 200, 200, 200, 200),
        ["GET /api/agreements/diff"] = new("/api/agreements/diff?a=positions-2019-11/us&b=positions-2019-11/china", null, 200, 200, 200, 200, 200),
        ["GET /api/agreements/{**name}"] = new("/api/agreements/us-china-phase-one", null, 200, 200, 200, 200, 200),
        ["GET /api/track"] = new("/api/track?year=2020", null, 200, 200, 200, 200, 200),
        // Only a party's office files an appeal; a confidential case is read and acted on by the two offices only, and
        // to anyone else it does not exist; admin verifies any chain without reading the case.
        ["POST /api/cases/"] = new("/api/cases/", role => Json($$"""{"respondent":"{{(role == Cn ? "US" : "CN")}}","summary":"purchases short","at":"2020-03-01"}""")(role),
            401, 403, 201, 201, 403),
        ["GET /api/cases/"] = new("/api/cases/?at=2020-03-02", null, 401, 200, 200, 200, 200),
        ["GET /api/cases/{id}"] = new("/api/cases/{case}?at=2020-03-02", null, 401, 404, 200, 200, 404),
        ["POST /api/cases/{id}/advance"] = new("/api/cases/{case}/advance", Json("""{"action":"no-such-action","at":"2020-03-02"}"""), 401, 403, 422, 422, 403),
        ["GET /api/cases/{id}/verify"] = new("/api/cases/{case}/verify", null, 401, 404, 200, 200, 200),
        ["POST /api/impact"] = new("/api/impact", Json("""{"importer":"US","scenario":"dec15-proceeds","baseline":"phase-one","year":2019}"""), 401, 200, 200, 200, 200),
        // The analysis is for key holders; a party's profile is its own office's only.
        ["GET /api/negotiations/"] = new("/api/negotiations/", null, 401, 200, 200, 200, 200),
        ["GET /api/negotiations/{id}/analyze"] = new("/api/negotiations/us-china-2019-11/analyze", null, 401, 200, 200, 200, 200),
        ["POST /api/negotiations/{id}/evaluate"] = new("/api/negotiations/us-china-2019-11/evaluate", Json(Offer), 401, 200, 200, 200, 200),
        ["POST /api/negotiations/{id}/simulate"] = new("/api/negotiations/us-china-2019-11/simulate?seed=1&rounds=8", null, 401, 200, 200, 200, 200),
        ["GET /api/negotiations/{id}/profiles/{party}"] = new("/api/negotiations/us-china-2019-11/profiles/US", null, 401, 404, 200, 404, 404),
    };

    private static readonly string?[] Keys = [null, Server.ObserverKey, Server.UsKey, Server.CnKey, Server.AdminKey];

    private static readonly string[] Roles = ["none", "observer", "us-office", "cn-office", "admin"];

    private Server _server = null!;
    private string _case = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await Server.Start();
        var opened = await _server.Client(Server.UsKey).PostAsJsonAsync("/api/cases",
            new { respondent = "CN", summary = "confidential: purchases short", at = "2020-03-01", confidential = true }, TestContext.Current.CancellationToken);
        _case = (await opened.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetString()!;
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Every route and method in the server's endpoint table, as "METHOD pattern".</summary>
    private IReadOnlyList<string> Endpoints() =>
    [
        .. ((IEndpointRouteBuilder)_server.App).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal),
    ];

    [Fact]
    public void Every_endpoint_has_its_roles_decided_and_no_entry_is_stale()
    {
        var endpoints = Endpoints();
        endpoints.Except(Expected.Keys).ShouldBeEmpty("endpoints without an entry in the role matrix");
        Expected.Keys.Except(endpoints).ShouldBeEmpty("role matrix entries for endpoints the server no longer maps");
    }

    [Fact]
    public async Task Every_endpoint_answers_every_role_with_a_valid_a_wrong_and_no_key_as_expected()
    {
        var failures = new List<string>();
        var asked = 0;
        foreach (var endpoint in Endpoints())
        {
            if (!Expected.TryGetValue(endpoint, out var expected))
            {
                failures.Add($"{endpoint}: no entry in the role matrix");
                continue;
            }

            var method = endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)];
            for (var role = None; role <= Admin; role++)
            {
                // Valid: the role's own key (none has none). Wrong: a key that is not in the file, shaped like the role's.
                // Missing: no header, which is the public role whatever the caller holds.
                foreach (var (state, key, status) in new[]
                {
                    ("valid", Keys[role], expected.Status[role]),
                    ("wrong", (Keys[role] ?? "no-such-key-at-all-0000") + "x", 401),
                    ("missing", null, expected.Status[None]),
                })
                {
                    asked++;
                    using var request = new HttpRequestMessage(new HttpMethod(method), expected.Path.Replace("{case}", _case, StringComparison.Ordinal)) { Content = expected.Body?.Invoke(role) };
                    using var response = await _server.Client(key).SendAsync(request, TestContext.Current.CancellationToken);
                    var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                    if ((int)response.StatusCode != status)
                    {
                        failures.Add($"{endpoint} as {Roles[role]} with {state} key: {(int)response.StatusCode}, expected {status}: {body[..Math.Min(body.Length, 200)]}");
                    }

                    if (state == "wrong" && (body.Contains(key!, StringComparison.Ordinal) || response.Content.Headers.ContentType?.MediaType != "application/problem+json"))
                    {
                        failures.Add($"{endpoint} as {Roles[role]} with a wrong key: the answer is not a problem, or repeats the key");
                    }
                }
            }
        }

        failures.ShouldBeEmpty();
        // The matrix's size, for the record: endpoints × 5 roles × 3 keys.
        asked.ShouldBe(Expected.Count * Roles.Length * 3);
        TestContext.Current.SendDiagnosticMessage($"role matrix: {Expected.Count} endpoints × {Roles.Length} roles × 3 keys = {asked} requests");
    }

    private static Func<int, HttpContent> Json(string body) => _ => new StringContent(body, Encoding.UTF8, "application/json");

    // The body is made per role (an office files against the other party).
    private sealed record Expectation(string Path, Func<int, HttpContent>? Body, params int[] Status);
}
