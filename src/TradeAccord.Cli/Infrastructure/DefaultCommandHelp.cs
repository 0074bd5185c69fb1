using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace TradeAccord.Cli.Infrastructure;

/// <summary>
/// Help that lists a branch's default command's options under the branch (<c>accord duty --help</c> shows the quote's
/// options beside the <c>history</c> subcommand): the default help shows only the branch's own, which has none.
/// </summary>
internal sealed class DefaultCommandHelp(ICommandAppSettings settings) : HelpProvider(settings)
{
    /// <inheritdoc />
    public override IEnumerable<IRenderable> GetOptions(ICommandModel model, ICommandInfo? command) =>
        base.GetOptions(model, command is { IsBranch: true, DefaultCommand: { } fallback } ? fallback : command);
}
