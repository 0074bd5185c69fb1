using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using TradeAccord.Web;

namespace TradeAccord.Fuzzing;

/// <summary>
/// The API's request bodies as fuzz targets: mutated bodies are posted to a server in this process (ASP.NET Core's
/// TestServer, the whole pipeline without sockets) on its own DuckDB store and keys. An answer below 500 is the
/// server's own verdict; a 5xx is a crash, reported with the exception the server logged.
/// </summary>
public sealed class ApiTargets : IDisposable
{
    /// <summary>The posting targets.</summary>
    public static readonly IReadOnlyList<string> Names = ["api-duty", "api-batch", "api-impact", "api-evaluate", "api-case-open", "api-case-advance"];

    private const string UsKey = "us-office-key-for-fuzzing-01";
    private const string CnKey = "cn-office-key-for-fuzzing-01";

    private readonly WebApplication _app;
    private readonly HttpClient _client;
    private readonly LastError _errors;
    private readonly string _caseId;

    private ApiTargets(WebApplication app, LastError errors)
    {
        _app = app;
        _errors = errors;
        _client = app.GetTestClient();
        _caseId = OpenCase();
    }

    /// <summary>Starts the server with its store and keys in <paramref name="scratch"/>.</summary>
    public static ApiTargets Start(Scratch scratch)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        var keys = scratch.Write("server-keys.json", Encoding.UTF8.GetBytes($$"""{"{{UsKey}}":"us-office","{{CnKey}}":"cn-office"}"""));
        var errors = new LastError();
        var app = WebApp.Build(new WebOptions("http://127.0.0.1:5080", Path.Combine(scratch.Folder, "store.duckdb"), Shipped.Data, keys), builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(errors);
        });
        app.StartAsync().GetAwaiter().GetResult();
        return new ApiTargets(app, errors);
    }

    /// <summary>The target named <paramref name="name"/>.</summary>
    public FuzzTarget Target(string name) => name switch
    {
        "api-duty" => Json(name, "/api/duty", null,
            """{"hts":"7326.90.8688","origin":"CN","entryDate":"2019-06-20","value":10000}""",
            """{"hts":"8471.30.0100","origin":"CN","entryDate":"2025-06-01","value":2500.50,"quantity":3,"unit":"No.","exportDate":"2025-05-01","claimExclusion":true,"contentValue":100,"declareEndUse":false}""",
            """{"hts":"7326.90.8688","origin":"CN","entryDate":"2019-06-20","value":10000,"scenario":"no-301"}""",
            """{"hts":"7326.90.8688","origin":"CN","entryDate":"2019-06-20","value":10000,"scenarioDocument":"name: x\nchanges: [{change: us301-l1, from: 2019-10-15, rate: 30%}]\n"}"""),
        "api-batch" => new(name, InputFormat.Csv, [Shipped.File("examples/entries-synthetic.csv")], input => Post("/api/duty/batch", input, "text/csv", null)),
        "api-impact" => Json(name, "/api/impact", UsKey,
            """{"importer":"US","scenario":"dec15-proceeds","baseline":"phase-one","year":2019}""",
            """{"importer":"US","scenario":"no-301","year":2019,"by":"chapter","supplyElasticity":1.5}"""),
        "api-evaluate" => Json(name, "/api/negotiations/us-china-2019-11/evaluate", UsKey,
            """{"offer":"farm-purchases=40,list4a-rate=7.5%,commitment-form=range"}""", """{"offer":"farm-purchases=45"}"""),
        "api-case-open" => Json(name, "/api/cases", UsKey,
            """{"respondent":"CN","article":"6.2","summary":"Purchases short","at":"2021-01-15"}""",
            """{"respondent":"CN","summary":"x","at":"2021-01-15","confidential":true,"agreement":"us-china-phase-one"}"""),
        "api-case-advance" => Json(name, $"/api/cases/{_caseId}/advance", CnKey,
            """{"action":"assess","at":"2021-02-01"}""", """{"action":"consult","at":"2021-02-10","note":"talks"}"""),
        _ => throw new ArgumentException($"no API target '{name}'", nameof(name)),
    };

    private FuzzTarget Json(string name, string path, string? key, params string[] bodies) =>
        new(name, InputFormat.Json, [.. bodies.Select(Encoding.UTF8.GetBytes)], input => Post(path, input, "application/json", key));

    private void Post(string path, byte[] body, string contentType, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        _errors.Clear();
        using var response = _client.SendAsync(request).GetAwaiter().GetResult();
        if ((int)response.StatusCode >= 500)
        {
            var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            throw new ServerErrorException($"{(int)response.StatusCode} from POST {path}: {text}\nserver logged: {_errors.Last ?? "(nothing)"}");
        }

        if (response.StatusCode >= HttpStatusCode.BadRequest)
        {
            throw new RejectedRequestException($"{(int)response.StatusCode} from POST {path}");
        }
    }

    private string OpenCase()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
        {
            Content = new StringContent("""{"respondent":"CN","article":"6.2","summary":"Purchases short","at":"2021-01-15"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", UsKey);
        using var response = _client.SendAsync(request).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        return response.Headers.Location!.OriginalString.Split('/')[^1];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _client.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Keeps the last exception the server logged, for a 5xx's report.</summary>
    private sealed class LastError : ILoggerProvider, ILogger
    {
        public string? Last { get; private set; }

        public void Clear() => Last = null;

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error)
            {
                Last = $"{formatter(state, exception)}\n{exception}";
            }
        }

        public void Dispose()
        {
        }
    }
}
