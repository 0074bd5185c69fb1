using System.ComponentModel;
using Spectre.Console.Cli;
using Spectre.Console;
using TradeAccord.App.Cases;
using TradeAccord.App.Requests;
using TradeAccord.App;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Cli.Output;
using TradeAccord.Core.Agreements;
using TradeAccord.Core.Common;
using TradeAccord.Core.Enforcement;
using TradeAccord.Storage.Cases;
using TradeAccord.Sources.References;

namespace TradeAccord.Cli.Commands.Cases;

/// <summary>Options of <c>accord case open</c>.</summary>
public sealed class CaseOpenSettings : CaseSettings
{
    /// <summary>The agreement.</summary>
    [CommandOption("--agreement <FILE>")]
    [Description("Agreement file or name (default: us-china-phase-one)")]
    [DefaultValue("us-china-phase-one")]
    public string Agreement { get; init; } = "us-china-phase-one";

    /// <summary>Complaining party.</summary>
    [CommandOption("--complainant <PARTY>")]
    public string? Complainant { get; init; }

    /// <summary>Party complained against.</summary>
    [CommandOption("--respondent <PARTY>")]
    public string? Respondent { get; init; }

    /// <summary>Article.</summary>
    [CommandOption("--article <ARTICLE>")]
    [Description("The article said not to be kept, e.g. 6.2")]
    public string? Article { get; init; }

    /// <summary>Summary.</summary>
    [CommandOption("--summary <TEXT>")]
    public string? Summary { get; init; }

    /// <summary>Confidential.</summary>
    [CommandOption("--confidential")]
    [Description("Only the two offices may read the case")]
    public bool Confidential { get; init; }

    // The appeal's own fields are checked by CaseOpening.Open, the one validator the server uses too.
}

/// <summary><c>accord case open</c>: files the appeal; prints the case's id, state and deadlines.</summary>
public sealed class CaseOpenCommand(CliContext cli) : Command<CaseOpenSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, CaseOpenSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var cases = cli.Cases(settings.Db, settings.Data);
        var agreement = cli.Reference(ReferenceKind.Agreement, "--agreement", settings.Agreement, settings.Data)!;
        var view = new CaseOpening(settings.Complainant, settings.Respondent, settings.Article, settings.Summary, settings.At, settings.Date(cli.Clock),
            settings.Confidential, agreement).Open(cases.Service, FieldStyle.Option);
        CaseOutput.Write(cli, view, settings.Json);
        return 0;
    }
}

/// <summary>Options of <c>accord case advance</c>.</summary>
public sealed class CaseAdvanceSettings : CaseIdSettings
{
    /// <summary>The action.</summary>
    [CommandOption("--action <NAME>")]
    public string? Action { get; init; }

    /// <summary>Who acts.</summary>
    [CommandOption("--by <PARTY>")]
    [Description("The party taking the action (required when either may)")]
    public string? By { get; init; }

    /// <summary>Note.</summary>
    [CommandOption("--note <TEXT>")]
    public string? Note { get; init; }

    /// <inheritdoc />
    // The action's own fields are checked by CaseAction.Take, the one validator the server uses too.
    public override ValidationResult Validate() => All(base.Validate(), CheckCountry("--by", By));
}

/// <summary><c>accord case advance</c>: takes an action; a refused one prints what is permitted and exits 1.</summary>
public sealed class CaseAdvanceCommand(CliContext cli) : Command<CaseAdvanceSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, CaseAdvanceSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var cases = cli.Cases(settings.Db, settings.Data);
        var by = settings.By is null ? (CountryCode?)null : CountryCode.Parse(settings.By).GetValueOrThrow();
        if (by is not null && settings.Viewer.Party is { } reader && reader != by)
        {
            throw new CliUsageException($"--as {reader} cannot act --by {by}: an office acts for its own party");
        }

        var (view, step) = new CaseAction(settings.Action, settings.At, settings.Date(cli.Clock), settings.Note)
            .Take(cases.Service, settings.Id, by ?? settings.Viewer.Party, FieldStyle.Option);
        return CaseOutput.Step(cli, view, step, settings.Json);
    }
}

/// <summary><c>accord case show</c>.</summary>
public sealed class CaseShowCommand(CliContext cli) : Command<CaseIdSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, CaseIdSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var cases = cli.Cases(settings.Db, settings.Data);
        CaseOutput.Write(cli, cases.Service.View(settings.Id, settings.Date(cli.Clock), settings.Viewer), settings.Json, events: true);
        return 0;
    }
}

/// <summary>Options of <c>accord case list</c>.</summary>
public sealed class CaseListSettings : CaseSettings
{
    /// <summary>Only overdue cases.</summary>
    [CommandOption("--overdue")]
    public bool Overdue { get; init; }
}

/// <summary><c>accord case list</c>: the cases the reader may see, with state and deadlines.</summary>
public sealed class CaseListCommand(CliContext cli) : Command<CaseListSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, CaseListSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var cases = cli.Cases(settings.Db, settings.Data);
        var views = cases.Service.List(settings.Date(cli.Clock), settings.Viewer).Where(v => !settings.Overdue || v.Overdue).ToList();
        if (settings.Json)
        {
            cli.Out.WriteLine(Json.Serialize(views.Select(CaseJson.Of)));
            return 0;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumn("Case").AddColumn("Parties").AddColumn("Article").AddColumn("State")
            .AddColumn("Deadlines").AddColumn("Overdue");
        foreach (var v in views)
        {
            table.AddRow(Markup.Escape(v.Header.Id), $"{v.Header.Complainant} v {v.Header.Respondent}", Markup.Escape(v.Header.Article ?? ""), Markup.Escape(v.Stage.Id),
                Markup.Escape(string.Join(", ", v.Deadlines.Select(d => $"{d.Stage} {CaseService.Day(d.Due)}"))), v.Overdue ? "[red]yes[/]" : "no");
        }

        cli.Console.Write(table);
        return 0;
    }
}

/// <summary><c>accord case verify</c>: exit 0 when the chain is intact, 1 naming the first bad event.</summary>
public sealed class CaseVerifyCommand(CliContext cli) : Command<CaseIdSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, CaseIdSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var cases = cli.Cases(settings.Db, settings.Data);
        var broken = cases.Service.Verify(settings.Id, settings.Viewer);
        if (broken is { } b)
        {
            cli.Out.WriteLine($"{settings.Id}: chain broken at event {b.Event.Sequence} ({b.Event.Kind}, {CaseService.Day(b.Event.At)}): {b.Problem}");
            return 1;
        }

        var count = cases.Service.Store.Load(settings.Id)!.Events.Count;
        cli.Out.WriteLine($"{settings.Id}: chain intact ({count} events)");
        return 0;
    }
}

/// <summary>How case results are printed.</summary>
internal static class CaseOutput
{
    public static void Write(CliContext cli, CaseView view, bool json, bool events = false)
    {
        if (json)
        {
            cli.Out.WriteLine(Json.Serialize(CaseJson.Of(view)));
            return;
        }

        var console = cli.Console;
        console.MarkupLineInterpolated($"[bold]{view.Header.Id}[/]: {view.Header.Complainant} v {view.Header.Respondent}, article {view.Header.Article ?? "-"}{(view.Header.Confidential ? " (confidential)" : "")}");
        console.WriteLine(view.Header.Summary);
        console.MarkupLineInterpolated($"state: [bold]{view.Stage.Id}[/] ({view.Stage.Title}){(view.Overdue ? " — OVERDUE" : "")}");
        foreach (var d in view.Deadlines)
        {
            console.WriteLine($"deadline: {d.Stage} by {CaseService.Day(d.Due)}{(d.Confirmed ? "" : " (time limit not confirmed from the primary text)")}");
        }

        if (view.Termination is { } end)
        {
            console.WriteLine($"withdrawal: the agreement's obligations end on {CaseService.Day(end)}");
        }

        // An action that waits for a time limit is not permitted yet, but it is coming: say when.
        var waiting = view.Stage.Actions.Where(a => a.When == ActionTiming.AfterDeadline && view.Permitted.All(p => p.Id != a.Id)).ToList();
        var opens = view.Deadlines.Where(d => d.Stage == view.Stage.Id).Select(d => d.Due.AddDays(1)).FirstOrDefault();
        console.WriteLine(view.Permitted.Count > 0 ? $"permitted: {string.Join(", ", view.Permitted.Select(a => $"{a.Id} ({a.By.ToKebab()})"))}"
            : waiting.Count > 0 && opens != default ? $"permitted from {CaseService.Day(opens)}: {string.Join(", ", waiting.Select(a => $"{a.Id} ({a.By.ToKebab()})"))}"
            : view.Stage.IsFinal ? "closed: no action possible" : "no action possible");
        if (events)
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumn("#").AddColumn("Date").AddColumn("Event").AddColumn("By").AddColumn("From → to").AddColumn("Note").AddColumn("Hash");
            foreach (var e in view.Events)
            {
                table.AddRow(e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), CaseService.Day(e.At), Markup.Escape(e.Kind), e.By?.ToString() ?? "both",
                    Markup.Escape($"{e.FromStage} → {e.ToStage}"), Markup.Escape(e.Note ?? ""), e.Hash[..12]);
            }

            console.Write(table);
        }
    }

    public static int Step(CliContext cli, CaseView view, Step step, bool json)
    {
        if (step.Refusal is { } refusal)
        {
            cli.Error.WriteLine($"refused: {refusal}");
            cli.Error.WriteLine(step.Permitted.Count == 0
                ? "permitted now: none"
                : $"permitted now: {string.Join(", ", step.Permitted.Select(a => $"{a.Id} (by {a.By.ToKebab()})"))}");
            return 1;
        }

        if (step.RecordedRefusal)
        {
            cli.Error.WriteLine($"refused and recorded: {step.Event!.Note}");
        }

        Write(cli, view, json);
        return step.RecordedRefusal ? 1 : 0;
    }
}
