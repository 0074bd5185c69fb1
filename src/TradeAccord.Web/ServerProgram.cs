using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradeAccord.Core.Errors;

namespace TradeAccord.Web;

/// <summary>The server's command line: <c>accord-server [--urls URLS] [--db PATH|CONNSTRING] [--data DIR] [--keys FILE]</c>.</summary>
public static class ServerProgram
{
    private const string Usage = """
        accord-server: the TradeAccord API and dashboard.

        USAGE:
            accord-server [OPTIONS]

        OPTIONS:
            --urls <URLS>              Where to listen (default http://127.0.0.1:5080)
            --db <PATH|CONNSTRING>     Store: a DuckDB file (default ~/.local/share/tradeaccord/accord.duckdb or $ACCORD_DB) or a PostgreSQL connection string
            --data <DIR>               Another data folder (default: the built-in data)
            --keys <FILE>              JSON file of API keys and their roles (default: $ACCORD_API_KEYS; without one, only public data are served)
            -h, --help                 Prints this help
        """;

    /// <summary>Runs the server until it is stopped; returns the exit code (the error table's, for a failure).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var options = Parse(args);
            if (options is null)
            {
                await output.WriteLineAsync(Usage).ConfigureAwait(false);
                return 0;
            }

            await using var app = WebApp.Build(options);
            // Load the data and the trade store before the first request, so the first user does not wait.
            using (await app.Services.GetRequiredService<ServerState>().TradeAsync(cancellationToken).ConfigureAwait(false))
            {
            }

            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [options.Urls];
            foreach (var address in addresses)
            {
                await output.WriteLineAsync($"TradeAccord is serving on {address} (dashboard at /, API reference at /api/reference); Ctrl+C stops it").ConfigureAwait(false);
            }

            await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (AccordException e)
        {
            // A user's mistake (a short key, a missing data folder) is a message and the table's exit code, never a stack.
            await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return e.Kind.ExitCode();
        }
    }

    // Null: help was asked for.
    private static WebOptions? Parse(string[] args)
    {
        var options = new WebOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                return null;
            }

            if (name is not ("--urls" or "--db" or "--data" or "--keys"))
            {
                throw new UsageException(name, $"'{name}' is not an option: expected --urls, --db, --data or --keys (--help lists them)");
            }

            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException(name, $"{name} needs a value");
            }

            var value = args[++i];
            options = name switch
            {
                "--urls" => options with { Urls = value },
                "--db" => options with { Db = value },
                "--data" => options with { Data = value },
                _ => options with { KeysFile = value },
            };
        }

        return options;
    }

    private sealed class UsageException(string option, string message) : AccordException(ErrorKind.BadInput, message)
    {
        public override string? Field => option;
    }
}
