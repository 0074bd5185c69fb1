using System.Net;
using TradeAccord.Tests.Shared;

namespace TradeAccord.Web.Tests.Golden;

/// <summary>
/// A line's history and effective rates from the API, pinned in Expectations/api/&lt;name&gt;.json; the same questions as
/// the CLI's golden series, so the two hosts can be compared file by file.
/// </summary>
public sealed class ApiSeriesGoldenTests : IAsyncLifetime
{
    private Server _server = null!;

    public async ValueTask InitializeAsync() => _server = await Server.Start();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("duty-history-list3-2018-2020", "/api/duty/history?hts=7326.90.8688&origin=CN&from=2018-01-01&to=2020-12-31")]
    [InlineData("schedule-effective-cn-2020-03-01-by-authority", "/api/schedule/effective?partner=CN&date=2020-03-01&by=authority")]
    public async Task A_series_answers_as_before(string name, string path)
    {
        var response = await _server.Client().GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        Expectations.Verify($"api/{name}.json", Expectations.Json(body));
    }
}
