using System.Text.Json;
using TradeAccord.Cli.Infrastructure;

namespace TradeAccord.Cli.Tests;

/// <summary>Runs the real <c>accord</c> command line in process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static async Task<CliRun> Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AccordApp.CreateConsole(output, interactive: false);
        console.Profile.Width = 200;
        var code = await AccordApp.RunAsync(args, new CliContext(console, output, error));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public JsonElement Json => JsonDocument.Parse(Out).RootElement;
}
