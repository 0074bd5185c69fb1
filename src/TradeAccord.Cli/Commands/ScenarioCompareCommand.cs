using System.ComponentModel;
using System.Globalization;
using Spectre.Console.Cli;
using Spectre.Console;
using TradeAccord.App.Tariffs.Batch;
using TradeAccord.App;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Cli.Output;
using TradeAccord.Core.Common;
using TradeAccord.Sources.References;

namespace TradeAccord.Cli.Commands;

/// <summary>Options of <c>accord scenario compare</c>.</summary>
public sealed class ScenarioCompareSettings : DataSettings
{
    /// <summary>Entries file.</summary>
    [CommandOption("--input <FILE>")]
    [Description("Entries CSV (as for `accord duty --input`)")]
    public string? Input { get; init; }

    /// <summary>Scenarios, comma-separated.</summary>
    [CommandOption("--scenarios <LIST>")]
    [Description("Comma-separated scenario names or files, e.g. phase-one,dec15-proceeds,no-301")]
    public string? Scenarios { get; init; }

    /// <summary>Importing country.</summary>
    [CommandOption("--importer <COUNTRY>")]
    [DefaultValue("US")]
    public string Importer { get; init; } = "US";

    /// <summary>Output format.</summary>
    [CommandOption("--format <FORMAT>")]
    [Description("table (default) or json")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    /// <inheritdoc />
    public override ValidationResult Validate() => All(
        Input is null ? ValidationResult.Error("--input is required") : ValidationResult.Success(),
        Scenarios is null || Scenarios.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length == 0
            ? ValidationResult.Error("--scenarios is required: a comma-separated list such as phase-one,no-301")
            : ValidationResult.Success(),
        CheckCountry("--importer", Importer),
        CheckOneOf("--format", Format, "table", "json"));
}

/// <summary><c>accord scenario compare</c>.</summary>
public sealed class ScenarioCompareCommand(CliContext cli) : AsyncCommand<ScenarioCompareSettings>
{
    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, ScenarioCompareSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var loader = cli.Loader(settings.Data);
        var schedules = settings.Scenarios!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => loader.Load(cli.Reference(ReferenceKind.Scenario, "--scenarios", name, settings.Data))).ToList();
        var results = ScenarioComparison.Run(schedules, CountryCode.Parse(settings.Importer).GetValueOrThrow(), settings.Input!);
        if (settings.Format.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            cli.Out.WriteLine(Json.Serialize(new
            {
                input = settings.Input,
                importer = settings.Importer.ToUpperInvariant(),
                scenarios = results.Select(r => new
                {
                    scenario = r.Scenario, rows = r.Rows, errors = r.Errors, totalValue = r.TotalValue, totalDuty = r.TotalDuty,
                    effectiveRate = r.EffectiveRate,
                    byList = r.ByLayer.Select(l => new { list = l.Layer, entries = l.Entries, value = l.Value, duty = l.Duty, effectiveRate = l.EffectiveRate }),
                }),
            }));
            return Task.FromResult(0);
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Scenario").AddColumn("Layer / list")
            .AddColumn(new TableColumn("Entries").RightAligned()).AddColumn(new TableColumn("Value USD").RightAligned())
            .AddColumn(new TableColumn("Duty USD").RightAligned()).AddColumn(new TableColumn("Effective rate").RightAligned());
        foreach (var result in results)
        {
            table.AddRow(new Markup($"[bold]{Markup.Escape(result.Scenario)}[/]"), new Markup("[bold]total[/]"),
                new Text((result.Rows - result.Errors).ToString("N0", CultureInfo.InvariantCulture)), new Text(Money(result.TotalValue)),
                new Markup($"[bold]{Money(result.TotalDuty)}[/]"), new Text(Percent(result.EffectiveRate)));
            foreach (var layer in result.ByLayer)
            {
                table.AddRow("", Markup.Escape(layer.Layer), layer.Entries.ToString("N0", CultureInfo.InvariantCulture), Money(layer.Value),
                    Money(layer.Duty), Percent(layer.EffectiveRate));
            }
        }

        cli.Console.Write(table);
        if (results.FirstOrDefault(r => r.Errors > 0) is { } withErrors)
        {
            cli.Console.MarkupLineInterpolated($"[yellow]warning:[/] {withErrors.Errors:N0} rows could not be priced; `accord duty --input` lists why");
        }

        return Task.FromResult(0);
    }

    private static string Money(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);

    private static string Percent(decimal fraction) => (fraction * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
