using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TradeAccord.Web.Tests;

/// <summary>
/// A server fault is answered 500 and logged, once, without the API key or the request's content; a caller's mistake is
/// answered and not logged. The fault is a real one: the server's clock fails when a case list without a date asks it.
/// </summary>
public sealed class FaultLoggingTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("accord-fault-").FullName;
    private readonly Captured _log = new();
    private Microsoft.AspNetCore.Builder.WebApplication _app = null!;

    public async ValueTask InitializeAsync()
    {
        var keys = Path.Combine(_folder, "keys.json");
        await File.WriteAllTextAsync(keys, $$"""{"{{Server.UsKey}}":"us-office"}""");
        _app = WebApp.Build(new WebOptions(Db: Path.Combine(_folder, "store.duckdb"), KeysFile: keys), builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Services.AddSingleton<TimeProvider>(new FailingClock());
            builder.Logging.AddProvider(_log);
        });
        await _app.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_server_fault_answers_500_and_is_logged_without_the_key()
    {
        var response = await Client().GetAsync("/api/cases?overdue=true", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        body.ShouldContain("the server failed; the error is logged without request content");
        body.ShouldNotContain(FailingClock.Message, Case.Sensitive, "the answer does not carry the server's error");
        var entry = _log.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Error);
        entry.EventId.ShouldBe(5000);
        entry.Text.ShouldBe("GET /api/cases failed");
        entry.Error.ShouldBeOfType<InvalidOperationException>().Message.ShouldBe(FailingClock.Message);
        _log.Entries.ShouldAllBe(e => !e.Text.Contains(Server.UsKey) && !(e.Error != null && e.Error.ToString().Contains(Server.UsKey)));
        _log.Entries.ShouldAllBe(e => !e.Text.Contains("overdue"), "the query is request content");
    }

    [Fact]
    public async Task A_callers_mistake_is_answered_and_not_logged()
    {
        var response = await Client().GetAsync("/api/cases?at=yesterday", TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Client().GetAsync("/api/cases/US-CN-2021-404?at=2021-02-01", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        _log.Entries.ShouldBeEmpty();
    }

    private HttpClient Client()
    {
        var client = _app.GetTestClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Server.UsKey);
        return client;
    }

    private sealed class FailingClock : TimeProvider
    {
        public const string Message = "the clock is broken (a fault planted by the test)";

        public override DateTimeOffset GetUtcNow() => throw new InvalidOperationException(Message);
    }

    private sealed record Entry(LogLevel Level, int EventId, string Text, Exception? Error);

    // Every entry the server's loggers write at Warning or above (the server's own minimum).
    private sealed class Captured : ILoggerProvider
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<Entry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new Entry(logLevel, eventId.Id, formatter(state, exception), exception));
        }
    }
}
