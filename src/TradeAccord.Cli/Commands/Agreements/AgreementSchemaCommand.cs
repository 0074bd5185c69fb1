using Spectre.Console.Cli;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Sources.Agreements;

namespace TradeAccord.Cli.Commands.Agreements;

/// <summary><c>accord agreement schema</c>: the JSON Schema of the agreement format.</summary>
public sealed class AgreementSchemaCommand(CliContext cli) : Command<EmptyCommandSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, EmptyCommandSettings settings, CancellationToken cancellationToken)
    {
        cli.Out.Write(AgreementFiles.Schema);
        return 0;
    }
}
