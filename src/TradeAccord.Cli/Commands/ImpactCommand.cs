using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Cli.Output;
using TradeAccord.Core.Common;
using TradeAccord.Core.Impact;
using TradeAccord.Sources.Impact;

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
    public string By { get; init; } = "list";

    /// <summary>Export supply elasticity.</summary>
    [CommandOption("--supply-elasticity <E>")]
    [Description("Export supply elasticity (default: infinitely elastic; importers bear the whole tariff)")]
    public double? SupplyElasticity { get; init; }

    /// <summary>Output format.</summary>
    [CommandOption("--format <FORMAT>")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    /// <inheritdoc />
    public override ValidationResult Validate() => All(
        Scenario is null ? ValidationResult.Error("--scenario is required") : ValidationResult.Success(),
        CheckCountry("--importer", Importer),
        CheckDate("--date", Date),
        CheckOneOf("--by", By, "list", "chapter", "hs6"),
        CheckOneOf("--format", Format, "table", "json"),
        SupplyElasticity is <= 0 ? ValidationResult.Error("--supply-elasticity must be positive") : ValidationResult.Success());
}

/// <summary><c>accord impact</c>: who pays and how trade moves when a scenario's tariffs replace the baseline's.</summary>
public sealed class ImpactCommand(CliContext cli) : Command<ImpactSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, ImpactSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var loader = cli.Loader(settings.Data);
        var before = loader.Load(settings.Baseline);
        var after = loader.Load(settings.Scenario);
        var lastDay = before.DataPeriod.LastDay!.Value;
        var date = DataSettings.ParseDate(settings.Date) ?? (new DateOnly(settings.Year, 12, 31) is var end && end > lastDay ? lastDay : end);
        var importer = CountryCode.Parse(settings.Importer).GetValueOrThrow();
        var inputs = new ImpactData(loader.Paths, loader.Baseline).Build(importer, before, after, settings.Year, date);
        var effects = ImpactModel.Run(inputs.Lines, settings.SupplyElasticity);
        var groups = effects.GroupBy(e => settings.By switch
        {
            "chapter" => e.Line.Code[..2],
            "hs6" => e.Line.Code[..6],
            _ => e.Line.Group,
        }).Select(g => (Name: g.Key, Total: Sum(g))).OrderByDescending(g => Math.Abs(g.Total.RevenueAfter - g.Total.RevenueBefore)).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
        var total = Sum(effects);
        if (settings.Format == "json")
        {
            cli.Out.WriteLine(Json.Serialize(new
            {
                importer = importer.ToString(), partner = inputs.Partner.ToString(), scenario = after.Name, baseline = before.Name, year = settings.Year, date,
                series = inputs.Series, supplyElasticity = settings.SupplyElasticity, lines = inputs.Lines.Count,
                importsBefore = Usd(total.ImportsBefore), importsAfter = Usd(total.ImportsAfter), tradeCreation = Usd(total.TradeCreation),
                tradeDiversion = Usd(total.TradeDiversion), tariffRevenueBefore = Usd(total.RevenueBefore), tariffRevenueAfter = Usd(total.RevenueAfter),
                importerDutyBurden = Usd(total.ImporterDutyBurden), consumerSurplusChange = Usd(total.ConsumerSurplusChange),
                importsFromPartnerBefore = Usd(total.PartnerBefore), importsFromPartnerAfter = Usd(total.PartnerAfter),
                by = settings.By,
                products = groups.Select(g => new
                {
                    name = g.Name, importsBefore = Usd(g.Total.ImportsBefore), importsAfter = Usd(g.Total.ImportsAfter), tradeCreation = Usd(g.Total.TradeCreation),
                    tradeDiversion = Usd(g.Total.TradeDiversion), tariffRevenueBefore = Usd(g.Total.RevenueBefore), tariffRevenueAfter = Usd(g.Total.RevenueAfter),
                    importerDutyBurden = Usd(g.Total.ImporterDutyBurden), consumerSurplusChange = Usd(g.Total.ConsumerSurplusChange),
                }),
                notes = inputs.Notes,
            }));
            return 0;
        }

        cli.Console.MarkupLineInterpolated($"[bold]{importer}[/] imports from {inputs.Partner}: [bold]{after.Name}[/] against {before.Name}, tariffs on {date:yyyy-MM-dd}, trade of {settings.Year}");
        cli.Console.WriteLine(inputs.Series);
        var table = new Table().Border(TableBorder.Rounded).AddColumn(settings.By).AddColumn(new TableColumn("Imports before").RightAligned())
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

    private static Totals Sum(IEnumerable<ImpactEffect> effects)
    {
        var t = new Totals();
        foreach (var e in effects)
        {
            t = t with
            {
                ImportsBefore = t.ImportsBefore + e.ImportsBefore, ImportsAfter = t.ImportsAfter + e.ImportsAfter, TradeCreation = t.TradeCreation + e.TradeCreation,
                TradeDiversion = t.TradeDiversion + e.TradeDiversion, RevenueBefore = t.RevenueBefore + e.RevenueBefore, RevenueAfter = t.RevenueAfter + e.RevenueAfter,
                ImporterDutyBurden = t.ImporterDutyBurden + e.ImporterDutyBurden, ConsumerSurplusChange = t.ConsumerSurplusChange + e.ConsumerSurplusChange,
                PartnerBefore = t.PartnerBefore + e.Line.ImportsPartner, PartnerAfter = t.PartnerAfter + e.PartnerAfter,
            };
        }

        return t;
    }

    private static decimal Usd(double value) => Math.Round((decimal)value, 0);

    private static string Bn(double usd) => (usd / 1e9).ToString("N2", CultureInfo.InvariantCulture);

    private sealed record Totals(double ImportsBefore = 0, double ImportsAfter = 0, double TradeCreation = 0, double TradeDiversion = 0, double RevenueBefore = 0,
        double RevenueAfter = 0, double ImporterDutyBurden = 0, double ConsumerSurplusChange = 0, double PartnerBefore = 0, double PartnerAfter = 0);
}
