using Spectre.Console;
using TradeAccord.App;
using TradeAccord.App.Tracking;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Cli.Output;
using TradeAccord.Core.Commitments;
using TradeAccord.Core.Common;
using TradeAccord.Sources.Csv;

namespace TradeAccord.Cli.Commands.Trade;

/// <summary>Writes a reported-figures track: per commitment period, each statistic side by side with its rows.</summary>
internal static class ReportedTrackView
{
    /// <summary>Writes <paramref name="report"/> as a table, JSON or CSV.</summary>
    public static void Write(CliContext cli, ReportedTrackReport report, string format)
    {
        switch (format)
        {
            case "json":
                cli.Out.WriteLine(Json.Serialize(ReportedTrackJson.Of(report)));
                return;
            case "csv":
                WriteCsv(cli, report);
                return;
        }

        cli.Console.WriteLine($"{report.Agreement}: commitments in tonnes against reported figures ({report.Series}, vintage {report.Vintage})");
        foreach (var c in report.Commitments)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .Title($"{c.Commitment}, {c.Period}: {ReportedTracker.Tonnes(c.DueTonnes)} due")
                .AddColumn("Statistic").AddColumn(new TableColumn("Figure").RightAligned()).AddColumn("Span").AddColumn("As of")
                .AddColumn(new TableColumn("Gap").RightAligned()).AddColumn("Rows (line: source)");
            foreach (var s in c.Statistics)
            {
                var rows = s.Rows.Select(r => $"{r.Line}: {r.Source}, {r.AsOfText}")
                    .Concat(s.Others.Select(r => $"({r.Line}: {r.Figure} {r.Unit}, {r.Period}, {r.Source}, {r.AsOfText})"));
                table.AddRow(new Text(s.Statistic.ToKebab()), new Text(ReportedTracker.Tonnes(s.Tonnes)), new Text(s.Span),
                    new Text(s.AsOf is { } d ? $"{d:yyyy-MM-dd}" : "-"), new Text(ReportedTracker.Tonnes(s.GapTonnes)),
                    new Text(string.Join("\n", rows) + (s.Note is null ? "" : $"\n{s.Note}")));
            }

            cli.Console.Write(table);
            foreach (var s in c.Statistics)
            {
                cli.Console.WriteLine($"  {ReportedTrackJson.Summary(s)}");
            }
        }
    }

    private static void WriteCsv(CliContext cli, ReportedTrackReport report)
    {
        cli.Out.WriteLine("commitment,period,due_tonnes,statistic,tonnes,span,as_of,gap_tonnes,lines");
        foreach (var c in report.Commitments)
        {
            foreach (var s in c.Statistics)
            {
                cli.Out.WriteLine(string.Join(',', CsvText.Escape(c.Commitment), CsvText.Escape(c.Period), c.DueTonnes, s.Statistic.ToKebab(), s.Tonnes,
                    CsvText.Escape(s.Span), s.AsOf is { } d ? $"{d:yyyy-MM-dd}" : "", s.GapTonnes, string.Join(' ', s.Rows.Select(r => r.Line))));
            }
        }
    }
}
