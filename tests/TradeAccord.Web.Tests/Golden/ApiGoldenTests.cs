using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using TradeAccord.Tests.Shared;

namespace TradeAccord.Web.Tests.Golden;

/// <summary>
/// The API equivalents of the README's tour, in process on a fresh store, pinned in Expectations/api/&lt;name&gt;.json
/// (indented, properties in their order). Nothing is normalised: with every date given, the answers hold nothing
/// that differs from run to run.
/// </summary>
public sealed class ApiGoldenTests : IAsyncLifetime
{
    private const string Negotiation = "/api/negotiations/us-china-2019-11";

    private Server _server = null!;

    public async ValueTask InitializeAsync() => _server = await Server.Start();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("duty-list3-2019-06-20", """{"hts":"7326.90.8688","origin":"CN","entryDate":"2019-06-20","value":10000}""")]
    [InlineData("duty-list3-in-transit", """{"hts":"7326.90.8688","origin":"CN","entryDate":"2019-06-14","exportDate":"2019-05-01","value":10000}""")]
    [InlineData("duty-cn-soybeans-2018-07-06", """{"importer":"CN","hts":"1201.90","origin":"US","entryDate":"2018-07-06","value":1000}""")]
    public async Task A_duty_quote_answers_as_before(string name, string body) =>
        await Golden(name, await _server.Client().PostAsync("/api/duty", Json(body), Cancel));

    [Fact]
    public async Task A_batch_answers_as_before()
    {
        // The README's entries file, from the source tree; the answer is CSV, pinned as it is.
        var entries = await File.ReadAllTextAsync(Expectations.SourceFile("examples/entries-synthetic.csv"), Cancel);
        var response = await _server.Client().PostAsync("/api/duty/batch", new StringContent(entries, Encoding.UTF8, "text/csv"), Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        response.Headers.GetValues("X-Rows").Single().ShouldBe("9");
        response.Headers.GetValues("X-Errors").Single().ShouldBe("1");
        Expectations.Verify("api/duty-batch.csv", body);
    }

    [Theory]
    [InlineData("health", "/health")]
    [InlineData("openapi", "/openapi/v1.json")]
    [InlineData("scenarios", "/api/scenarios")]
    [InlineData("schedule-stats-2020-01-01", "/api/schedule/stats?date=2020-01-01")]
    [InlineData("agreements", "/api/agreements")]
    [InlineData("agreement-show", "/api/agreements/us-china-phase-one")]
    [InlineData("agreement-timeline", "/api/agreements/us-china-phase-one/timeline")]
    [InlineData("agreement-diff-positions-2019-11", "/api/agreements/diff?a=positions-2019-11/us&b=positions-2019-11/china")]
    [InlineData("track-2020", "/api/track?year=2020")]
    [InlineData("track-2020-2-years", "/api/track?year=2020&years=2")]
    [InlineData("track-2021", "/api/track?year=2021")]
    [InlineData("track-2021-category-vintage-2021-06", "/api/track?year=2021&categoryVintage=census-ytd-2021-06")]
    public async Task Public_data_answer_as_before(string name, string path) =>
        await Golden(name, await _server.Client().GetAsync(path, Cancel));

    [Fact]
    public async Task Each_key_is_known_as_before()
    {
        var roles = new JsonObject();
        foreach (var (role, key) in new[] { ("public", null), ("observer", Server.ObserverKey), ("us-office", Server.UsKey), ("cn-office", Server.CnKey), ("admin", Server.AdminKey) })
        {
            var response = await _server.Client(key).GetAsync("/api/whoami", Cancel);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            roles[role] = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel));
        }

        Expectations.Verify("api/whoami.json", Expectations.Json(roles));
    }

    [Theory]
    [InlineData("impact-us-dec15-proceeds-2019", """{"importer":"US","scenario":"dec15-proceeds","baseline":"phase-one","year":2019}""")]
    [InlineData("impact-cn-phase-one-2018", """{"importer":"CN","scenario":"phase-one","baseline":"no-retaliation","year":2018}""")]
    [InlineData("impact-cn-soybeans-by-hs6", """{"importer":"CN","scenario":"phase-one","baseline":"no-retaliation","year":2017,"date":"2019-06-30","by":"hs6"}""")]
    public async Task Impact_answers_as_before(string name, string body) =>
        await Golden(name, await _server.Client(Server.ObserverKey).PostAsync("/api/impact", Json(body), Cancel));

    [Theory]
    [InlineData("negotiations", Server.ObserverKey, "/api/negotiations")]
    // The mediator's view, and the same with the caller's own reservation.
    [InlineData("negotiate-analyze-observer", Server.ObserverKey, Negotiation + "/analyze")]
    [InlineData("negotiate-analyze-us-office", Server.UsKey, Negotiation + "/analyze")]
    [InlineData("negotiate-profile-us", Server.UsKey, Negotiation + "/profiles/US")]
    public async Task Negotiation_reads_answer_as_before(string name, string key, string path) =>
        await Golden(name, await _server.Client(key).GetAsync(path, Cancel));

    [Theory]
    [InlineData("negotiate-evaluate-observer", Server.ObserverKey, Negotiation + "/evaluate", """{"offer":"farm-purchases=40,list4a-rate=7.5%,commitment-form=range"}""")]
    [InlineData("negotiate-evaluate-us-office", Server.UsKey, Negotiation + "/evaluate", """{"offer":"farm-purchases=40,list4a-rate=7.5%,commitment-form=range"}""")]
    [InlineData("negotiate-simulate", Server.ObserverKey, Negotiation + "/simulate?us=boulware&cn=conceder&seed=1", null)]
    [InlineData("negotiate-simulate-hardliners-cn-office", Server.CnKey, Negotiation + "/simulate?us=hardliner&cn=hardliner&rounds=4", null)]
    public async Task Negotiation_runs_answer_as_before(string name, string key, string path, string? body) =>
        await Golden(name, await _server.Client(key).PostAsync(path, body is null ? null : Json(body), Cancel));

    [Fact]
    public async Task A_case_runs_as_before()
    {
        var us = _server.Client(Server.UsKey);
        var cn = _server.Client(Server.CnKey);
        await Golden("case-open", await us.PostAsync("/api/cases", Json("""{"respondent":"CN","article":"6.2","summary":"2020 purchases short of Article 6.2","at":"2021-01-15"}"""), Cancel),
            HttpStatusCode.Created);
        const string Case = "/api/cases/US-CN-2021-001";
        await Golden("case-advance-assess", await cn.PostAsync(Case + "/advance", Json("""{"action":"assess","at":"2021-02-01"}"""), Cancel));
        await Golden("case-advance-escalate-to-deputies", await us.PostAsync(Case + "/advance", Json("""{"action":"escalate","at":"2021-02-20"}"""), Cancel));
        await Golden("case-advance-escalate-to-high-level", await us.PostAsync(Case + "/advance", Json("""{"action":"escalate","at":"2021-03-10"}"""), Cancel));
        // Determined after the high-level deadline (2021-04-15), so that the list of 2021-04-16 shows the case overdue.
        await Golden("case-advance-determine", await us.PostAsync(Case + "/advance", Json("""{"action":"determine","at":"2021-04-20"}"""), Cancel));
        await Golden("case-show-2021-04-16", await cn.GetAsync(Case + "?at=2021-04-16", Cancel));
        await Golden("case-show-2021-05-01", await _server.Client(Server.ObserverKey).GetAsync(Case + "?at=2021-05-01", Cancel));
        await Golden("case-list-overdue-2021-04-16", await us.GetAsync("/api/cases?at=2021-04-16&overdue=true", Cancel));
        await Golden("case-list-2021-05-01", await us.GetAsync("/api/cases?at=2021-05-01", Cancel));
        await Golden("case-verify", await _server.Client(Server.AdminKey).GetAsync(Case + "/verify", Cancel));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task Golden(string name, HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(status, body);
        Expectations.Verify($"api/{name}.json", Expectations.Json(body));
    }
}
