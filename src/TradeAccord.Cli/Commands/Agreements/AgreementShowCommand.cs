using Spectre.Console.Cli;
using Spectre.Console;
using TradeAccord.App.Agreements;
using TradeAccord.App;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Cli.Output;
using TradeAccord.Core.Agreements;
using TradeAccord.Core.Common;

namespace TradeAccord.Cli.Commands.Agreements;

/// <summary><c>accord agreement show</c>: the agreement, section by section, with each provision's source.</summary>
public sealed class AgreementShowCommand(CliContext cli) : Command<AgreementSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, AgreementSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var a = AgreementInput.Load(cli, settings);
        if (settings.Json)
        {
            cli.Out.WriteLine(Json.Serialize(AgreementJson.Of(a)));
            return 0;
        }

        var console = cli.Console;
        console.MarkupLineInterpolated($"[bold]{a.Title}[/]");
        console.MarkupLineInterpolated($"{a.Id} · {a.Status.ToKebab()}{(a.PositionOf is { } p ? $" · position of {p}" : "")} · parties {string.Join(", ", a.Parties.Select(x => $"{x.Code} ({x.Name})"))}");
        console.MarkupLineInterpolated($"signed {Date(a.Signed)} · in force {Date(a.EntryIntoForce)}");
        if (a.Description is { } d)
        {
            console.WriteLine(d);
        }

        console.WriteLine();
        if (a.Tariffs.Count > 0)
        {
            console.Write(Section("Tariff obligations", ["Id", "Party", "Measure", "Requires", "From", "Evidence", "Source"],
                a.Tariffs.Select(t => new[] { t.Id, Party(t), t.Measure ?? "(not in data)", t.Requires.ToString(), t.DescribeFrom(), t.Evidence.ToKebab(), Source(t) })));
        }

        if (a.Purchases.Count > 0)
        {
            console.Write(Section("Purchase commitments", ["Id", "Party", "Category", "Form", "Public text", "Baseline", "Targets", "Evidence", "Source"],
                a.Purchases.Select(p => new[]
                {
                    p.Id, Party(p), p.Category + (p.Subcategories.Count > 0 ? $" ({string.Join(", ", p.Subcategories)})" : ""), p.Form.ToKebab(),
                    p.PublicText ? "yes" : "no", p.Baseline is { } b ? $"{b.Year} ({b.Series})" : "none",
                    p.Targets.Count == 0 ? "none" : string.Join("\n", p.Targets.Select(t => $"{t.Year}: {t.Describe()} {p.Unit}")),
                    p.Evidence.ToKebab(), Source(p),
                })));
        }

        if (a.Structural.Count > 0)
        {
            console.Write(Section("Structural commitments", ["Id", "Party", "Area", "Milestones", "Evidence", "Source"],
                a.Structural.Select(s => new[]
                {
                    s.Id, Party(s), s.Area.ToKebab(),
                    s.Milestones.Count == 0 ? "none" : string.Join("\n", s.Milestones.Select(m => $"{m.Action}: due {Due(m, a)}, {m.Status.ToKebab()}")),
                    s.Evidence.ToKebab(), Source(s),
                })));
        }

        if (a.Conditions.Count > 0)
        {
            console.Write(Section("Conditions and linkage", ["Id", "Party", "Link", "Governs", "Trigger", "Evidence", "Source"],
                a.Conditions.Select(c => new[] { c.Id, Party(c), c.Link.ToKebab(), string.Join(", ", c.Governs), c.Trigger.ToString(), c.Evidence.ToKebab(), Source(c) })));
        }

        if (a.Enforcement is { } e)
        {
            console.MarkupLineInterpolated($"[bold]Enforcement:[/] {e.Title} ({e.Evidence.ToKebab()}; {Source(e)})");
            console.WriteLine($"office: {e.Office}");
            console.Write(Section("Stages", ["Stage", "Who acts", "Level", "Time limit", "Actions"],
                e.Stages.Select(s => new[]
                {
                    $"{s.Id}: {s.Title}", s.Actor.ToKebab(), s.Level, s.TimeLimit?.ToString() ?? "none",
                    s.IsFinal ? "(final)" : string.Join("\n", s.Actions.Select(a => $"{a.Id} ({a.By.ToKebab()}) → {a.To}")),
                })));
            foreach (var response in e.Responses)
            {
                console.WriteLine($"response {response.Id}: {response}");
            }

            console.WriteLine($"counter-measures: {(e.CounterMeasuresAllowed ? "allowed" : "not allowed")}");
            console.WriteLine($"withdrawal: {e.Withdrawal?.ToString() ?? "none"}");
            console.WriteLine($"confidentiality: {e.Confidentiality}");
        }

        return 0;
    }

    private static Table Section(string title, string[] headers, IEnumerable<string[]> rows)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(title)}[/]");
        foreach (var header in headers)
        {
            table.AddColumn(header);
        }

        foreach (var row in rows)
        {
            table.AddRow([.. row.Select(cell => new Text(cell))]);
        }

        return table;
    }

    private static string Party(Provision p) => p.Party?.ToString() ?? "both";

    private static string Source(Provision p) => p.Source?.ToString() ?? "none";

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "not set";

    private static string Due(Milestone m, Agreement a) =>
        m.Due.Resolve(a) is { } on ? $"{on:yyyy-MM-dd}{(m.Due.IsApproximate ? " (approximate)" : "")}{(m.Due.Date is null ? $" ({m.Due.Describe()})" : "")}" : m.Due.Describe();
}
