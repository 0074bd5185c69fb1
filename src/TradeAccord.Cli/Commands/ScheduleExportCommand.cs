using Spectre.Console;
using Spectre.Console.Cli;
using TradeAccord.App.Requests;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Core.Errors;
using TradeAccord.Core.Common;
using TradeAccord.Sources;
using TradeAccord.Sources.References;

namespace TradeAccord.Cli.Commands;

/// <summary><c>accord schedule export</c>: the compiled schedule as plain CSV rows.</summary>
public sealed class ScheduleExportCommand(CliContext cli) : AsyncCommand<ScheduleSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, ScheduleSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Format is not (null or "csv"))
        {
            throw new CliUsageException($"--format '{settings.Format}' is not supported for export: expected csv");
        }

        // Unlike stats, export takes neither a date nor an importer by default: every date, every importer.
        var fields = new Fields(FieldStyle.Option);
        var date = fields.OptionalDate("date", settings.Date);
        CountryCode? importer = settings.Importer is null ? null : fields.Country("importer", settings.Importer);
        var scenario = fields.Try(() => cli.Reference(ReferenceKind.Scenario, "--scenario", settings.Scenario, settings.Data));
        fields.ThrowIfInvalid();
        var schedule = cli.Loader(settings.Data).Load(scenario);
        if (settings.Output is null)
        {
            ScheduleExporter.Write(schedule, cli.Out, date, importer);
            return 0;
        }

        await using var file = new StreamWriter(settings.Output);
        var rows = ScheduleExporter.Write(schedule, file, date, importer);
        cli.Console.WriteLine($"{rows:N0} rows written to {settings.Output}");
        return 0;
    }
}
