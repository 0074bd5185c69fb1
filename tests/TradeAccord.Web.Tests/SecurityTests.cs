using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TradeAccord.Web.Tests;

/// <summary>
/// Keys and private data stay where they belong: keys may be stored by their hash, never appear in a response or a
/// log, and a keys file that cannot be read stops the server with one line; a party's preferences and reservation
/// value and a confidential case reach no one else, in no response, error or log line.
/// </summary>
public sealed class SecurityTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly string[] TestKeys = [Server.UsKey, Server.CnKey, Server.ObserverKey, Server.AdminKey];

    [Fact]
    public async Task A_key_given_by_its_sha256_opens_the_same_role_and_the_file_holds_no_key()
    {
        var folder = Directory.CreateTempSubdirectory("accord-keys-").FullName;
        try
        {
            const string key = "a-key-known-only-by-its-hash-0001";
            var file = Path.Combine(folder, "keys.json");
            await File.WriteAllTextAsync(file, $$"""{"{{ApiKeys.HashEntry(key)}}": "us-office", "{{ApiKeys.HashEntry(key + "-cn").ToUpperInvariant().Replace("SHA256:", "sha256:", StringComparison.Ordinal)}}": "cn-office"}""", Cancel);
            (await File.ReadAllTextAsync(file, Cancel)).ShouldNotContain(key);
            var keys = ApiKeys.Load(file);
            keys.RoleOf(key).ShouldBe(Role.UsOffice);
            keys.RoleOf(key + "-cn").ShouldBe(Role.CnOffice, "upper-case hex digits are the same hash");
            keys.RoleOf(key + "x").ShouldBeNull();
            keys.RoleOf(ApiKeys.HashEntry(key)).ShouldBeNull("the hash itself is not a key");
            keys.RoleOf(null).ShouldBe(Role.Public);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Theory]
    [InlineData("""{"secret-key-0123456789abcdef": "us-office" """, 2)]
    [InlineData("""{"secret-key-0123456789abcdef": "mediator"}""", 2)]
    [InlineData("""{"secret-short": "us-office"}""", 2)]
    [InlineData("""{"sha256:secret-key-0123456789abcdef": "us-office"}""", 2)]
    [InlineData("""["secret-key-0123456789abcdef"]""", 2)]
    [InlineData("""{"secret-key-0123456789abcdef": 3}""", 2)]
    [InlineData("", 2)]
    [InlineData("""{"secret-key-0123456789abcdef": "us-office", "sha256:a5cb10b0c5d4e00fab3f86c489f798ec19e1a3e2b27bca372141d1a9b6adeeb3": "admin"}""", 2)]
    public async Task A_malformed_keys_file_stops_the_server_with_one_line_that_repeats_no_key(string content, int exitCode)
    {
        var folder = Directory.CreateTempSubdirectory("accord-keys-").FullName;
        try
        {
            var file = Path.Combine(folder, "keys.json");
            await File.WriteAllTextAsync(file, content, Cancel);
            var output = new StringWriter();
            var error = new StringWriter();
            var code = await ServerProgram.RunAsync(["--urls", "http://127.0.0.1:0", "--db", Path.Combine(folder, "store.duckdb"), "--keys", file], output, error, folder, Cancel);
            code.ShouldBe(exitCode);
            var lines = error.ToString().TrimEnd('\n').Split('\n');
            lines.Length.ShouldBe(1, error.ToString());
            lines[0].ShouldStartWith($"error: {file}");
            lines[0].ShouldNotContain("secret");
            output.ToString().ShouldNotContain("serving");
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task Keys_never_reach_a_response_or_the_log()
    {
        var log = new CapturedLog();
        await using var server = await Server.Start(configure: log.AddTo);
        var responses = new StringBuilder();
        var wrong = "wrong-key-that-must-not-be-echoed-0001";
        foreach (var key in TestKeys.Append(wrong).Append(null))
        {
            foreach (var path in new[] { "/api/whoami", "/api/cases", "/api/negotiations/us-china-2019-11/profiles/CN", "/api/cases/US-CN-2099-999", "/no-such-page" })
            {
                var response = await server.Client(key).GetAsync(path, Cancel);
                responses.Append(await response.Content.ReadAsStringAsync(Cancel)).Append(response.Headers).Append(response.Content.Headers);
            }

            var refused = await server.Client(key).PostAsync("/api/duty", new StringContent("{", Encoding.UTF8, "application/json"), Cancel);
            responses.Append(await refused.Content.ReadAsStringAsync(Cancel));
        }

        log.Entries.Count.ShouldBeGreaterThan(30, "the log is read at trace level, request by request");
        foreach (var key in TestKeys.Append(wrong))
        {
            responses.ToString().ShouldNotContain(key!);
            log.Entries.ShouldAllBe(entry => !entry.Contains(key!, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Another_partys_preferences_reach_no_one_else()
    {
        var log = new CapturedLog();
        await using var server = await Server.Start(configure: log.AddTo);
        var own = await server.Client(Server.UsKey).GetFromJsonAsync<JsonObject>("/api/negotiations/us-china-2019-11/profiles/US", Cancel);
        own!["weights"]!.AsObject().Count.ShouldBeGreaterThan(0);
        foreach (var key in new[] { Server.CnKey, Server.ObserverKey, Server.AdminKey, null })
        {
            var other = await server.Client(key).GetAsync("/api/negotiations/us-china-2019-11/profiles/US", Cancel);
            var absent = await server.Client(key).GetAsync("/api/negotiations/us-china-2019-11/profiles/XX", Cancel);
            // Not even its existence: the answer is the one for a party that is not in the negotiation.
            (await WithoutTrace(other)).ShouldBe(await WithoutTrace(absent));
            foreach (var body in await NegotiationAnswers(server, key))
            {
                Names(body).ShouldNotContain("weights");
                Names(body).ShouldNotContain("values");
            }
        }

        log.Entries.ShouldAllBe(entry => !entry.Contains("weights", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Another_partys_reservation_value_reaches_no_one_else()
    {
        var log = new CapturedLog();
        await using var server = await Server.Start(configure: log.AddTo);
        foreach (var (key, own) in new[] { (Server.CnKey, "CN"), (Server.ObserverKey, (string?)null), (Server.AdminKey, null), (Server.UsKey, "US") })
        {
            foreach (var body in await NegotiationAnswers(server, key))
            {
                // Every object keyed by party (reservation, acceptable, a failed run's utilities) holds the caller's own only.
                foreach (var byParty in new[] { "reservation", "acceptable" }.Select(name => Find(body, name)).OfType<JsonObject>())
                {
                    byParty.Select(p => p.Key).ShouldBeSubsetOf(own is null ? [] : [own]);
                }

                // A run that ends without agreement leaves each party its reservation (an offer's utilities are not private).
                if (body.ContainsKey("transcript") && body["agreement"] is null && body["utilities"] is JsonObject utilities)
                {
                    utilities.Select(p => p.Key).ShouldBeSubsetOf(own is null ? [] : [own]);
                }

                body.ToJsonString().ShouldNotContain("reservationBasis");
            }
        }

        log.Entries.ShouldAllBe(entry => !entry.Contains("reservation", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_confidential_case_reaches_neither_observer_nor_admin_nor_the_log()
    {
        var log = new CapturedLog();
        await using var server = await Server.Start(configure: log.AddTo);
        var secret = "private-" + Guid.NewGuid().ToString("N");
        var opened = await server.Client(Server.UsKey).PostAsJsonAsync("/api/cases",
            new { respondent = "CN", article = "6.2 " + secret, summary = "summary " + secret, at = "2021-01-15", confidential = true }, Cancel);
        opened.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString();
        (await server.Client(Server.CnKey).PostAsJsonAsync($"/api/cases/{id}/advance", new { action = "assess", at = "2021-02-01", note = "note " + secret }, Cancel))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await server.Client(Server.CnKey).GetStringAsync($"/api/cases/{id}", Cancel)).ShouldContain("note " + secret, Case.Sensitive, "the offices read it");

        foreach (var key in new[] { Server.ObserverKey, Server.AdminKey, null, "wrong-key-for-the-case-0001" })
        {
            var client = server.Client(key);
            foreach (var answer in new[]
            {
                await client.GetAsync("/api/cases?at=2021-03-01", Cancel),
                await client.GetAsync($"/api/cases/{id}", Cancel),
                await client.GetAsync($"/api/cases/{id}?at=not-a-date", Cancel),
                await client.GetAsync($"/api/cases/{id}/verify", Cancel),
                await client.PostAsJsonAsync($"/api/cases/{id}/advance", new { action = "consult", at = "2021-02-02" }, Cancel),
            })
            {
                (await answer.Content.ReadAsStringAsync(Cancel)).ShouldNotContain(secret);
            }
        }

        log.Entries.ShouldAllBe(entry => !entry.Contains(secret, StringComparison.Ordinal));
    }

    // What a caller can get from the negotiation endpoints: the analysis, an evaluation, an agreed and a failed run,
    // and the refusals of a wrong offer and a wrong strategy.
    private static async Task<List<JsonObject>> NegotiationAnswers(Server server, string? key)
    {
        var client = server.Client(key);
        const string path = "/api/negotiations/us-china-2019-11";
        var answers = new[]
        {
            await client.GetAsync($"{path}/analyze", Cancel),
            await client.PostAsJsonAsync($"{path}/evaluate", new { offer = "farm-purchases=40,list4a-rate=7.5%,commitment-form=range" }, Cancel),
            await client.PostAsJsonAsync($"{path}/evaluate", new { offer = "farm-purchases=45" }, Cancel),
            await client.PostAsync($"{path}/simulate?us=boulware&cn=conceder&seed=1", null, Cancel),
            await client.PostAsync($"{path}/simulate?us=hardliner&cn=hardliner&rounds=4", null, Cancel),
            await client.PostAsync($"{path}/simulate?us=genius", null, Cancel),
        };
        var bodies = new List<JsonObject>();
        foreach (var answer in answers)
        {
            bodies.Add(JsonNode.Parse(await answer.Content.ReadAsStringAsync(Cancel))!.AsObject());
        }

        return bodies;
    }

    private static async Task<string> WithoutTrace(HttpResponseMessage response)
    {
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!.AsObject();
        problem.Remove("traceId");
        return $"{(int)response.StatusCode} {problem.ToJsonString()}";
    }

    private static JsonNode? Find(JsonNode? node, string name) => node switch
    {
        JsonObject o => o.TryGetPropertyValue(name, out var value) ? value : o.Select(p => Find(p.Value, name)).FirstOrDefault(n => n is not null),
        JsonArray a => a.Select(n => Find(n, name)).FirstOrDefault(n => n is not null),
        _ => null,
    };

    private static List<string> Names(JsonNode? node) => node switch
    {
        JsonObject o => [.. o.SelectMany(p => Names(p.Value).Prepend(p.Key))],
        JsonArray a => [.. a.SelectMany(Names)],
        _ => [],
    };
}
