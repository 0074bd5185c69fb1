using System.ComponentModel;
using Spectre.Console.Cli;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Core.Enforcement;

namespace TradeAccord.Cli.Commands.Agreements;

/// <summary>Options of <c>accord agreement diagram</c>.</summary>
public sealed class AgreementDiagramSettings : AgreementSettings
{
    /// <summary>Where to write the page.</summary>
    [CommandOption("--output <FILE>")]
    [Description("Write the Markdown page here (e.g. docs/enforcement-us-china-phase-one.md); default: standard output")]
    public string? Output { get; init; }
}

/// <summary><c>accord agreement diagram</c>: the enforcement process as a Mermaid state diagram.</summary>
public sealed class AgreementDiagramCommand(CliContext cli) : Command<AgreementDiagramSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, AgreementDiagramSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var agreement = AgreementInput.Load(cli, settings);
        if (agreement.Enforcement is null)
        {
            throw new CliUsageException($"{agreement.Id} has no enforcement process to draw");
        }

        var source = $"agreements/{settings.File.Replace(".yaml", "", StringComparison.Ordinal).Replace("agreements/", "", StringComparison.Ordinal)}.yaml";
        var page = ProcessDiagram.Markdown(agreement, source, $"`accord agreement diagram {source}`");
        if (settings.Output is null)
        {
            cli.Out.Write(page);
        }
        else
        {
            File.WriteAllText(settings.Output, page);
        }

        return 0;
    }
}
