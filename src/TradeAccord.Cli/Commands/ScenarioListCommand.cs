using Spectre.Console;
using Spectre.Console.Cli;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Sources.References;

namespace TradeAccord.Cli.Commands;

/// <summary><c>accord scenario list</c>: the built-in scenarios and what they stand for.</summary>
public sealed class ScenarioListCommand(CliContext cli) : AsyncCommand<DataSettings>
{
    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, DataSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var loader = cli.Loader(settings.Data);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Scenario").AddColumn("Changes").AddColumn("Description");
        foreach (var name in loader.ScenarioNames)
        {
            var scenario = loader.ReadScenario(loader.Documents.Find(ReferenceKind.Scenario, name)!);
            table.AddRow(Markup.Escape(name), scenario.Changes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(scenario.Description));
        }

        cli.Console.Write(table);
        return Task.FromResult(0);
    }
}
