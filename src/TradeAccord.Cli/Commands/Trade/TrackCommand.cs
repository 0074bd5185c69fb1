using System.ComponentModel;
using System.Globalization;
using Spectre.Console.Cli;
using Spectre.Console;
using TradeAccord.App.Requests;
using TradeAccord.App.Tracking;
using TradeAccord.Core.Errors;
using TradeAccord.App;
using TradeAccord.Cli.Commands.Agreements;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Cli.Output;
using TradeAccord.Core.Commitments;
using TradeAccord.Core.Common;
using TradeAccord.Sources.Csv;
using TradeAccord.Storage;
using TradeAccord.Sources.References;

namespace TradeAccord.Cli.Commands.Trade;

/// <summary>Options of <c>accord track</c>.</summary>
public sealed class TrackSettings : StoreSettings
{
    /// <summary>The agreement.</summary>
    [CommandOption("--agreement <FILE>")]
    [Description("Agreement file or name (default: us-china-phase-one)")]
    [DefaultValue("us-china-phase-one")]
    public string Agreement { get; init; } = "us-china-phase-one";

    /// <summary>Series, comma-separated.</summary>
    [CommandOption("--series <IDS>")]
    [Description("Comma-separated series (default: every series the commitments name that has monthly data)")]
    public string? Series { get; init; }

    /// <summary>Vintage.</summary>
    [CommandOption("--vintage <LABEL>")]
    [Description("Data vintage (default: each series' latest)")]
    public string? Vintage { get; init; }

    /// <summary>Vintage of the category totals that continue a series.</summary>
    [CommandOption("--category-vintage <LABEL>")]
    [Description("Vintage of the category totals that continue a series after its last month (default: the latest), e.g. census-ytd-2021-06")]
    public string? CategoryVintage { get; init; }

    /// <summary>Year.</summary>
    [CommandOption("--year <YEAR>")]
    [Description("Calendar year, or the agreement year that starts in it")]
    public int? Year { get; init; }

    /// <summary>Years in the window.</summary>
    [CommandOption("--years <N>")]
    [Description("Years the window runs from --year (default 1; 2 for the whole of phase one, 2020–2021)")]
    [DefaultValue(1)]
    public int Years { get; init; } = 1;

    /// <summary>Last month counted.</summary>
    [CommandOption("--through <MONTH>")]
    [Description("Last month counted, yyyy-MM (default: the window's end or the data's last month)")]
    public string? Through { get; init; }

    /// <summary>Window.</summary>
    [CommandOption("--window <WINDOW>")]
    [Description("calendar (default) or agreement (twelve months from the month of entry into force)")]
    [DefaultValue("calendar")]
    public TrackWindow Window { get; init; } = TrackWindow.Calendar;

    /// <summary>Monthly weights.</summary>
    [CommandOption("--weights <WEIGHTS>")]
    [Description("seasonal (default: each month's share of baseline-year trade) or even")]
    [DefaultValue("seasonal")]
    public TargetWeights Weights { get; init; } = TargetWeights.Seasonal;

    /// <summary>A scenario for evaluating conditions.</summary>
    [CommandOption("--scenario <NAME>")]
    [Description("Tariff scenario the agreement's conditions are evaluated on (default: the record)")]
    public string? Scenario { get; init; }

    /// <summary>Output format.</summary>
    [CommandOption("--format <FORMAT>")]
    [Description("table (default), json or csv (one row per series, category and month)")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    /// <summary>Chart file.</summary>
    [CommandOption("--chart <FILE>")]
    [Description("Also draw cumulative actual against target per category to this .svg or .png file")]
    public string? Chart { get; init; }

    // The query's own fields are checked by TrackQuery.Run, the one validator the server uses too; these are the
    // command line's own (output format and chart file).
    /// <inheritdoc />
    public override ValidationResult Validate() => All(
        CheckOneOf("--format", Format, "table", "json", "csv"),
        Chart is null || Chart.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) || Chart.EndsWith(".png", StringComparison.OrdinalIgnoreCase)
            ? ValidationResult.Success() : ValidationResult.Error($"--chart '{Chart}': expected a file ending in .svg or .png"));
}

/// <summary><c>accord track</c>: purchases against an agreement's commitments, per series, category and month.</summary>
public sealed class TrackCommand(CliContext cli) : Command<TrackSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, TrackSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var loader = cli.Loader(settings.Data);
        var series = settings.Series?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var problems = new Validator();
        var agreement = problems.Try(() => cli.Reference(ReferenceKind.Agreement, "--agreement", settings.Agreement, settings.Data));
        var scenario = problems.Try(() => cli.Reference(ReferenceKind.Scenario, "--scenario", settings.Scenario, settings.Data));
        problems.ThrowIfInvalid();
        var query = new TrackQuery(settings.Year, settings.Years, settings.Through, settings.Window, settings.Weights, series, settings.Vintage,
            settings.CategoryVintage, agreement!, scenario);
        IReadOnlyList<TrackReport> reports;
        using (var store = cli.Store(settings.Db, settings.Data))
        {
            // Commitments in tonnes are measured by reported figures, not by the dollar series of the store.
            if (query.RunReported(store, loader, FieldStyle.Option) is { } reported)
            {
                ReportedTrackView.Write(cli, reported, settings.Format);
                return 0;
            }

            reports = query.Run(store, loader, FieldStyle.Option);
        }

        if (settings.Chart is { } chart)
        {
            foreach (var (report, i) in reports.Select((r, i) => (r, i)))
            {
                var file = i == 0 ? chart : Path.ChangeExtension(chart, null) + $"-{report.Series}" + Path.GetExtension(chart);
                TrackChart.Save(report, file);
                cli.Error.WriteLine($"chart: {file}");
            }
        }

        switch (settings.Format)
        {
            case "json":
                cli.Out.WriteLine(Json.Serialize(reports.Count == 1 ? TrackJson.Of(reports[0]) : reports.Select(TrackJson.Of)));
                break;
            case "csv":
                WriteCsv(reports);
                break;
            default:
                foreach (var report in reports)
                {
                    WriteTable(report);
                }

                if (reports.Count > 1)
                {
                    WriteSideBySide(reports);
                }

                break;
        }

        return 0;
    }

    private void WriteCsv(IReadOnlyList<TrackReport> reports)
    {
        cli.Out.WriteLine("series,vintage,category,month,target_usd,actual_usd,cumulative_target_usd,cumulative_actual_usd,suspended");
        foreach (var report in reports)
        {
            foreach (var category in report.Categories)
            {
                foreach (var m in category.Months)
                {
                    cli.Out.WriteLine(string.Join(',', CsvText.Escape(report.Series), CsvText.Escape(report.Vintage), CsvText.Escape(category.Name), TrackJson.Month(m.Month),
                        Money(TrackJson.Round(m.Target)), Money(m.Actual), Money(TrackJson.Round(m.CumulativeTarget)), Money(m.CumulativeActual), m.Suspended ? "true" : "false"));
                }
            }
        }
    }

    // The series next to each other, category by category: where the two parties' statistics part.
    private void WriteSideBySide(IReadOnlyList<TrackReport> reports)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Side by side").AddColumn("Category");
        foreach (var report in reports)
        {
            table.AddColumn(new TableColumn($"{report.Series}\n({report.Vintage}, to {TrackJson.Month(report.Through)})").RightAligned());
        }

        foreach (var name in reports[0].Categories.Select(c => c.Name))
        {
            table.AddRow([new Text(name), .. reports.Select(r => r.Categories.FirstOrDefault(c => c.Name == name) is { HasData: true } c
                ? new Text($"{Bn(c.Progress.Actual)} of {Bn(c.Progress.Target)} ({Percent(c.Progress.PercentOfTarget)})")
                : new Text("no data"))]);
        }

        table.AddRow([new Markup("[bold]Total[/]"), .. reports.Select(r => new Text($"{Bn(r.Total.Actual)} of {Bn(r.Total.Target)} ({Percent(r.Total.PercentOfTarget)})"))]);
        cli.Console.Write(table);
        cli.Console.WriteLine("USD billion: actual of target (% of target). The series count different things (exports at US ports, FAS; imports at China's customs, CIF) and may end in different months.");
    }

    private void WriteTable(TrackReport report)
    {
        var console = cli.Console;
        console.MarkupLineInterpolated($"[bold]{report.Series}[/] ({report.Vintage}): {TrackJson.Month(report.From)} to {TrackJson.Month(report.Through)}, {report.Options.Window.ToKebab()} window, {report.Options.Weights.ToKebab()} targets");
        if (report.Continuation is { } continuation)
        {
            console.MarkupLineInterpolated($"continued from {TrackJson.Month(continuation.From)} to {TrackJson.Month(continuation.Through)} by [bold]{continuation.Series}[/] ({continuation.Vintage}), category totals only");
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Category").AddColumn(new TableColumn("Baseline").RightAligned())
            .AddColumn(new TableColumn("Target").RightAligned()).AddColumn(new TableColumn("Actual").RightAligned())
            .AddColumn(new TableColumn("% of target").RightAligned()).AddColumn(new TableColumn("Shortfall").RightAligned())
            .AddColumn(new TableColumn("Full target").RightAligned()).AddColumn(new TableColumn("Projected").RightAligned()).AddColumn("Status");
        foreach (var c in report.Categories)
        {
            var status = !c.HasData ? "no data" : c.Suspended is { } s ? $"suspended from {s.From:yyyy-MM-dd} ({s.Condition})" : !c.Progress.HasTarget ? "no numeric target" : "";
            table.AddRow(new Markup($"[bold]{Markup.Escape(c.Name)}[/]"), new Text(Bn(c.Progress.Baseline)), new Text(Bn(c.Progress.Target)), new Text(Bn(c.Progress.Actual)),
                new Text(Percent(c.Progress.PercentOfTarget)), new Text(Bn(c.Progress.Shortfall)), new Text(Bn(c.Progress.FullTarget)),
                new Text(Bn(c.Progress.Projected)), new Text(status));
            foreach (var sub in c.Subcategories)
            {
                table.AddRow(new Text("  " + sub.Name), new Text(Bn(sub.Baseline)), new Text(""), new Text(Bn(sub.Actual)), new Text(""), new Text(""), new Text(""), new Text(""), new Text(""));
            }
        }

        var t = report.Total;
        table.AddRow(new Markup("[bold]Total[/]"), new Text(Bn(t.Baseline)), new Text(Bn(t.Target)), new Markup($"[bold]{Bn(t.Actual)}[/]"),
            new Markup($"[bold]{Percent(t.PercentOfTarget)}[/]"), new Text(Bn(t.Shortfall)), new Text(Bn(t.FullTarget)), new Text(Bn(t.Projected)), new Text(""));
        console.Write(table);
        console.WriteLine($"USD billion. Baseline: the same months of the baseline year. Covered trade {Bn(report.Coverage.Covered)}, other goods {Bn(report.Coverage.Uncovered)}.");
        foreach (var gap in report.Coverage.Gaps)
        {
            console.WriteLine($"annex code {gap.Line.Code} ({gap.Line.Subcategory}) {(gap.Match == AnnexMatch.NoTrade ? "matches no code in the data" : $"is finer than the data's {string.Join(", ", gap.TradeCodes)}: not counted")}");
        }

        foreach (var note in report.Notes)
        {
            console.WriteLine($"note: {note}");
        }
    }

    private static string Bn(decimal usd) => (usd / 1_000_000_000m).ToString("N2", CultureInfo.InvariantCulture);

    private static string Bn(decimal? usd) => usd is { } v ? Bn(v) : "";

    private static string Percent(decimal? percent) => percent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "";

    private static string Money(decimal usd) => usd.ToString("0.##", CultureInfo.InvariantCulture);
}
