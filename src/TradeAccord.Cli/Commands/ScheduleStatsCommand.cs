using System.Globalization;
using Spectre.Console.Cli;
using Spectre.Console;
using TradeAccord.App.Requests;
using TradeAccord.App.Tariffs;
using TradeAccord.Core.Errors;
using TradeAccord.App;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Cli.Output;
using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.References;

namespace TradeAccord.Cli.Commands;

/// <summary><c>accord schedule stats</c>: covered lines per heading on a date.</summary>
public sealed class ScheduleStatsCommand(CliContext cli) : AsyncCommand<ScheduleSettings>
{
    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, ScheduleSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var format = settings.Format ?? "table";
        if (format is not ("table" or "json"))
        {
            throw new CliUsageException($"--format '{format}' is not supported: expected table or json");
        }

        var problems = new Validator();
        var scenario = problems.Try(() => cli.Reference(ReferenceKind.Scenario, "--scenario", settings.Scenario, settings.Data));
        problems.ThrowIfInvalid();
        var (schedule, importer, date) = new ScheduleStatsQuery(settings.Date, settings.Importer, scenario).Run(cli.Loader(settings.Data), FieldStyle.Option);
        var counts = ScheduleStatistics.On(schedule, importer, date);
        if (format == "json")
        {
            cli.Out.WriteLine(Json.Serialize(ScheduleStatsJson.Of(schedule, importer, date)));
            return Task.FromResult(0);
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Heading").AddColumn("Measure").AddColumn("Status")
            .AddColumn(new TableColumn("8-digit lines").RightAligned()).AddColumn(new TableColumn("10-digit lines").RightAligned());
        foreach (var count in counts)
        {
            table.AddRow(Markup.Escape(count.Heading ?? "—"), Markup.Escape(count.Title), ScheduleStatsJson.StatusText(count.Status),
                count.Lines8.ToString("N0", CultureInfo.InvariantCulture), count.Lines10.ToString("N0", CultureInfo.InvariantCulture));
        }

        cli.Console.MarkupLineInterpolated($"[bold]{importer}[/] schedule on {settings.Date} ({schedule.Name})");
        cli.Console.Write(table);
        cli.Console.MarkupLine("Compiled from:");
        foreach (var source in schedule.Sources)
        {
            cli.Console.MarkupLineInterpolated($"  {source.Name}: {source.File} ({source.Version})");
        }

        return Task.FromResult(0);
    }
}
