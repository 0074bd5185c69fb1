using System.ComponentModel;
using Spectre.Console.Cli;
using Spectre.Console;
using TradeAccord.App.Agreements;
using TradeAccord.App;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Cli.Output;
using TradeAccord.Core.Agreements;
using TradeAccord.Core.Common;
using TradeAccord.Sources.References;

namespace TradeAccord.Cli.Commands.Agreements;

/// <summary>Options of <c>accord agreement check</c>.</summary>
public sealed class AgreementCheckSettings : DatedAgreementSettings
{
    /// <summary>The date checked.</summary>
    [CommandOption("--date <DATE>")]
    [Description("The date whose schedule is checked (yyyy-MM-dd)")]
    public string? Date { get; init; }

    /// <summary>A scenario applied to the schedule first.</summary>
    [CommandOption("--scenario <NAME>")]
    [Description("Scenario name or file (also an agreement file); default: the record")]
    public string? Scenario { get; init; }

    /// <summary>Exit non-zero when an obligation is broken.</summary>
    [CommandOption("--fail-on-broken")]
    [Description("Exit with code 2 when any obligation is broken (for scripts and CI checks of a scenario)")]
    public bool FailOnBroken { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() => All(
        base.Validate(),
        Date is null ? ValidationResult.Error("--date is required: the date whose schedule is checked") : CheckDate("--date", Date));
}

/// <summary>
/// <c>accord agreement check</c>: for each tariff obligation, whether the schedule in force on a date (the record,
/// or a scenario) meets it. Exit code 0 whatever the verdicts (the verdicts are the output), unless
/// <c>--fail-on-broken</c> asks for 2 when one is broken.
/// </summary>
public sealed class AgreementCheckCommand(CliContext cli) : Command<AgreementCheckSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, AgreementCheckSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var agreement = AgreementInput.Load(cli, settings);
        var loader = cli.Loader(settings.Data);
        var date = DataSettings.ParseDate(settings.Date)!.Value;
        var schedule = loader.Load(cli.Reference(ReferenceKind.Scenario, "--scenario", settings.Scenario, settings.Data));
        var checks = TariffCheck.Run(agreement, loader.Baseline, schedule.Set, date);
        var scenario = settings.Scenario ?? "record";
        if (settings.Json)
        {
            cli.Out.WriteLine(Json.Serialize(new
            {
                agreement = agreement.Id,
                date,
                scenario,
                obligations = checks.Select(c => new
                {
                    id = c.Obligation.Id, party = c.Obligation.Party?.ToString(), title = c.Obligation.Title, measure = c.Obligation.Measure,
                    requires = c.Obligation.Requires.ToString(), from = c.Obligation.StartsOn(agreement), verdict = c.Verdict.ToKebab(),
                    inSchedule = c.InSchedule, reason = c.Reason, source = AgreementJson.Source(c.Obligation.Source),
                }),
            }));
            return ExitCode(settings, checks);
        }

        cli.Console.MarkupLineInterpolated($"[bold]{agreement.Id}[/]: tariff obligations on {date:yyyy-MM-dd}, schedule: {scenario}");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Obligation").AddColumn("Requires").AddColumn("Verdict")
            .AddColumn("In the schedule").AddColumn("Why");
        foreach (var check in checks)
        {
            var colour = check.Verdict switch { Verdict.Met => "green", Verdict.Broken => "red", _ => "yellow" };
            table.AddRow(new Text($"{check.Obligation.Id} ({check.Obligation.Party})\n{check.Obligation.Title}"),
                new Text($"{check.Obligation.Requires} from {check.Obligation.DescribeFrom()}"),
                new Markup($"[{colour}]{check.Verdict.ToKebab()}[/]"), new Text(check.InSchedule), new Text(check.Reason));
        }

        cli.Console.Write(table);
        cli.Console.WriteLine(string.Join(", ", checks.GroupBy(c => c.Verdict).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToKebab()}")));
        return ExitCode(settings, checks);
    }

    /// <summary>The code a broken obligation exits with under <c>--fail-on-broken</c> (1 is kept for errors).</summary>
    public const int BrokenExitCode = 2;

    private static int ExitCode(AgreementCheckSettings settings, IReadOnlyList<ObligationCheck> checks) =>
        settings.FailOnBroken && checks.Any(c => c.Verdict == Verdict.Broken) ? BrokenExitCode : 0;
}
