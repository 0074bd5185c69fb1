using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradeAccord.Core.Errors;

namespace TradeAccord.Web;

/// <summary>The server's command line: <c>accord-server [--urls URLS] [--db PATH|CONNSTRING] [--data DIR] [--keys FILE] [limits]</c>.</summary>
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
            --keys <FILE>              JSON file of API keys (or sha256:<hex> of each) and their roles (default: $ACCORD_API_KEYS;
                                       without one, a server on loopback makes a local admin key in ~/.local/share/tradeaccord/keys.json
                                       and prints the dashboard address that carries it; any other address is refused)
            --max-upload-mb <MB>       Largest batch upload (default 100)
            --request-timeout <S>      Seconds a request may run before it is stopped with 503 (default 100)
            --max-outcomes <N>         Most outcomes a negotiation analysis enumerates (default 2000000)
            -h, --help                 Prints this help
        """;

    /// <summary>Runs the server until it is stopped; returns the exit code (the error table's, for a failure).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, output, error, LocalAdminKey.DefaultFolder(), cancellationToken);

    /// <summary>Runs the server; a local admin key, when one is needed, is kept in <paramref name="keysFolder"/>.</summary>
    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string keysFolder, CancellationToken cancellationToken)
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

            string? localKey = null;
            if (options.KeysFile is null && Environment.GetEnvironmentVariable(ApiKeys.Variable) is not { Length: > 0 })
            {
                // Without keys every private page would be closed to the one person who can use them, or, on a shared
                // address, open to all: on loopback the user gets an admin key of their own, elsewhere keys are required.
                if (!LocalAdminKey.IsLoopbackOnly(options.Urls))
                {
                    throw new UsageException("--keys", $"refusing to serve {options.Urls} without API keys: an address other machines can reach needs " +
                        "--keys FILE (or $ACCORD_API_KEYS), so that cases and negotiating positions are read only by their offices");
                }

                (var file, localKey) = LocalAdminKey.Ensure(keysFolder);
                options = options with { KeysFile = file };
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

            if (localKey is not null)
            {
                // Printed once, to the console of whoever started the server; the dashboard keeps it and drops it from the address.
                await output.WriteLineAsync($"Open the dashboard as admin (local key in {options.KeysFile}): {addresses.First().TrimEnd('/')}/#key={localKey}").ConfigureAwait(false);
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

            if (name is not ("--urls" or "--db" or "--data" or "--keys" or "--max-upload-mb" or "--request-timeout" or "--max-outcomes"))
            {
                throw new UsageException(name, $"'{name}' is not an option: expected --urls, --db, --data, --keys or a limit (--help lists them)");
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
                "--max-upload-mb" => options with { MaxUploadBytes = Positive(name, value) * 1024 * 1024 },
                "--request-timeout" => options with { RequestTimeout = TimeSpan.FromSeconds(Positive(name, value)) },
                "--max-outcomes" => options with { MaxOutcomes = Positive(name, value) },
                _ => options with { KeysFile = value },
            };
        }

        return options;
    }

    private static long Positive(string option, string value) =>
        long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 1_000_000_000
            ? n
            : throw new UsageException(option, $"{option}: '{value}' is not valid: expected a whole number from 1 to 1000000000");

    private sealed class UsageException(string option, string message) : AccordException(ErrorKind.BadInput, message)
    {
        public override string? Field => option;
    }
}
