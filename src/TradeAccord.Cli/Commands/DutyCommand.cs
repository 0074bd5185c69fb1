using System.Globalization;
using Spectre.Console.Cli;
using Spectre.Console;
using TradeAccord.App.Tariffs.Batch;
using TradeAccord.App.Requests;
using TradeAccord.App.Tariffs;
using TradeAccord.App;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Cli.Output;
using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.References;

namespace TradeAccord.Cli.Commands;

/// <summary><c>accord duty</c>: one shipment, or a whole entries file.</summary>
public sealed class DutyCommand(CliContext cli) : AsyncCommand<DutySettings>
{
    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, DutySettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // Every field is checked, and every problem reported, before the schedule is loaded.
        var fields = new Fields(FieldStyle.Option);
        var scenario = fields.Try(() => cli.Reference(ReferenceKind.Scenario, "--scenario", settings.Scenario, settings.Data));
        var (importer, shipment) = settings.Input is not null
            ? (fields.Country("importer", settings.Importer), default(Shipment))
            : fields.Try(() => new QuoteRequest(settings.Hts, settings.Origin, settings.EntryDate, settings.Value, settings.ExportDate, settings.Quantity,
                settings.Unit, settings.Importer, settings.ClaimExclusion, settings.ContentValue, settings.UsContentValue,
                DeclareEndUse: settings.DeclareEndUse).Validate(FieldStyle.Option));
        fields.ThrowIfInvalid();
        var schedule = cli.Loader(settings.Data).Load(scenario);
        return Task.FromResult(settings.Input is not null ? RunBatch(schedule, importer, settings) : RunSingle(schedule, importer, shipment, settings));
    }

    private int RunSingle(TariffSchedule schedule, CountryCode importer, Shipment shipment, DutySettings settings)
    {
        var quote = QuoteRequest.Price(schedule, importer, shipment, FieldStyle.Option, settings.AssumeUnchanged);

        if (settings.Format.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            cli.Out.WriteLine(Json.Serialize(DutyJson.From(quote)));
        }
        else
        {
            DutyTable.Render(cli.Console, quote);
        }

        return 0;
    }

    private int RunBatch(TariffSchedule schedule, CountryCode importer, DutySettings settings)
    {
        BatchSummary summary = null!;
        if (cli.Console.Profile.Capabilities.Interactive)
        {
            cli.Console.Progress().Start(ctx =>
            {
                var task = ctx.AddTask($"Pricing {Path.GetFileName(settings.Input)}", maxValue: 1.0);
                summary = DutyBatch.Run(schedule, importer, settings.Input!, settings.Output!, f => task.Value = f);
            });
        }
        else
        {
            summary = DutyBatch.Run(schedule, importer, settings.Input!, settings.Output!);
        }

        var duty = summary.TotalDuty.ToString("N2", CultureInfo.InvariantCulture);
        var value = summary.TotalValue.ToString("N2", CultureInfo.InvariantCulture);
        cli.Console.MarkupLineInterpolated(
            $"{summary.Rows:N0} rows, {summary.Errors:N0} errors, total duty {duty} USD on {value} USD ({schedule.Name}); written to {settings.Output}");
        if (summary.TotalIeepa != 0m)
        {
            cli.Console.MarkupLineInterpolated(
                $"of which levied under IEEPA: {summary.TotalIeepa.ToString("N2", CultureInfo.InvariantCulture)} USD (column ieepa_usd; an estimate of the IEEPA share of the duty, not legal advice)");
        }
        return 0;
    }
}
