using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using TradeAccord.App.Requests;
using TradeAccord.App.Tariffs;
using TradeAccord.App.Tariffs.Effective;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Cli.Output;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.References;

namespace TradeAccord.Cli.Commands;

/// <summary><c>accord schedule effective</c>: the import-weighted effective rate on a partner's goods, on a date or by day.</summary>
public sealed class ScheduleEffectiveCommand(CliContext cli) : Command<ScheduleEffectiveSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, ScheduleEffectiveSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var loader = cli.Loader(settings.Data);
        var weights = ImportWeights.BuiltIn(loader.Paths.Data);
        var fields = new Fields(FieldStyle.Option);
        var scenario = fields.Try(() => cli.Reference(ReferenceKind.Scenario, "--scenario", settings.Scenario, settings.Data));
        var question = fields.Try(() => new EffectiveRequest(settings.Partner, settings.Date, settings.From, settings.To, settings.By).Validate(FieldStyle.Option, weights));
        fields.ThrowIfInvalid();
        var rates = EffectiveRates.Of(loader.Load(scenario), question!);
        if (settings.Chart is { } chart)
        {
            var points = rates.Points;
            StackedStepChart.Save(chart, $"Import-weighted effective rate, {question!.Partner} (2024 weights), {DutyJson.Iso(question.From)} to {DutyJson.Iso(question.To)}",
                [.. points.Select(p => p.Date)], question.To,
                [.. TariffAuthorities.All.Select(a => new StepBand(a.Word(), [.. points.Select(p => (double)p.AdValoremOf(a) * 100)]))]);
            cli.Error.WriteLine($"chart: {chart}");
        }

        FormatChoice.Write(cli, settings.Format, EffectiveJson.Of(rates), () => WriteCsv(rates), () => WriteTable(rates));
        return 0;
    }

    // One row a day: the figures are held from each point to the next, so the days between are filled, not priced.
    private void WriteCsv(EffectiveRates rates)
    {
        cli.Out.WriteLine("date,total," + string.Join(',', TariffAuthorities.All.Select(a => a.Word())));
        var points = rates.Points;
        var next = 0;
        for (var day = rates.Question.From; day <= rates.Question.To; day = day.AddDays(1))
        {
            while (next + 1 < points.Count && points[next + 1].Date <= day)
            {
                next++;
            }

            var p = points[next];
            cli.Out.WriteLine(string.Join(',', [DutyJson.Iso(day), Number(p.AdValorem), .. TariffAuthorities.All.Select(a => Number(p.AdValoremOf(a)))]));
        }
    }

    private void WriteTable(EffectiveRates rates)
    {
        var q = rates.Question;
        cli.Console.MarkupLineInterpolated($"Import-weighted effective rate on goods of [bold]{q.Partner}[/] ({ImportWeights.Description}) · schedule: {rates.ScheduleName}");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("From").AddColumn(new TableColumn("Rate").RightAligned());
        // Only the authorities with a duty in the period: the others would be columns of zeros.
        var authorities = q.ByAuthority ? TariffAuthorities.All.Where(a => rates.Points.Any(p => p.Duty[(int)a] != 0m)).ToList() : [];
        foreach (var authority in authorities)
        {
            table.AddColumn(new TableColumn(authority.Word()).RightAligned());
        }

        table.AddColumn(new TableColumn("Priced, USD bn").RightAligned()).AddColumn(new TableColumn("Specific, share").RightAligned())
            .AddColumn(new TableColumn("Not in schedule, share").RightAligned());
        foreach (var p in rates.Points)
        {
            table.AddRow([DutyJson.Iso(p.Date), Percent(p.AdValorem), .. authorities.Select(a => Percent(p.AdValoremOf(a))), Bn(p.PricedValue),
                Share(p.PartialValue, p.ImportValue), Share(p.MissingValue, p.ImportValue)]);
        }

        cli.Console.Write(table);
        var first = rates.Points[0];
        cli.Console.WriteLine($"{first.Lines:N0} lines, USD {Bn(first.ImportValue)} bn of 2024 imports. Specific and compound rates count by their ad valorem part only " +
            $"({first.PartialLines:N0} lines on {DutyJson.Iso(first.Date)}); lines not in the schedule on a date ({first.MissingLines:N0} on {DutyJson.Iso(first.Date)}) are left out of that date's rate.");
        foreach (var example in rates.Points.Where(p => p.MissingExamples.Count > 0).Take(1).SelectMany(p => p.MissingExamples))
        {
            cli.Console.WriteLine($"not in the schedule: {example}");
        }

        foreach (var warning in rates.Warnings)
        {
            cli.Console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }
    }

    private static string Number(decimal fraction) => EffectiveJson.Round(fraction).ToString(CultureInfo.InvariantCulture);

    private static string Percent(decimal fraction) => (fraction * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private static string Share(decimal part, decimal whole) => whole == 0m ? "0%" : Percent(part / whole);

    private static string Bn(decimal usd) => (usd / 1_000_000_000m).ToString("N1", CultureInfo.InvariantCulture);
}
