using Spectre.Console.Cli;
using Spectre.Console;
using TradeAccord.App.Agreements;
using TradeAccord.App;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Cli.Output;
using TradeAccord.Core.Agreements;

namespace TradeAccord.Cli.Commands.Agreements;

/// <summary><c>accord agreement timeline</c>: dated events in order, then the time limits a case will run on.</summary>
public sealed class AgreementTimelineCommand(CliContext cli) : Command<DatedAgreementSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, DatedAgreementSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var agreement = AgreementInput.Load(cli, settings);
        var timeline = AgreementTimeline.Of(agreement);
        if (settings.Json)
        {
            cli.Out.WriteLine(Json.Serialize(AgreementJson.Timeline(agreement)));
            return 0;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Date").AddColumn("Event").AddColumn("Provision");
        foreach (var e in timeline.Dated)
        {
            table.AddRow($"{e.Date:yyyy-MM-dd}{(e.Approximate ? " ~" : "")}", Markup.Escape(e.What), e.Provision ?? "");
        }

        cli.Console.Write(table);
        if (timeline.Dated.Any(e => e.Approximate))
        {
            cli.Console.WriteLine("~ counted in working days, Monday to Friday; public holidays are not known, so the date may be later");
        }

        foreach (var e in timeline.Relative)
        {
            cli.Console.WriteLine($"time limit: {e.What}{(e.Confirmed ? "" : " [not confirmed from the primary text]")}");
        }

        foreach (var e in timeline.Undated)
        {
            cli.Console.WriteLine($"undated: {e} (give --assume-signed to date a draft)");
        }

        return 0;
    }
}
