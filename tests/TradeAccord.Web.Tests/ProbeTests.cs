using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace TradeAccord.Web.Tests;

/// <summary>
/// No request can make the server open a path: every spelling of a file where a scenario, agreement or negotiation
/// is named answers 400 naming the parameter only, the same whether the file exists or not, and never with a byte of
/// the file. A document sent in the request prices as the built-in one does.
/// </summary>
public sealed class ProbeTests : IAsyncLifetime
{
    private Server _server = null!;

    public async ValueTask InitializeAsync() => _server = await Server.Start();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private string[] Probes()
    {
        var link = Path.Combine(_server.Folder, "phase-one");
        if (!File.Exists(link))
        {
            File.CreateSymbolicLink(link, _server.KeysFile);
        }

        return
        [
            _server.KeysFile, "keys.json", "/etc/shadow", "/etc/passwd", "/dev/zero", "/proc/self/fd/0", "/proc/self/environ",
            "../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "./phase-one", "././phase-one", "scenarios/../phase-one", "phase-one.yaml",
            "file:///etc/passwd", "file:" + _server.KeysFile, link, Path.Combine(_server.Folder, "missing.yaml"), "PHASE-ONE", "phase-one/",
        ];
    }

    [Fact]
    public async Task Scenario_paths_in_the_schedule_query_answer_400_naming_the_parameter_only()
    {
        var details = new HashSet<string>(StringComparer.Ordinal);
        foreach (var probe in Probes())
        {
            var response = await _server.Client().GetAsync($"/api/schedule/stats?date=2020-01-01&scenario={Uri.EscapeDataString(probe)}", TestContext.Current.CancellationToken);
            var body = await Refused(response, "scenario", probe);
            details.Add(body.GetProperty("detail").GetString()!);
        }

        // One answer for every probe: whether a file exists there cannot be read off the reply.
        details.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Scenario_paths_in_a_quote_and_a_batch_answer_400()
    {
        foreach (var probe in Probes())
        {
            var quote = await _server.Client().PostAsJsonAsync("/api/duty",
                new { hts = "7326.90.8688", origin = "CN", entryDate = "2019-06-20", value = 1000, scenario = probe }, TestContext.Current.CancellationToken);
            await Refused(quote, "scenario", probe);
            var batch = await _server.Client().PostAsync($"/api/duty/batch?scenario={Uri.EscapeDataString(probe)}",
                new StringContent(Entries, Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);
            await Refused(batch, "scenario", probe);
        }
    }

    [Fact]
    public async Task An_office_cannot_read_the_keys_file_as_an_agreement()
    {
        foreach (var probe in Probes())
        {
            var response = await _server.Client(Server.UsKey).PostAsJsonAsync("/api/cases",
                new { respondent = "CN", summary = "probe", at = "2021-01-15", agreement = probe }, TestContext.Current.CancellationToken);
            await Refused(response, "agreement", probe);
        }
    }

    [Fact]
    public async Task Agreement_and_negotiation_routes_never_reach_a_file()
    {
        foreach (var probe in new[] { "..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "..%2Fkeys", "us-china-phase-one.yaml" })
        {
            var agreement = await _server.Client().GetAsync($"/api/agreements/{probe}", TestContext.Current.CancellationToken);
            agreement.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
            (await agreement.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain("root:");
            var negotiation = await _server.Client(Server.UsKey).GetAsync($"/api/negotiations/{probe}/analyze", TestContext.Current.CancellationToken);
            negotiation.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task A_posted_scenario_document_prices_a_batch_as_the_built_in_scenario_does()
    {
        var document = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "scenarios", "no-301.yaml"), TestContext.Current.CancellationToken);
        var named = await _server.Client().PostAsync("/api/duty/batch?scenario=no-301", new StringContent(Entries, Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);
        var baseline = await _server.Client().PostAsync("/api/duty/batch", new StringContent(Entries, Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Entries, Encoding.UTF8, "text/csv"), "file", "entries.csv" },
            { new StringContent(document, Encoding.UTF8, "application/yaml"), "scenario", "mine.yaml" },
        };
        var posted = await _server.Client().PostAsync("/api/duty/batch", form, TestContext.Current.CancellationToken);

        posted.StatusCode.ShouldBe(HttpStatusCode.OK, await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var postedCsv = await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        postedCsv.ShouldBe(await named.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        postedCsv.ShouldNotBe(await baseline.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_posted_scenario_document_prices_a_quote_and_a_malformed_one_names_its_field_and_line()
    {
        var document = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "scenarios", "no-301.yaml"), TestContext.Current.CancellationToken);
        var entry = new { hts = "7326.90.8688", origin = "CN", entryDate = "2019-06-20", value = 10000 };
        var posted = await _server.Client().PostAsJsonAsync("/api/duty", new { entry.hts, entry.origin, entry.entryDate, entry.value, scenarioDocument = document }, TestContext.Current.CancellationToken);
        var named = await _server.Client().PostAsJsonAsync("/api/duty", new { entry.hts, entry.origin, entry.entryDate, entry.value, scenario = "no-301" }, TestContext.Current.CancellationToken);
        (await Json(posted)).GetProperty("totalDuty").GetDecimal().ShouldBe((await Json(named)).GetProperty("totalDuty").GetDecimal());

        var malformed = await _server.Client().PostAsJsonAsync("/api/duty",
            new { entry.hts, entry.origin, entry.entryDate, entry.value, scenarioDocument = "name: x\ndescription: y\nchanges:\n  - change: no-such-measure\n    from: 2019-01-01\n    rate: 1%\n" },
            TestContext.Current.CancellationToken);
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var detail = (await Json(malformed)).GetProperty("detail").GetString()!;
        detail.ShouldContain("scenarioDocument");
        detail.ShouldContain("no-such-measure");

        var both = await _server.Client().PostAsJsonAsync("/api/duty", new { entry.hts, entry.origin, entry.entryDate, entry.value, scenario = "no-301", scenarioDocument = document }, TestContext.Current.CancellationToken);
        (await Json(both)).GetProperty("errors").TryGetProperty("scenarioDocument", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Every_wrong_field_of_a_quote_is_reported_at_once()
    {
        var response = await _server.Client().PostAsJsonAsync("/api/duty",
            new { hts = "not-a-code", origin = "ZZZ", entryDate = "20-06-2019", value = -1, scenario = "/etc/passwd" }, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await Json(response)).GetProperty("errors");
        foreach (var field in new[] { "hts", "origin", "entryDate", "value", "scenario" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        }
    }

    [Fact]
    public async Task Paths_inside_a_posted_agreement_never_reach_a_file()
    {
        var agreement = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "agreements", "us-china-phase-one.yaml"), TestContext.Current.CancellationToken);
        var secret = Path.Combine(_server.Folder, "secret.csv");
        await File.WriteAllTextAsync(secret, "category,subcategory,code\nSECRET-CATEGORY,x,1201\n", TestContext.Current.CancellationToken);
        var details = new HashSet<string>(StringComparer.Ordinal);
        foreach (var probe in new[] { secret, _server.KeysFile, "/etc/passwd", "/dev/zero", "../../../../etc/passwd", Path.Combine(_server.Folder, "missing.csv") })
        {
            var document = agreement.Replace("products: phase_one/annex_6_1_products.csv", $"products: {probe}", StringComparison.Ordinal);
            var response = await _server.Client().PostAsJsonAsync("/api/duty",
                new { hts = "7326.90.8688", origin = "CN", entryDate = "2019-06-20", value = 1000, scenarioDocument = document }, TestContext.Current.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
            text.ShouldNotContain("SECRET-CATEGORY");
            text.ShouldNotContain(Server.UsKey);
            text.ShouldNotContain("root:");
            details.Add(text.Replace(probe, "<probe>", StringComparison.Ordinal));
        }

        // One answer whatever is at the path: existence cannot be read off the reply either.
        details.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_date_outside_the_data_is_out_of_range_and_says_where_the_data_end()
    {
        var response = await _server.Client().PostAsJsonAsync("/api/duty", new { hts = "7326.90.8688", origin = "CN", entryDate = "2027-01-01", value = 1000 },
            TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Json(response)).GetProperty("detail").GetString()!.ShouldStartWith(
            "entry date 2027-01-01 is outside the data: expected a date from 2018-01-01 to 2026-07-23; assumeUnchanged prices it on the schedule of 2026-07-23; known to be missing after it: ");
        var carried = await _server.Client().PostAsJsonAsync("/api/duty", new { hts = "7326.90.8688", origin = "CN", entryDate = "2027-01-01", value = 1000, assumeUnchanged = true },
            TestContext.Current.CancellationToken);
        carried.StatusCode.ShouldBe(HttpStatusCode.OK);
        var quote = await Json(carried);
        quote.GetProperty("entryDate").GetString().ShouldBe("2027-01-01");
        quote.GetProperty("warnings")[0].GetString()!.ShouldStartWith("entry date 2027-01-01 is after the data end (2026-07-23): priced on the schedule of 2026-07-23, assumed unchanged");
        var unknown = await _server.Client().PostAsJsonAsync("/api/duty", new { hts = "9999.99.99", origin = "CN", entryDate = "2019-06-20", value = 1000 },
            TestContext.Current.CancellationToken);
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(unknown)).GetProperty("errors").TryGetProperty("hts", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Every_wrong_field_of_an_appeal_is_reported_at_once()
    {
        var response = await _server.Client(Server.UsKey).PostAsJsonAsync("/api/cases", new { respondent = "XX1", summary = " ", at = "yesterday" },
            TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await Json(response)).GetProperty("errors");
        foreach (var field in new[] { "respondent", "summary", "at" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        }
    }

    private const string Entries = "id,hts,origin,entry_date,value_usd\n1,7326.90.8688,CN,2019-06-20,10000\n2,8471.30.0100,CN,2019-12-16,1000\n";

    private async Task<JsonElement> Refused(HttpResponseMessage response, string field, string probe)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"{probe}: {text}");
        foreach (var secret in new[] { Server.UsKey, Server.CnKey, Server.AdminKey, Server.ObserverKey, "root:", _server.Folder })
        {
            text.ShouldNotContain(secret, Case.Sensitive, $"{probe} leaked {secret}");
        }

        var body = JsonDocument.Parse(text).RootElement;
        body.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue($"{probe}: {text}");
        return body;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
}
