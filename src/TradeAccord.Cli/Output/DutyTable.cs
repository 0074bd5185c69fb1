using System.Globalization;
using Spectre.Console;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Cli.Output;

/// <summary>Renders a duty quote as a table for people.</summary>
internal static class DutyTable
{
    public static void Render(IAnsiConsole console, DutyQuote quote)
    {
        var shipment = quote.Shipment;
        var exported = shipment.ExportDate is { } e ? $", exported {DutyJsonDate(e)}" : "";
        var nomenclature = quote.Nomenclature is { } n ? $" · {n}" : "";
        console.MarkupLineInterpolated(
            $"[bold]{quote.Line.ToDotted()}[/] from {shipment.Origin} into {quote.Importer}, entered {DutyJsonDate(shipment.EntryDate)}{exported} · schedule: {quote.ScheduleName}{nomenclature}");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Layer").AddColumn("Heading").AddColumn(new TableColumn("Rate").RightAligned())
            .AddColumn(new TableColumn("Amount").RightAligned()).AddColumn("Valid").AddColumn("Legal base");
        foreach (var layer in quote.Layers)
        {
            var validity = layer.Measure.Validity;
            table.AddRow(
                Markup.Escape(layer.Measure.Title),
                Markup.Escape(layer.Measure.Heading ?? ""),
                Markup.Escape(layer.Rate.Text),
                layer.Amount is { } a ? a.ToString("N2", CultureInfo.InvariantCulture) : "–",
                Markup.Escape(validity.LastDay is { } last ? $"{DutyJsonDate(validity.Start)} to {DutyJsonDate(last)}" : $"from {DutyJsonDate(validity.Start)}"),
                Markup.Escape(layer.Measure.LegalBase));
        }

        // The layers a stacking rule kept off, so the trace shows why a duty one expects is not there.
        foreach (var removed in quote.NotApplied)
        {
            table.AddRow(
                new Markup($"[dim]{Markup.Escape(removed.Measure.Title)}[/]"),
                new Markup($"[dim]{Markup.Escape(removed.Measure.Heading ?? "")}[/]"),
                new Markup($"[dim]{Markup.Escape(removed.Rate.Text)}[/]"),
                new Markup(removed.Whole ? "[dim]not applied[/]" : "[dim]part only[/]"),
                new Markup($"[dim]rule {Markup.Escape(removed.Rule.Id)}[/]"),
                new Markup($"[dim]{Markup.Escape(removed.Rule.Citation)}[/]"));
        }

        table.AddEmptyRow();
        table.AddRow(
            new Markup("[bold]Total[/]"),
            new Text(""),
            new Markup($"[bold]{DutyRate.FormatPercent(quote.TotalAdValorem)}[/]"),
            new Markup(quote.TotalDuty is { } total ? $"[bold]{total.ToString("N2", CultureInfo.InvariantCulture)}[/]" : "–"),
            new Text(""),
            new Text(shipment.Value is { } v ? $"on a value of {v.ToString("N2", CultureInfo.InvariantCulture)}" : "no value given"));
        console.Write(table);
        foreach (var warning in quote.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }
    }

    private static string DutyJsonDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
