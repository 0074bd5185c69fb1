using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using System.Text;

namespace TradeAccord.Web.Tests;

/// <summary>The API in process: every endpoint, each role, malformed requests.</summary>
public sealed class ApiTests : IAsyncLifetime
{
    private Server _server = null!;

    public async ValueTask InitializeAsync() => _server = await Server.Start();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

    [Fact]
    public async Task Health_and_the_openapi_document()
    {
        var client = _server.Client();
        (await client.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var openapi = await Json(await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken));
        openapi.GetProperty("paths").TryGetProperty("/api/duty", out _).ShouldBeTrue();
        // The key scheme, which operations need it, problems as error responses, and an appeal's 201.
        openapi.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("name").GetString().ShouldBe("X-Api-Key");
        var paths = openapi.GetProperty("paths");
        var impact = paths.GetProperty("/api/impact").GetProperty("post");
        impact.GetProperty("security").GetArrayLength().ShouldBe(1);
        impact.GetProperty("responses").TryGetProperty("401", out _).ShouldBeTrue();
        paths.GetProperty("/api/duty").GetProperty("post").TryGetProperty("security", out _).ShouldBeFalse("tariffs are public");
        paths.GetProperty("/api/duty").GetProperty("post").GetProperty("responses").GetProperty("400").GetProperty("content").TryGetProperty("application/problem+json", out _).ShouldBeTrue();
        paths.GetProperty("/api/cases").GetProperty("post").GetProperty("responses").TryGetProperty("201", out _).ShouldBeTrue();
        (await client.GetAsync("/api/reference/v1", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_duty_quote_has_the_cli_shape()
    {
        var response = await _server.Client().PostAsJsonAsync("/api/duty", new { hts = "7326.90.8688", origin = "CN", entryDate = "2019-06-20", value = 10000 }, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var quote = await Json(response);
        quote.GetProperty("totalDuty").GetDecimal().ShouldBe(2_790m);
        quote.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("heading").GetString()).ShouldContain("9903.88.03");
    }

    [Theory]
    [InlineData("""{"origin":"CN","entryDate":"2019-06-20","value":1}""", "hts")]
    [InlineData("""{"hts":"7326.90.8688","origin":"XX1","entryDate":"2019-06-20","value":1}""", "origin")]
    [InlineData("""{"hts":"7326.90.8688","origin":"CN","entryDate":"20-06-2019","value":1}""", "entryDate")]
    [InlineData("""{"hts":"7326.90.8688","origin":"CN","entryDate":"2019-06-20","value":-1}""", "value")]
    [InlineData("""{"hts":"abc","origin":"CN","entryDate":"2019-06-20","value":1}""", "hts")]
    [InlineData("""{"hts":"7326.90.8688","origin":"CN","entryDate":"2019-06-20","value":1,"importer":"ZZZ"}""", "importer")]
    [InlineData("""{"hts": 7326""", "body")]
    public async Task Malformed_duty_requests_are_problems_naming_the_field(string body, string field)
    {
        var response = await _server.Client().PostAsync("/api/duty", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await Json(response);
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("detail").GetString()!.ShouldContain("expected");
    }

    [Theory]
    [InlineData("/api/schedule/stats?date=2020-13-01", "date")]
    [InlineData("/api/schedule/stats?date=2020-01-01&importer=XYZ", "importer")]
    [InlineData("/api/agreements/diff?a=positions-2019-11/us", "b")]
    [InlineData("/api/track?year=2020&through=2020-13", "through")]
    [InlineData("/api/track?year=2020&window=fiscal", "window")]
    [InlineData("/api/track?year=2020&weights=odd", "weights")]
    [InlineData("/api/track?year=2020&years=0", "years")]
    [InlineData("/api/cases?at=yesterday", "at")]
    public async Task Malformed_queries_are_problems_naming_the_field(string path, string field)
    {
        var response = await _server.Client(Server.UsKey).GetAsync(path, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(response)).GetProperty("field").GetString().ShouldBe(field);
    }

    [Fact]
    public async Task Closed_sets_bind_from_the_same_words_as_the_command_line()
    {
        var agreementYear = await _server.Client().GetAsync("/api/track?year=2020&window=agreement&weights=even", TestContext.Current.CancellationToken);
        var calendar = await _server.Client().GetAsync("/api/track?year=2020", TestContext.Current.CancellationToken);

        agreementYear.StatusCode.ShouldBe(HttpStatusCode.OK, await agreementYear.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        // The agreement year of 2020 runs from the month of entry into force (2020-02), not from January.
        (await Json(agreementYear)).GetProperty("period").GetProperty("from").GetString().ShouldBe("2020-02");
        (await Json(calendar)).GetProperty("period").GetProperty("from").GetString().ShouldBe("2020-01");
    }

    [Fact]
    public async Task The_soybean_pledges_are_tracked_on_reported_figures_as_on_the_command_line()
    {
        var response = await _server.Client().GetAsync("/api/track?agreement=us-china-2025-11&year=2025", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var pledge = (await Json(response)).GetProperty("commitments")[0];
        pledge.GetProperty("id").GetString().ShouldBe("soybeans-2025");
        var statistics = pledge.GetProperty("statistics").EnumerateArray().ToDictionary(s => s.GetProperty("statistic").GetString()!, s => s.GetProperty("summary").GetString());
        statistics["purchases"].ShouldStartWith("12 Mt reported purchased (traders (via WSNext), 2026-01-12;");
        statistics["arrivals"].ShouldBe("0 t arrived (China GACC via Reuters, 2025-09..2025-12)");
    }

    [Fact]
    public async Task Malformed_batches_name_the_upload()
    {
        using var noFile = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        var missing = await _server.Client().PostAsync("/api/duty/batch", noFile, TestContext.Current.CancellationToken);
        (await Json(missing)).GetProperty("field").GetString().ShouldBe("file");
        var wrongHeader = await _server.Client().PostAsync("/api/duty/batch", new StringContent("code,when\n1,2\n", Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);
        wrongHeader.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Json(wrongHeader);
        problem.GetProperty("detail").GetString()!.ShouldStartWith("file: upload:1: missing columns");
        problem.GetProperty("detail").GetString()!.ShouldNotContain("/tmp");
    }

    [Theory]
    [InlineData(null, "public", null)]
    [InlineData(Server.ObserverKey, "observer", null)]
    [InlineData(Server.UsKey, "us-office", "US")]
    [InlineData(Server.CnKey, "cn-office", "CN")]
    [InlineData(Server.AdminKey, "admin", null)]
    public async Task Each_key_has_its_role(string? key, string role, string? party)
    {
        var me = await Json(await _server.Client(key).GetAsync("/api/whoami", TestContext.Current.CancellationToken));
        me.GetProperty("role").GetString().ShouldBe(role);
        (me.GetProperty("party").ValueKind == JsonValueKind.Null ? null : me.GetProperty("party").GetString()).ShouldBe(party);
    }

    [Fact]
    public async Task A_batch_comes_back_as_csv_with_the_duty_columns()
    {
        var csv = "id,hts,origin,entry_date,value_usd\n1,7326.90.8688,CN,2019-06-20,10000\n2,0101.21.0010,CN,2020-03-01,10000\n3,9999.99.9999,CN,2019-06-20,1\n";
        var response = await _server.Client().PostAsync("/api/duty/batch", new StringContent(csv, Encoding.UTF8, "text/csv"), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        response.Headers.GetValues("X-Rows").Single().ShouldBe("3");
        response.Headers.GetValues("X-Errors").Single().ShouldBe("1");
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Trim().Split('\n');
        lines[0].ShouldStartWith("id,hts,origin,entry_date,value_usd,mfn_rate");
        lines[1].ShouldContain("2790.00");
    }

    [Fact]
    public async Task Schedule_stats_are_public_in_the_cli_shape()
    {
        var stats = await Json(await _server.Client().GetAsync("/api/schedule/stats?date=2020-01-01", TestContext.Current.CancellationToken));
        // 9903.88.15 (List 4A) was in force on 2020-01-01 (data/section301/section301_headings.csv).
        stats.GetProperty("headings").EnumerateArray().ShouldContain(h => h.GetProperty("heading").GetString() == "9903.88.15");
        // The CLI's shape: statuses in words, and the sources read.
        stats.GetProperty("headings").EnumerateArray().ShouldContain(h => h.GetProperty("status").GetString() == "in force");
        stats.GetProperty("sources").GetArrayLength().ShouldBeGreaterThan(0);
        stats.GetProperty("date").GetString().ShouldBe("2020-01-01");
    }

    [Fact]
    public async Task Agreements_their_timeline_and_the_diff_of_two_positions_are_public()
    {
        var client = _server.Client();
        (await Json(await client.GetAsync("/api/agreements", TestContext.Current.CancellationToken))).EnumerateArray().Select(a => a.GetString()).ShouldContain("us-china-phase-one");
        (await Json(await client.GetAsync("/api/agreements/us-china-phase-one/timeline", TestContext.Current.CancellationToken))).GetProperty("dated").GetArrayLength().ShouldBeGreaterThan(10);
        // cond-purchases-exit is in the US position only (agreements/positions-2019-11/us.yaml).
        var diff = await Json(await client.GetAsync("/api/agreements/diff?a=positions-2019-11/us&b=positions-2019-11/china", TestContext.Current.CancellationToken));
        diff.GetProperty("changes").EnumerateArray().ShouldContain(c => c.GetProperty("id").GetString() == "cond-purchases-exit");
        (await Json(await client.GetAsync("/api/agreements/us-china-phase-one", TestContext.Current.CancellationToken))).GetProperty("agreement").GetString().ShouldBe("us-china-phase-one");
        (await Json(await client.GetAsync("/api/scenarios", TestContext.Current.CancellationToken))).EnumerateArray().Select(a => a.GetString()).ShouldContain("no-retaliation");
    }

    [Fact]
    public async Task The_tracker_is_public_and_continues_a_series_by_its_category_totals()
    {
        var client = _server.Client();
        var track = await Json(await client.GetAsync("/api/track?year=2020", TestContext.Current.CancellationToken));
        // 89.25 USD bn of 2020 exports in the annex categories against the 2020 target of 142.7 (PIIE's tracker, as
        // TrackerTests checks figure by figure): 62.56% on the unrounded figures.
        track.GetProperty("total").GetProperty("percentOfTarget").GetDecimal().ShouldBe(62.56m);
        var phaseOne = await Json(await client.GetAsync("/api/track?year=2020&years=2&categoryVintage=census-ytd-2021-06", TestContext.Current.CancellationToken));
        phaseOne.GetProperty("years").GetInt32().ShouldBe(2);
        phaseOne.GetProperty("period").GetProperty("to").GetString().ShouldBe("2021-06");
        phaseOne.GetProperty("period").GetProperty("windowEnd").GetString().ShouldBe("2021-12");
        phaseOne.GetProperty("continuedBy").GetProperty("vintage").GetString().ShouldBe("census-ytd-2021-06");
    }

    [Fact]
    public async Task Unknown_names_paths_and_malformed_values_are_refused_as_the_callers_mistake()
    {
        var client = _server.Client();
        var unknown = await client.GetAsync("/api/track?year=2021&categoryVintage=census-ytd-2031-01", TestContext.Current.CancellationToken);
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("expected one of census-ytd-2021-01");
        (await client.GetAsync("/api/agreements/..%2F..%2Fetc%2Fpasswd", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/agreements/no-such-deal", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var badYear = await client.GetAsync("/api/track?year=20x0", TestContext.Current.CancellationToken);
        badYear.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(badYear)).GetProperty("field").GetString().ShouldBe("year");
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(Server.ObserverKey, HttpStatusCode.OK)]
    [InlineData(Server.UsKey, HttpStatusCode.OK)]
    [InlineData(Server.CnKey, HttpStatusCode.OK)]
    [InlineData(Server.AdminKey, HttpStatusCode.OK)]
    public async Task Impact_negotiations_and_cases_need_a_key(string? key, HttpStatusCode expected)
    {
        var client = _server.Client(key);
        var impact = await client.PostAsJsonAsync("/api/impact", new { importer = "US", scenario = "dec15-proceeds", baseline = "phase-one", year = 2019 }, TestContext.Current.CancellationToken);
        impact.StatusCode.ShouldBe(expected);
        (await client.GetAsync("/api/negotiations", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(expected);
        (await client.GetAsync("/api/negotiations/us-china-2019-11/analyze", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(expected);
        (await client.PostAsJsonAsync("/api/negotiations/us-china-2019-11/evaluate", new { offer = "farm-purchases=40,commitment-form=range" }, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(expected);
        (await client.PostAsync("/api/negotiations/us-china-2019-11/simulate?seed=1", null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(expected);
        (await client.GetAsync("/api/cases", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.OK)
        {
            // The rise is the accounting of the scenario's 15% on List 4B (scenarios/dec15-proceeds.yaml): 15% of the
            // trade left, less the general duty the lost trade no longer pays at the lines' average rate before.
            var list4b = (await Json(impact)).GetProperty("products").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Section 301 List 4B");
            decimal Field(string name) => list4b.GetProperty(name).GetDecimal();
            var (before, after) = (Field("importsFromPartnerBefore"), Field("importsFromPartnerAfter"));
            var expectedRise = 0.15m * after - Field("tariffRevenueBefore") / before * (before - after);
            (Field("tariffRevenueAfter") - Field("tariffRevenueBefore")).ShouldBe(expectedRise, expectedRise * 0.01m);
        }
        else
        {
            (await Json(impact)).GetProperty("field").GetString().ShouldBe("X-Api-Key");
        }
    }

    [Theory]
    [InlineData("""{"importer":"FR","scenario":"phase-one"}""", "importer")]
    [InlineData("""{"importer":"US","scenario":"phase-one","year":1990}""", "year")]
    [InlineData("""{"importer":"US","scenario":"phase-one","supplyElasticity":-1}""", "supplyElasticity")]
    [InlineData("""{"importer":"US","scenario":"nothing"}""", "scenario")]
    [InlineData("""{"importer":"US","scenario":"phase-one","by":"state"}""", "by")]
    [InlineData("""{"importer":"US","scenario":"phase-one","date":"31/12/2019"}""", "date")]
    public async Task Malformed_impact_requests_are_problems_naming_the_field(string body, string field)
    {
        var response = await _server.Client(Server.ObserverKey).PostAsync("/api/impact", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Json(response);
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("detail").GetString()!.ShouldContain("expected");
    }

    [Theory]
    [InlineData("/api/negotiations/us-china-2019-11/simulate?rounds=0", "rounds")]
    [InlineData("/api/negotiations/us-china-2019-11/simulate?seed=abc", "seed")]
    [InlineData("/api/negotiations/us-china-2019-11/simulate?us=genius", "strategy")]
    public async Task Malformed_simulations_are_problems_naming_the_field(string path, string field)
    {
        var response = await _server.Client(Server.ObserverKey).PostAsync(path, null, TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Json(response)).GetProperty("field").GetString().ShouldBe(field);
    }

    [Theory]
    [InlineData("duckdb")]
    [InlineData("postgres")]
    public async Task Cases_are_opened_and_advanced_by_offices_and_hidden_when_confidential(string store)
    {
        // The same flow on the embedded store and on a PostgreSQL server (a database of its own, dropped after).
        var database = store == "postgres" ? "accord_web_" + Guid.NewGuid().ToString("N") : null;
        var pg = Environment.GetEnvironmentVariable("ACCORD_TEST_PG");
        if (database is not null)
        {
            await Admin(pg ?? throw new InvalidOperationException("ACCORD_TEST_PG is not set: run ./scripts/test.sh, which starts PostgreSQL for the tests"), $"CREATE DATABASE {database}");
        }

        try
        {
            await using var server = database is null ? null
                : await Server.Start(db: new Npgsql.NpgsqlConnectionStringBuilder(pg) { Database = database, Pooling = false }.ConnectionString);
            await CaseFlow(server ?? _server);
        }
        finally
        {
            if (database is not null)
            {
                await Admin(pg!, $"DROP DATABASE {database} WITH (FORCE)");
            }
        }
    }

    private static async Task CaseFlow(Server server)
    {
        var us = server.Client(Server.UsKey);
        var cn = server.Client(Server.CnKey);
        var observer = server.Client(Server.ObserverKey);
        var anonymous = server.Client();

        (await anonymous.PostAsJsonAsync("/api/cases", new { respondent = "CN", summary = "x", at = "2021-01-15" }, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await observer.PostAsJsonAsync("/api/cases", new { respondent = "CN", summary = "x", at = "2021-01-15" }, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var opened = await us.PostAsJsonAsync("/api/cases", new { respondent = "CN", article = "6.2", summary = "Purchases short", at = "2021-01-15", confidential = true }, TestContext.Current.CancellationToken);
        opened.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await Json(opened)).GetProperty("id").GetString();

        var refused = await us.PostAsJsonAsync($"/api/cases/{id}/advance", new { action = "assess", at = "2021-02-01" }, TestContext.Current.CancellationToken);
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await Json(refused)).GetProperty("permitted").EnumerateArray().Select(p => p.GetString()).ShouldBe(["assess"]);
        var advanced = await cn.PostAsJsonAsync($"/api/cases/{id}/advance", new { action = "assess", at = "2021-02-01" }, TestContext.Current.CancellationToken);
        advanced.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Json(advanced)).GetProperty("state").GetString().ShouldBe("consultation-officials");

        (await observer.GetAsync($"/api/cases/{id}", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync($"/api/cases/{id}", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await observer.GetAsync($"/api/cases/{id}/verify", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Json(await observer.GetAsync("/api/cases", TestContext.Current.CancellationToken))).GetArrayLength().ShouldBe(0);
        var show = await Json(await cn.GetAsync($"/api/cases/{id}?at=2021-04-16", TestContext.Current.CancellationToken));
        show.GetProperty("overdue").GetBoolean().ShouldBeTrue();
        show.GetProperty("events").GetArrayLength().ShouldBe(2);
        (await Json(await server.Client(Server.AdminKey).GetAsync($"/api/cases/{id}/verify", TestContext.Current.CancellationToken))).GetProperty("intact").GetBoolean().ShouldBeTrue();
        (await server.Client("not-a-key").GetAsync("/api/cases", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await cn.PostAsJsonAsync($"/api/cases/{id}/advance", new { at = "2021-02-01" }, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await cn.GetAsync("/api/cases/US-CN-2099-999", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("2021-04-15T23:59:00Z", false)]
    [InlineData("2021-04-16T00:00:00Z", true)]
    public async Task Without_a_date_cases_are_read_as_of_the_servers_clock(string now, bool overdue)
    {
        await using var server = await Server.Start(clock: new StoppedClock(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
        var us = server.Client(Server.UsKey);
        var opened = await us.PostAsJsonAsync("/api/cases", new { respondent = "CN", article = "6.2", summary = "Purchases short", at = "2021-01-15" }, TestContext.Current.CancellationToken);
        var id = (await Json(opened)).GetProperty("id").GetString();
        (await Json(await us.GetAsync($"/api/cases/{id}", TestContext.Current.CancellationToken))).GetProperty("overdue").GetBoolean().ShouldBe(overdue);
        (await Json(await us.GetAsync("/api/cases?overdue=true", TestContext.Current.CancellationToken))).GetArrayLength().ShouldBe(overdue ? 1 : 0);
    }

    [Fact]
    public async Task The_case_api_runs_on_postgresql_too()
    {
        var server = Environment.GetEnvironmentVariable("ACCORD_TEST_PG")
                     ?? throw new InvalidOperationException("ACCORD_TEST_PG is not set: run ./scripts/test.sh, which starts PostgreSQL for the tests");
        var database = "accord_web_" + Guid.NewGuid().ToString("N");
        await Admin(server, $"CREATE DATABASE {database}");
        try
        {
            var connection = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false }.ConnectionString;
            await using var onPostgres = await Server.Start(db: connection);
            var opened = await onPostgres.Client(Server.UsKey).PostAsJsonAsync("/api/cases", new { respondent = "CN", summary = "on PostgreSQL", at = "2021-01-15" }, TestContext.Current.CancellationToken);
            opened.StatusCode.ShouldBe(HttpStatusCode.Created);
            var id = (await Json(opened)).GetProperty("id").GetString();
            var advanced = await onPostgres.Client(Server.CnKey).PostAsJsonAsync($"/api/cases/{id}/advance", new { action = "assess", at = "2021-02-01" }, TestContext.Current.CancellationToken);
            (await Json(advanced)).GetProperty("events").GetArrayLength().ShouldBe(2);
            (await Json(await onPostgres.Client(Server.AdminKey).GetAsync($"/api/cases/{id}/verify", TestContext.Current.CancellationToken))).GetProperty("intact").GetBoolean().ShouldBeTrue();
            (await onPostgres.Client(Server.ObserverKey).GetAsync($"/api/cases/{id}", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
            // The trade data live on the server too: the tracker answers from PostgreSQL.
            (await Json(await onPostgres.Client().GetAsync("/api/track?year=2020", TestContext.Current.CancellationToken))).GetProperty("total").GetProperty("percentOfTarget").GetDecimal().ShouldBe(62.56m);
        }
        finally
        {
            await Admin(server, $"DROP DATABASE {database} WITH (FORCE)");
        }
    }

    private static async Task Admin(string server, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task A_partys_preferences_are_its_own()
    {
        var path = "/api/negotiations/us-china-2019-11/profiles/US";
        (await _server.Client(Server.UsKey).GetAsync(path, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var key in new[] { Server.CnKey, Server.ObserverKey, Server.AdminKey, null })
        {
            var response = await _server.Client(key).GetAsync(path, TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(key is null ? HttpStatusCode.Unauthorized : HttpStatusCode.NotFound);
            (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldNotContain("0.35");
        }

        var asUs = await Json(await _server.Client(Server.UsKey).GetAsync("/api/negotiations/us-china-2019-11/analyze", TestContext.Current.CancellationToken));
        asUs.GetProperty("reservation").EnumerateObject().Select(p => p.Name).ShouldBe(["US"]);
        var asObserver = await Json(await _server.Client(Server.ObserverKey).GetAsync("/api/negotiations/us-china-2019-11/analyze", TestContext.Current.CancellationToken));
        asObserver.GetProperty("reservation").EnumerateObject().ShouldBeEmpty();
        asObserver.GetProperty("zopa").GetBoolean().ShouldBeTrue();
        asObserver.GetProperty("cloud").GetArrayLength().ShouldBeInRange(1_000, 2_100);
    }

    [Fact]
    public async Task Evaluate_answers_an_allowed_offer_and_refuses_an_option_the_issue_lacks()
    {
        var client = _server.Client(Server.ObserverKey);
        var evaluated = await Json(await client.PostAsJsonAsync("/api/negotiations/us-china-2019-11/evaluate", new { offer = "farm-purchases=40,list4a-rate=7.5%,commitment-form=range" }, TestContext.Current.CancellationToken));
        evaluated.GetProperty("allowed").GetBoolean().ShouldBeTrue();
        // farm-purchases offers 0, 10, 20, 30, 40, 50 (negotiations/us-china-2019-11.yaml): 45 is none of them.
        (await client.PostAsJsonAsync("/api/negotiations/us-china-2019-11/evaluate", new { offer = "farm-purchases=45" }, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/negotiations/nothing/analyze", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsJsonAsync("/api/negotiations/us-china-2019-11/evaluate", new { }, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Simulate_ends_on_the_agreed_offer_after_alternating_rounds()
    {
        var client = _server.Client(Server.ObserverKey);
        var simulated = await Json(await client.PostAsync("/api/negotiations/us-china-2019-11/simulate?us=boulware&cn=conceder&seed=1", null, TestContext.Current.CancellationToken));
        var transcript = simulated.GetProperty("transcript").EnumerateArray().ToList();
        transcript.Select(o => o.GetProperty("round").GetInt32()).ShouldBe(Enumerable.Range(1, transcript.Count));
        transcript.Select(o => o.GetProperty("party").GetString()).ShouldBe(transcript.Select((_, k) => k % 2 == 0 ? "US" : "CN"));
        transcript.SkipLast(1).ShouldAllBe(o => !o.GetProperty("accepted").GetBoolean());
        transcript[^1].GetProperty("accepted").GetBoolean().ShouldBeTrue();
        simulated.GetProperty("agreement").GetString().ShouldBe(transcript[^1].GetProperty("offer").GetString());
        simulated.GetProperty("rounds").GetInt32().ShouldBe(transcript[^1].GetProperty("round").GetInt32());
        (await client.PostAsync("/api/negotiations/us-china-2019-11/simulate?us=genius", null, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_reservation_cannot_be_read_off_an_evaluation_or_a_failed_simulation()
    {
        const string offer = "farm-purchases=40,list4a-rate=7.5%,commitment-form=range";
        foreach (var (key, own) in new[] { (Server.UsKey, "US"), (Server.CnKey, "CN"), (Server.ObserverKey, (string?)null), (Server.AdminKey, null) })
        {
            var client = _server.Client(key);
            var evaluated = await Json(await client.PostAsJsonAsync("/api/negotiations/us-china-2019-11/evaluate", new { offer }, TestContext.Current.CancellationToken));
            evaluated.GetProperty("acceptable").EnumerateObject().Select(p => p.Name).ShouldBe(own is null ? [] : [own]);
            // Two hardliners never agree: each is left with its reservation, which only its own office may see.
            var failed = await Json(await client.PostAsync("/api/negotiations/us-china-2019-11/simulate?us=hardliner&cn=hardliner&rounds=4", null, TestContext.Current.CancellationToken));
            failed.GetProperty("agreement").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
            failed.GetProperty("utilities").EnumerateObject().Select(p => p.Name).ShouldBe(own is null ? [] : [own]);
        }
    }
}
