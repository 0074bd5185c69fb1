using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace TradeAccord.Web.Tests;

/// <summary>A server on its own store and keys: in process (TestServer) for API tests, or on a loopback port for the browser.</summary>
public sealed class Server : IAsyncDisposable
{
    public const string UsKey = "us-office-key-for-tests-0001";
    public const string CnKey = "cn-office-key-for-tests-0001";
    public const string ObserverKey = "observer-key-for-tests-0001";
    public const string AdminKey = "admin-key-for-tests-0000001";

    private readonly string _folder;

    private Server(WebApplication app, string folder, string baseAddress)
    {
        App = app;
        _folder = folder;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }

    public string BaseAddress { get; }

    /// <summary>The server's API keys file: what a probe must never be able to read through a request.</summary>
    public string KeysFile => Path.Combine(_folder, "keys.json");

    /// <summary>A folder of the test's own beside the keys, for symlinks and probe files.</summary>
    public string Folder => _folder;

    /// <summary>
    /// Starts a server; <paramref name="db"/> null gives a fresh DuckDB file, else the given store (e.g. PostgreSQL).
    /// The server always has a keys file of its own (the tests' four keys); <paramref name="options"/> changes its limits,
    /// <paramref name="configure"/> its services (e.g. a log to read).
    /// </summary>
    public static async Task<Server> Start(bool loopback = false, string? db = null, TimeProvider? clock = null,
        Func<WebOptions, WebOptions>? options = null, Action<WebApplicationBuilder>? configure = null)
    {
        var folder = Directory.CreateTempSubdirectory("accord-web-").FullName;
        var keys = Path.Combine(folder, "keys.json");
        await File.WriteAllTextAsync(keys, $$"""{"{{UsKey}}":"us-office","{{CnKey}}":"cn-office","{{ObserverKey}}":"observer","{{AdminKey}}":"admin"}""");
        var settings = new WebOptions(loopback ? "http://127.0.0.1:0" : "http://127.0.0.1:5080", db ?? Path.Combine(folder, "store.duckdb"), null, keys);
        var app = WebApp.Build(options?.Invoke(settings) ?? settings,
            builder =>
            {
                if (!loopback)
                {
                    builder.WebHost.UseTestServer();
                }

                if (clock is not null)
                {
                    builder.Services.AddSingleton(clock);
                }

                configure?.Invoke(builder);
            });
        await app.StartAsync();
        var address = loopback ? app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() : "http://localhost";
        return new Server(app, folder, address);
    }

    public HttpClient Client(string? key = null)
    {
        var client = BaseAddress == "http://localhost" ? App.GetTestClient() : new HttpClient { BaseAddress = new Uri(BaseAddress) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>A clock stopped at one instant, for requests that take "now" from the server.</summary>
public sealed class StoppedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Debian's Chromium driven by Playwright (./scripts/test.sh installs it and sets ACCORD_TEST_CHROMIUM).</summary>
public static class TestBrowser
{
    public static async Task<(Microsoft.Playwright.IPlaywright Playwright, Microsoft.Playwright.IBrowser Browser)> LaunchAsync()
    {
        var path = Environment.GetEnvironmentVariable("ACCORD_TEST_CHROMIUM") ?? "/usr/bin/chromium";
        var playwright = File.Exists(path) ? await Microsoft.Playwright.Playwright.CreateAsync()
            : throw new InvalidOperationException($"no Chromium at {path}: run ./scripts/test.sh, which installs Debian's chromium package");
        return (playwright, await playwright.Chromium.LaunchAsync(new() { ExecutablePath = path, Headless = true, Args = ["--no-sandbox"] }));
    }
}
