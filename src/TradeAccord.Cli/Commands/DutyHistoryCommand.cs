using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using TradeAccord.App.Requests;
using TradeAccord.App.Tariffs;
using TradeAccord.App.Tariffs.History;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Cli.Output;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Csv;
using TradeAccord.Sources.References;

namespace TradeAccord.Cli.Commands;

/// <summary><c>accord duty history</c>: every date on which a line's duty changed, with its layers, and a chart of them.</summary>
public sealed class DutyHistoryCommand(CliContext cli) : Command<DutyHistorySettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, DutyHistorySettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // Every field is checked, and every problem reported, before the schedule is loaded.
        var fields = new Fields(FieldStyle.Option);
        var scenario = fields.Try(() => cli.Reference(ReferenceKind.Scenario, "--scenario", settings.Scenario, settings.Data));
        var question = fields.Try(() => new HistoryRequest(settings.Hts, settings.Origin, settings.From, settings.To, settings.Importer, settings.ClaimExclusion)
            .Validate(FieldStyle.Option));
        fields.ThrowIfInvalid();
        var history = LineHistory.Of(cli.Loader(settings.Data).Load(scenario), question!);
        if (settings.Chart is { } chart)
        {
            Draw(history, chart, settings.Stack == "measure");
            cli.Error.WriteLine($"chart: {chart}");
        }

        FormatChoice.Write(cli, settings.Format, HistoryJson.Of(history), () => WriteCsv(history), () => WriteTable(history));
        return 0;
    }

    private void WriteTable(LineHistory history)
    {
        var q = history.Question;
        cli.Console.MarkupLineInterpolated(
            $"[bold]{q.Code.ToDotted()}[/] from {q.Origin} into {q.Importer}, {DutyJson.Iso(history.From)} to {DutyJson.Iso(history.To)} · schedule: {history.ScheduleName}");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("From").AddColumn(new TableColumn("Total").RightAligned())
            .AddColumn("Measure").AddColumn("Heading").AddColumn(new TableColumn("Rate").RightAligned()).AddColumn("Authority");
        foreach (var change in history.Changes)
        {
            if (change.Quote is not { } quote)
            {
                table.AddRow(DutyJson.Iso(change.Date), "—", Markup.Escape(change.Problem ?? ""), "", "", "");
                continue;
            }

            var first = true;
            foreach (var layer in quote.Layers)
            {
                table.AddRow(first ? DutyJson.Iso(change.Date) : "", first ? DutyRate.FormatPercent(quote.TotalAdValorem) : "", Markup.Escape(layer.Measure.Id),
                    Markup.Escape(layer.Measure.Heading ?? ""), Markup.Escape(layer.Rate.Text), layer.Measure.Authority.Word());
                first = false;
            }
        }

        cli.Console.Write(table);
        cli.Console.WriteLine($"{history.Changes.Count} change date(s); each row holds until the next date. Rates are ad valorem; a specific part is shown as printed.");
    }

    private void WriteCsv(LineHistory history)
    {
        cli.Out.WriteLine("date,total_ad_valorem,measure_id,heading,authority,rate,ad_valorem,problem");
        foreach (var change in history.Changes)
        {
            var date = DutyJson.Iso(change.Date);
            if (change.Quote is not { } quote)
            {
                cli.Out.WriteLine(string.Join(',', date, "", "", "", "", "", "", CsvText.Escape(change.Problem ?? "")));
                continue;
            }

            foreach (var layer in quote.Layers)
            {
                cli.Out.WriteLine(string.Join(',', date, Number(quote.TotalAdValorem), CsvText.Escape(layer.Measure.Id), CsvText.Escape(layer.Measure.Heading ?? ""),
                    layer.Measure.Authority.Word(), CsvText.Escape(layer.Rate.Text), Number(layer.AdValorem), ""));
            }
        }
    }

    private static void Draw(LineHistory history, string path, bool byMeasure)
    {
        var changes = history.Changes;
        var layers = changes.SelectMany(c => c.Quote?.Layers ?? []).ToList();
        var bands = byMeasure
            ? layers.Select(l => l.Measure).DistinctBy(m => m.Id).Select(m => new StepBand(m.Heading is { } h ? $"{m.Title} ({h})" : m.Title,
                [.. changes.Select(c => Percent(c, l => l.Measure.Id == m.Id))]))
            : TariffAuthorities.All.Select(a => new StepBand(a.Word(), [.. changes.Select(c => Percent(c, l => l.Measure.Authority == a))]));
        var q = history.Question;
        StackedStepChart.Save(path, $"{q.Code.ToDotted()} from {q.Origin} into {q.Importer}: duty layers, {DutyJson.Iso(history.From)} to {DutyJson.Iso(history.To)}",
            [.. changes.Select(c => c.Date)], history.To, [.. bands]);
    }

    private static double Percent(HistoryChange change, Func<DutyLayer, bool> which) =>
        (double)(change.Quote?.Layers.Where(which).Sum(l => l.AdValorem) ?? 0m) * 100;

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
