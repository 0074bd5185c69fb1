using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Core.Agreements;
using TradeAccord.Sources;
using TradeAccord.Sources.Scenarios;

namespace TradeAccord.Cli.Commands.Agreements;

/// <summary>Options of <c>accord agreement apply</c>.</summary>
public sealed class AgreementApplySettings : DatedAgreementSettings
{
    /// <summary>Where to write the scenario.</summary>
    [CommandOption("--output <FILE>")]
    [Description("Write the scenario here (e.g. scenarios/china-2019-11.yaml, then usable by name); default: standard output")]
    public string? Output { get; init; }

    /// <summary>Scenario name.</summary>
    [CommandOption("--name <NAME>")]
    [Description("Scenario name (default: the output file's name, else the agreement's id)")]
    public string? Name { get; init; }
}

/// <summary>
/// <c>accord agreement apply</c>: the agreement's tariff obligations as a scenario overlay, written as a scenario
/// file. The overlay is applied to the record before writing, so a file that would not apply is never written.
/// </summary>
public sealed class AgreementApplyCommand(CliContext cli) : Command<AgreementApplySettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, AgreementApplySettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var agreement = AgreementInput.Load(cli, settings);
        var name = settings.Name ?? (settings.Output is { } o ? Path.GetFileNameWithoutExtension(o) : agreement.PositionOf is { } p ? $"{agreement.Id}-{p.ToString().ToLowerInvariant()}" : agreement.Id);
        var scenario = AgreementOverlay.ToScenario(agreement, name, out var skipped);
        var loader = cli.Loader(settings.Data);
        var applied = scenario.ApplyTo(loader.Baseline);
        if (!applied.Success)
        {
            throw new SourceException(settings.File, 0, "tariffs", applied.Error);
        }

        var comment = $"Made by `accord agreement apply` from {AgreementInput.Display(settings.File)} ({agreement.Title}).\n"
                      + (skipped.Count == 0 ? "Every tariff obligation is applied." : "Not applied:\n" + string.Join("\n", skipped.Select(s => "  " + s)));
        var yaml = ScenarioWriter.Write(scenario, comment);
        if (settings.Output is null)
        {
            cli.Out.Write(yaml);
        }
        else
        {
            // Written whole to a temporary file first, so a failure never leaves half a scenario behind.
            var temporary = settings.Output + ".tmp";
            File.WriteAllText(temporary, yaml);
            File.Move(temporary, settings.Output, overwrite: true);
            cli.Console.MarkupLineInterpolated($"wrote {settings.Output}: {scenario.Changes.Count} change(s); use it with --scenario {settings.Output}");
        }

        foreach (var s in skipped)
        {
            cli.Error.WriteLine($"warning: not applied: {s}");
        }

        return 0;
    }
}
