using System.Net;
using System.Text.Json;

namespace TradeAccord.Web.Tests;

/// <summary>GET /api/duty/history and /api/schedule/effective: answers, and problems naming each field in the API's spelling.</summary>
public sealed class SeriesApiTests : IAsyncLifetime
{
    private Server _server = null!;

    public async ValueTask InitializeAsync() => _server = await Server.Start();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, JsonElement Body)> Get(string path)
    {
        var response = await _server.Client().GetAsync(path, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement);
    }

    [Fact]
    public async Task The_history_names_the_dates_list_3_started_and_rose()
    {
        var (status, body) = await Get("/api/duty/history?hts=7326.90.8688&origin=CN&from=2018-01-01&to=2020-12-31");

        status.ShouldBe(HttpStatusCode.OK);
        var dates = body.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("date").GetString()).ToList();
        dates.ShouldContain("2018-09-24");
        dates.ShouldContain("2019-05-10");
    }

    [Theory]
    [InlineData("/api/duty/history?origin=CN", "hts")]
    [InlineData("/api/duty/history?hts=7326.90.8688&origin=C1", "origin")]
    [InlineData("/api/duty/history?hts=7326.90.8688&origin=CN&from=2019-13-01", "from")]
    [InlineData("/api/duty/history?hts=7326.90.8688&origin=CN&from=2020-01-01&to=2019-01-01", "to")]
    [InlineData("/api/schedule/effective?date=2020-03-01", "partner")]
    [InlineData("/api/schedule/effective?partner=FR&date=2020-03-01", "partner")]
    [InlineData("/api/schedule/effective?partner=CN", "date")]
    [InlineData("/api/schedule/effective?partner=CN&from=2020-01-01", "to")]
    [InlineData("/api/schedule/effective?partner=CN&date=2020-03-01&by=heading", "by")]
    public async Task A_wrong_field_is_a_problem_naming_it(string path, string field)
    {
        var (status, body) = await Get(path);

        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain(field);
    }

    [Fact]
    public async Task A_date_outside_the_data_is_unprocessable()
    {
        var (status, body) = await Get("/api/schedule/effective?partner=CN&date=2017-01-01");

        status.ShouldBe((HttpStatusCode)422);
        body.GetProperty("detail").GetString()!.ShouldContain("outside the data");
    }

    [Fact]
    public async Task A_series_of_effective_rates_has_a_point_on_each_change()
    {
        var (status, body) = await Get("/api/schedule/effective?partner=CN&from=2020-02-01&to=2020-03-01&by=authority");

        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("date").GetString()).ShouldBe(["2020-02-01", "2020-02-14"]);
    }
}
