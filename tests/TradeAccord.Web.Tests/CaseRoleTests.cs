using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using TradeAccord.Storage.Cases;

namespace TradeAccord.Web.Tests;

/// <summary>The case endpoints: who may act and read, ids under concurrent filing, and each kind of bad request.</summary>
public sealed class CaseRoleTests : IAsyncLifetime
{
    private static readonly object Appeal = new { respondent = "CN", article = "6.2", summary = "Purchases short", at = "2021-01-15" };

    private Server _server = null!;

    public async ValueTask InitializeAsync() => _server = await Server.Start();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // The server's own DuckDB file (Server.Start's default), opened between requests to change what it holds.
    private string Db => Path.Combine(_server.Folder, "store.duckdb");

    [Theory]
    [InlineData(Server.ObserverKey)]
    [InlineData(Server.AdminKey)]
    public async Task Only_an_office_may_advance_a_case(string key)
    {
        var id = await Open(Appeal);

        var response = await _server.Client(key).PostAsJsonAsync($"/api/cases/{id}/advance", new { action = "assess", at = "2021-02-01" }, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Json(response)).GetProperty("detail").GetString().ShouldBe("only a party's office (us-office, cn-office) can act on a case");
        (await Json(await _server.Client(Server.UsKey).GetAsync($"/api/cases/{id}?at=2021-03-01", Cancel))).GetProperty("events").GetArrayLength()
            .ShouldBe(1, "nothing was recorded");
    }

    [Fact]
    public async Task An_admin_cannot_read_a_confidential_case_nor_see_it_listed()
    {
        var open = await Open(new { respondent = "CN", summary = "Confidential", at = "2021-01-15", confidential = true });
        var shared = await Open(new { respondent = "CN", summary = "Shared", at = "2021-01-16" });
        var admin = _server.Client(Server.AdminKey);

        var read = await admin.GetAsync($"/api/cases/{open}?at=2021-02-01", Cancel);
        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await read.Content.ReadAsStringAsync(Cancel)).ShouldNotContain("Confidential");
        (await Json(await admin.GetAsync("/api/cases?at=2021-02-01", Cancel))).EnumerateArray().Select(c => c.GetProperty("id").GetString())
            .ShouldBe([shared]);
        (await _server.Client(Server.CnKey).GetAsync($"/api/cases/{open}?at=2021-02-01", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK, "the other office may");
    }

    [Fact]
    public async Task An_office_cannot_file_against_its_own_party()
    {
        var response = await _server.Client(Server.UsKey).PostAsJsonAsync("/api/cases", new { respondent = "US", summary = "Against ourselves", at = "2021-01-15" }, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(response)).GetProperty("detail").GetString()!.ShouldContain("the complainant and the respondent are the same party");
    }

    [Fact]
    public async Task Two_cases_opened_at_once_get_distinct_ids()
    {
        var us = _server.Client(Server.UsKey);
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => us.PostAsJsonAsync("/api/cases", Appeal, Cancel)));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var ids = await Task.WhenAll(responses.Select(async r => (await Json(r)).GetProperty("id").GetString()!));
        ids.Order().ShouldBe(["US-CN-2021-001", "US-CN-2021-002", "US-CN-2021-003", "US-CN-2021-004"]);
    }

    [Fact]
    public async Task A_case_number_taken_whatever_the_count_says_answers_409_once_the_retries_are_spent()
    {
        var id = await Open(Appeal);
        // The count of US cases against CN in 2021 no longer sees this one, so every attempt picks its number again.
        Sql("UPDATE cases SET complainant = 'XX'");

        var response = await _server.Client(Server.UsKey).PostAsJsonAsync("/api/cases", Appeal, Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        id.ShouldBe("US-CN-2021-001");
    }

    [Theory]
    [InlineData("""{"respondent":"XX","summary":"s","at":"2021-01-15"}""", "respondent")]
    [InlineData("""{"respondent":"CN","at":"2021-01-15"}""", "summary")]
    [InlineData("""{"respondent":"CN","summary":"s","at":"2021-02-30"}""", "at")]
    public async Task A_bad_field_of_an_appeal_is_a_400_naming_it(string body, string field)
    {
        var response = await _server.Client(Server.UsKey).PostAsync("/api/cases", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Json(response);
        (problem.GetProperty("field").GetString() == field
         || (problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _))).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task An_unknown_case_is_a_404_on_every_endpoint()
    {
        var us = _server.Client(Server.UsKey);
        (await us.GetAsync("/api/cases/US-CN-2021-404?at=2021-02-01", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await us.PostAsJsonAsync("/api/cases/US-CN-2021-404/advance", new { action = "assess", at = "2021-02-01" }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _server.Client(Server.AdminKey).GetAsync("/api/cases/US-CN-2021-404/verify", Cancel)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Verify_after_tampering_names_the_first_bad_event()
    {
        var id = await Open(Appeal);
        var cn = _server.Client(Server.CnKey);
        (await cn.PostAsJsonAsync($"/api/cases/{id}/advance", new { action = "assess", at = "2021-02-01" }, Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _server.Client(Server.UsKey).PostAsJsonAsync($"/api/cases/{id}/advance", new { action = "escalate", at = "2021-03-01" }, Cancel))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var admin = _server.Client(Server.AdminKey);
        (await Json(await admin.GetAsync($"/api/cases/{id}/verify", Cancel))).GetProperty("intact").GetBoolean().ShouldBeTrue();

        Sql("UPDATE case_events SET note = 'no meeting took place' WHERE seq = 2");

        var verify = await Json(await admin.GetAsync($"/api/cases/{id}/verify", Cancel));
        verify.GetProperty("intact").GetBoolean().ShouldBeFalse();
        verify.GetProperty("events").GetInt32().ShouldBe(3);
        verify.GetProperty("firstBadEvent").GetInt64().ShouldBe(2);
    }

    private async Task<string> Open(object appeal)
    {
        var response = await _server.Client(Server.UsKey).PostAsJsonAsync("/api/cases", appeal, Cancel);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await Json(response)).GetProperty("id").GetString()!;
    }

    private void Sql(string sql)
    {
        using var store = DuckDbCaseStore.Open(Db);
        using var command = store.Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery().ShouldBeGreaterThan(0, sql);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
}
