using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace TradeAccord.Web.Tests;

/// <summary>
/// Every limit answers with a problem that names the field or the limit: text fields, body sizes (413), bodies that
/// are not JSON (415), a negotiation too large to enumerate, a request that runs too long. Each wrong field is named
/// as itself, not as the code.
/// </summary>
public sealed class LimitTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync(Cancel);
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task A_summary_over_the_cap_is_400_naming_it_and_a_20_MB_one_is_refused_unread()
    {
        await using var server = await Server.Start();
        var client = server.Client(Server.UsKey);
        var longer = await client.PostAsJsonAsync("/api/cases", new { respondent = "CN", summary = new string('x', 4_001), at = "2020-03-01" }, Cancel);
        var problem = await Problem(longer, HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["summary"]);
        problem.GetProperty("detail").GetString()!.ShouldContain("at most 4,000");

        // 20 MB (the case list once returned 63 MB of it): over the body limit, answered before a byte is stored.
        var huge = await client.PostAsJsonAsync("/api/cases", new { respondent = "CN", summary = new string('x', 20_000_000), at = "2020-03-01" }, Cancel);
        (await Problem(huge, HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString()!.ShouldContain("limit of 65,536 bytes");
        (await client.GetFromJsonAsync<JsonElement>("/api/cases?at=2020-03-02", Cancel)).GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_note_over_the_cap_is_400_naming_it()
    {
        await using var server = await Server.Start();
        var client = server.Client(Server.UsKey);
        var opened = await client.PostAsJsonAsync("/api/cases", new { respondent = "CN", summary = "purchases short", at = "2020-03-01" }, Cancel);
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString();
        var advanced = await client.PostAsJsonAsync($"/api/cases/{id}/advance", new { action = "assess", at = "2020-03-02", note = new string('n', 4_001) }, Cancel);
        (await Problem(advanced, HttpStatusCode.BadRequest)).GetProperty("field").GetString().ShouldBe("note");
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("2101-01-01")]
    public async Task A_case_dated_outside_the_record_dates_is_400_naming_the_date_not_a_500(string at)
    {
        // Found by fuzzing the case endpoint: a case opened on 9999-12-31 failed in the store and in its deadlines.
        await using var server = await Server.Start();
        var client = server.Client(Server.UsKey);
        var opened = await client.PostAsJsonAsync("/api/cases", new { respondent = "CN", summary = "purchases short", at }, Cancel);
        var problem = await Problem(opened, HttpStatusCode.BadRequest);
        problem.GetProperty("field").GetString().ShouldBe("at");
        problem.GetProperty("detail").GetString()!.ShouldContain("expected 1990-01-01 to 2100-12-31");
        (await client.GetFromJsonAsync<JsonElement>("/api/cases?at=2100-12-31", Cancel)).GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("""{"hts":"7326.90.8688","origin":"CN","entryDate":"2019-06-20","value":1,"quantity":-5,"unit":"kg"}""", "quantity")]
    [InlineData("""{"hts":"7326.90.8688","origin":"CN","entryDate":"9999-12-31","value":1}""", "entryDate")]
    [InlineData("""{"hts":"7326.90.8688","origin":"CN","entryDate":"2019-06-20","exportDate":"2019-07-01","value":1}""", "exportDate")]
    public async Task A_wrong_field_of_a_quote_is_named_as_itself_not_as_the_code(string body, string field)
    {
        await using var server = await Server.Start();
        var response = await server.Client().PostAsync("/api/duty", new StringContent(body, Encoding.UTF8, "application/json"), Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        ((int)response.StatusCode).ShouldBeInRange(400, 422, text);
        JsonDocument.Parse(text).RootElement.GetProperty("field").GetString().ShouldBe(field, text);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415_with_a_problem()
    {
        await using var server = await Server.Start();
        var response = await server.Client().PostAsync("/api/duty", new StringContent("hts=7326.90.8688", Encoding.UTF8, "text/plain"), Cancel);
        var problem = await Problem(response, HttpStatusCode.UnsupportedMediaType);
        problem.GetProperty("field").GetString().ShouldBe("Content-Type");
        problem.GetProperty("detail").GetString()!.ShouldContain("expected application/json");
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public async Task An_oversized_batch_is_413_giving_the_limit_not_expected_json(bool kestrel, bool chunked)
    {
        await using var server = await Server.Start(loopback: kestrel, options: o => o with { MaxUploadBytes = 10_000 });
        var csv = "id,hts,origin,entry_date,value_usd\n" + string.Concat(Enumerable.Repeat("1,7326.90.8688,CN,2019-06-20,10000\n", 1_000));
        HttpContent content = chunked
            ? new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(csv)), 1_024) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }
            : new StringContent(csv, Encoding.UTF8, "text/csv");
        if (chunked)
        {
            content.Headers.ContentLength = null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/duty/batch") { Content = content };
        request.Headers.TransferEncodingChunked = chunked;
        var problem = await Problem(await server.Client().SendAsync(request, Cancel), HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("detail").GetString()!.ShouldContain("limit of 10,000 bytes");
        problem.GetProperty("detail").GetString()!.ShouldNotContain("expected JSON");

        // Within the limit the same endpoint prices the file.
        var small = await server.Client().PostAsync("/api/duty/batch", new StringContent("id,hts,origin,entry_date,value_usd\n1,7326.90.8688,CN,2019-06-20,10000\n", Encoding.UTF8, "text/csv"), Cancel);
        small.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_oversized_multipart_upload_is_413_too()
    {
        await using var server = await Server.Start(options: o => o with { MaxUploadBytes = 10_000 });
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[20_000]), "file", "entries.csv" } };
        (await Problem(await server.Client().PostAsync("/api/duty/batch", form, Cancel), HttpStatusCode.RequestEntityTooLarge))
            .GetProperty("detail").GetString()!.ShouldContain("--max-upload-mb");
    }

    [Fact]
    public async Task An_oversized_quote_is_413_with_the_limit()
    {
        await using var server = await Server.Start();
        var body = JsonSerializer.Serialize(new { hts = "7326.90.8688", origin = "CN", entryDate = "2019-06-20", value = 1, scenarioDocument = new string('#', (int)RequestDocuments.MaxJsonBody) });
        var problem = await Problem(await server.Client().PostAsync("/api/duty", new StringContent(body, Encoding.UTF8, "application/json"), Cancel), HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("detail").GetString()!.ShouldContain($"limit of {RequestDocuments.MaxJsonBody:N0} bytes");
    }

    [Fact]
    public async Task A_negotiation_over_the_outcome_limit_is_400_not_a_crash()
    {
        await using var server = await Server.Start(options: o => o with { MaxOutcomes = 10 });
        var client = server.Client(Server.ObserverKey);
        var problem = await Problem(await client.GetAsync("/api/negotiations/us-china-2019-11/analyze", Cancel), HttpStatusCode.BadRequest);
        problem.GetProperty("field").GetString().ShouldBe("id");
        problem.GetProperty("detail").GetString()!.ShouldContain("at most 10");
        await Problem(await client.PostAsync("/api/negotiations/us-china-2019-11/simulate?seed=1", null, Cancel), HttpStatusCode.BadRequest);
        await Problem(await client.PostAsJsonAsync("/api/negotiations/us-china-2019-11/evaluate", new { offer = "farm-purchases=40" }, Cancel), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Every_shipped_negotiation_is_within_the_default_outcome_limit()
    {
        await using var server = await Server.Start();
        var client = server.Client(Server.ObserverKey);
        foreach (var id in (await client.GetFromJsonAsync<JsonElement>("/api/negotiations", Cancel)).EnumerateArray())
        {
            (await client.GetAsync($"/api/negotiations/{id.GetString()}/analyze", Cancel)).StatusCode.ShouldBe(HttpStatusCode.OK, id.GetString());
        }
    }

    [Fact]
    public async Task A_request_that_outlives_the_timeout_is_stopped_with_a_503_problem()
    {
        await using var server = await Server.Start(options: o => o with { RequestTimeout = TimeSpan.FromMilliseconds(200) });
        // An upload whose body never ends: the server waits for it until the request timeout stops it.
        var never = new System.IO.Pipelines.Pipe();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/duty/batch") { Content = new StreamContent(never.Reader.AsStream()) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var problem = await Problem(await server.Client().SendAsync(request, Cancel), HttpStatusCode.ServiceUnavailable);
        problem.GetProperty("detail").GetString()!.ShouldContain("limit of 0.2 s");
        await never.Writer.CompleteAsync();
    }

    [Fact]
    public async Task The_dashboard_runs_no_inline_script_and_cannot_be_framed()
    {
        await using var server = await Server.Start();
        var client = server.Client();
        foreach (var path in new[] { "/", "/app.js", "/api/agreements", "/api/cases", "/no-such-page" })
        {
            var response = await client.GetAsync(path, Cancel);
            response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"], path);
            var policy = response.Headers.GetValues("Content-Security-Policy").Single();
            policy.ShouldContain("frame-ancestors 'none'");
            policy.ShouldContain("script-src 'self'");
            policy.ShouldNotContain("unsafe-inline");
            policy.ShouldNotContain("unsafe-eval");
        }

        // The page itself: every script is a file, and no element carries a handler.
        var page = await client.GetStringAsync("/", Cancel);
        System.Text.RegularExpressions.Regex.Matches(page, "<script(?![^>]*\\bsrc=)[^>]*>").ShouldBeEmpty();
        System.Text.RegularExpressions.Regex.Matches(page, "\\son[a-z]+\\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase).ShouldBeEmpty();
        page.ShouldNotContain("javascript:");
        (await client.GetAsync("/api/reference", Cancel)).Headers.GetValues("Content-Security-Policy").Single().ShouldContain("frame-ancestors 'none'");
    }
}
