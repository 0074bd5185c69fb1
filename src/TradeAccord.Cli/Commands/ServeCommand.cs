using System.ComponentModel;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console.Cli;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Web;

namespace TradeAccord.Cli.Commands;

/// <summary>Options of <c>accord serve</c>.</summary>
public sealed class ServeSettings : DataSettings
{
    /// <summary>Where to listen.</summary>
    [CommandOption("--urls <URLS>")]
    [Description("Where to listen (default http://127.0.0.1:5080)")]
    [DefaultValue("http://127.0.0.1:5080")]
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>The store.</summary>
    [CommandOption("--db <PATH|CONNSTRING>")]
    [Description("Store: a DuckDB file (default ~/.local/share/tradeaccord/accord.duckdb or $ACCORD_DB) or a PostgreSQL connection string")]
    public string? Db { get; init; }

    /// <summary>The API keys file.</summary>
    [CommandOption("--keys <FILE>")]
    [Description("JSON file of API keys and their roles (default: $ACCORD_API_KEYS; without one, only public data are served)")]
    public string? Keys { get; init; }
}

/// <summary><c>accord serve</c>: the API and the dashboard.</summary>
public sealed class ServeCommand(CliContext cli) : AsyncCommand<ServeSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        await using var app = WebApp.Build(new WebOptions(settings.Urls, settings.Db, settings.Data, settings.Keys));
        // Load the data and the trade store before the first request, so the first user does not wait.
        using (app.Services.GetRequiredService<ServerState>().Trade())
        {
        }

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [settings.Urls];
        foreach (var address in addresses)
        {
            await cli.Out.WriteLineAsync($"TradeAccord is serving on {address} (dashboard at /, API reference at /api/reference); Ctrl+C stops it").ConfigureAwait(false);
        }

        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
