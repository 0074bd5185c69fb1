using System.ComponentModel;
using System.Globalization;
using Spectre.Console.Cli;
using Spectre.Console;
using TradeAccord.App.Impact;
using TradeAccord.App.Requests;
using TradeAccord.Core.Errors;
using TradeAccord.App;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Cli.Output;
using TradeAccord.Core.Common;
using TradeAccord.Sources.References;

namespace TradeAccord.Cli.Commands;

/// <summary>Options of <c>accord impact</c>.</summary>
public sealed class ImpactSettings : DataSettings
{
    /// <summary>Importing market.</summary>
    [CommandOption("--importer <COUNTRY>")]
    [Description("US (imports from China) or CN (imports from the US)")]
    [DefaultValue("US")]
    public string Importer { get; init; } = "US";

    /// <summary>The scenario priced.</summary>
    [CommandOption("--scenario <NAME>")]
    [Description("The scenario (tariffs after)")]
    public string? Scenario { get; init; }

    /// <summary>What it is compared with.</summary>
    [CommandOption("--baseline <NAME>")]
    [Description("The scenario compared against (tariffs before); default: the record")]
    public string? Baseline { get; init; }

    /// <summary>Base year of trade values.</summary>
    [CommandOption("--year <YEAR>")]
    [DefaultValue(2019)]
    public int Year { get; init; } = 2019;

    /// <summary>Date the tariffs are compared on.</summary>
    [CommandOption("--date <DATE>")]
    [Description("Date the two schedules' tariffs are compared on (default: 31 December of --year, within the data)")]
    public string? Date { get; init; }

    /// <summary>Grouping.</summary>
    [CommandOption("--by <GROUP>")]
    [Description("list (default), chapter or hs6")]
    [DefaultValue("list")]
    public ImpactGrouping By { get; init; } = ImpactGrouping.List;

    /// <summary>Export supply elasticity.</summary>
    [CommandOption("--supply-elasticity <E>")]
    [Description("Export supply elasticity (default: infinitely elastic; importers bear the whole tariff)")]
    public double? SupplyElasticity { get; init; }

    /// <summary>Output format.</summary>
    [CommandOption("--format <FORMAT>")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    /// <inheritdoc />
    // The request's own validator (ImpactRequest.Run) checks every field, for this host and the server alike.
    public override ValidationResult Validate() => CheckOneOf("--format", Format, "table", "json");
}

/// <summary><c>accord impact</c>: who pays and how trade moves when a scenario's tariffs replace the baseline's.</summary>
public sealed class ImpactCommand(CliContext cli) : Command<ImpactSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, ImpactSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var loader = cli.Loader(settings.Data);
        var problems = new Validator();
        var scenario = problems.Try(() => cli.Reference(ReferenceKind.Scenario, "--scenario", settings.Scenario, settings.Data));
        var baseline = problems.Try(() => cli.Reference(ReferenceKind.Scenario, "--baseline", settings.Baseline, settings.Data));
        var run = new ImpactRequest(settings.Importer, scenario, baseline, settings.Year, settings.Date, settings.By, settings.SupplyElasticity)
            .Run(loader, FieldStyle.Option, problems);
        var importer = run.Inputs.Importer;
        var (inputs, groups, total, date) = (run.Inputs, run.Groups, run.Total, run.Date);
        if (settings.Format == "json")
        {
            cli.Out.WriteLine(Json.Serialize(run.ToJson()));
            return 0;
        }

        cli.Console.MarkupLineInterpolated($"[bold]{importer}[/] imports from {inputs.Partner}: [bold]{run.After}[/] against {run.Before}, tariffs on {date:yyyy-MM-dd}, trade of {settings.Year}");
        cli.Console.WriteLine(inputs.Series);
        var table = new Table().Border(TableBorder.Rounded).AddColumn(settings.By.Name()).AddColumn(new TableColumn("Imports before").RightAligned())
            .AddColumn(new TableColumn("after").RightAligned()).AddColumn(new TableColumn("Creation").RightAligned()).AddColumn(new TableColumn("Diversion").RightAligned())
            .AddColumn(new TableColumn("Revenue before").RightAligned()).AddColumn(new TableColumn("after").RightAligned())
            .AddColumn(new TableColumn("Importers' duty").RightAligned()).AddColumn(new TableColumn("Consumer surplus").RightAligned());
        foreach (var (name, t) in groups.Take(25).Append(("Total", total)))
        {
            table.AddRow(Markup.Escape(name), Bn(t.ImportsBefore), Bn(t.ImportsAfter), Bn(t.TradeCreation), Bn(t.TradeDiversion), Bn(t.RevenueBefore), Bn(t.RevenueAfter),
                Bn(t.ImporterDutyBurden), Bn(t.ConsumerSurplusChange));
        }

        cli.Console.Write(table);
        cli.Console.WriteLine("USD billion." + (groups.Count > 25 ? $" {groups.Count - 25} smaller groups not shown (--format json lists all)." : ""));
        foreach (var note in inputs.Notes)
        {
            cli.Console.WriteLine($"note: {note}");
        }

        return 0;
    }

    private static string Bn(double usd) => (usd / 1e9).ToString("N2", CultureInfo.InvariantCulture);
}
