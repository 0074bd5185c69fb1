using Spectre.Console.Cli;
using Spectre.Console;
using TradeAccord.App.Cases;
using TradeAccord.Cli.Commands.Agreements;
using TradeAccord.Cli.Commands.Cases;
using TradeAccord.Cli.Commands.Negotiation;
using TradeAccord.Cli.Commands.Trade;
using TradeAccord.Cli.Commands;
using TradeAccord.Core.Errors;
using TradeAccord.Sources.Agreements;
using TradeAccord.Sources;
using TradeAccord.Storage.Cases;
using TradeAccord.Storage;

namespace TradeAccord.Cli.Infrastructure;

/// <summary>Builds and runs the <c>accord</c> command line.</summary>
public static class AccordApp
{
    /// <summary>Runs <paramref name="args"/> against <paramref name="context"/>; returns the exit code.</summary>
    /// <remarks>Exit codes come from the one error table (<see cref="ErrorKinds"/>): 0 success, 1 a bad question, 2 a malformed
    /// file, 3 a conflict, 4 a store or data that cannot be reached.</remarks>
    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        var app = new CommandApp(new TypeRegistrar(context));
        app.Configure(config =>
        {
            config.SetApplicationName("accord");
            config.Settings.Console = context.Console;
            config.Settings.PropagateExceptions = true;
            config.SetHelpProvider(new DefaultCommandHelp(config.Settings));
            config.AddBranch("duty", duty =>
            {
                // `accord duty --hts ...` stays the quote itself; `accord duty history` is the one subcommand.
                duty.SetDescription("The duty a shipment owes on a date, layer by layer, with each layer's legal base; or a whole entries file");
                duty.SetDefaultCommand<DutyCommand>();
                duty.AddExample("duty", "--hts", "7326.90.8688", "--origin", "CN", "--entry-date", "2019-06-20", "--value", "10000");
                duty.AddExample("duty", "--input", "entries.csv", "--output", "duties.csv", "--scenario", "dec15-proceeds");
                duty.AddCommand<DutyHistoryCommand>("history")
                    .WithDescription("Every date on which a line's duty changed, with its layers (measure, heading, rate, authority); --chart draws them stacked")
                    .WithExample("duty", "history", "--hts", "9503.00.0073", "--origin", "CN", "--from", "2018-01-01", "--to", "2020-12-31", "--chart", "history.svg");
            });
            config.AddBranch("scenario", scenario =>
            {
                scenario.SetDescription("Tariff scenarios: overlays that add, change or remove measures from a date");
                scenario.AddCommand<ScenarioListCommand>("list").WithDescription("The built-in scenarios");
                scenario.AddCommand<ScenarioCompareCommand>("compare")
                    .WithDescription("Total duty and effective rate of an entries file under several scenarios, per scenario and per list")
                    .WithExample("scenario", "compare", "--input", "entries.csv", "--scenarios", "phase-one,dec15-proceeds,no-301");
            });
            config.AddBranch("agreement", agreement =>
            {
                agreement.SetDescription("Agreements as code: validate, show, compare and check them against the schedule");
                agreement.AddCommand<AgreementValidateCommand>("validate")
                    .WithDescription("Every problem in the files, each at file:line:column with its rule; exit 1 on any")
                    .WithExample("agreement", "validate", "agreements/us-china-phase-one.yaml", "agreements/positions-2019-11/us.yaml");
                agreement.AddCommand<AgreementShowCommand>("show").WithDescription("The agreement section by section, with sources")
                    .WithExample("agreement", "show", "us-china-phase-one");
                agreement.AddCommand<AgreementTimelineCommand>("timeline")
                    .WithDescription("Dated events in order: signing, entry into force, tariff changes, target periods, milestones, time limits");
                agreement.AddCommand<AgreementDiffCommand>("diff").WithDescription("Provisions added, removed and changed between two drafts, by id")
                    .WithExample("agreement", "diff", "positions-2019-11/us", "positions-2019-11/china");
                agreement.AddCommand<AgreementCheckCommand>("check")
                    .WithDescription("Whether the schedule in force on a date meets each tariff obligation")
                    .WithExample("agreement", "check", "us-china-phase-one", "--date", "2020-03-01", "--scenario", "dec15-proceeds");
                agreement.AddCommand<AgreementApplyCommand>("apply")
                    .WithDescription("The tariff obligations as a scenario file, usable by every --scenario option")
                    .WithExample("agreement", "apply", "positions-2019-11/china", "--assume-signed", "2019-12-15", "--output", "china-2019-11.yaml");
                agreement.AddCommand<AgreementDiagramCommand>("diagram").WithDescription("The enforcement process as a Mermaid state diagram (docs/)")
                    .WithExample("agreement", "diagram", "us-china-phase-one", "--output", "docs/enforcement-us-china-phase-one.md");
                agreement.AddCommand<AgreementSchemaCommand>("schema").WithDescription("The JSON Schema of agreement files");
            });
            config.AddCommand<ImpactCommand>("impact")
                .WithDescription("Who pays and how trade moves: a partial-equilibrium model (SMART-style) of a scenario against a baseline on real trade")
                .WithExample("impact", "--importer", "US", "--scenario", "dec15-proceeds", "--baseline", "phase-one", "--year", "2019");
            config.AddBranch("negotiate", negotiate =>
            {
                negotiate.SetDescription("Negotiation analysis: outcome space, Pareto frontier, bargaining solutions, simulated alternating offers, GENIUS XML");
                negotiate.AddCommand<NegotiateAnalyzeCommand>("analyze").WithDescription("Outcomes, Pareto frontier, Nash, Kalai-Smorodinsky and max-welfare outcomes, zone of agreement")
                    .WithExample("negotiate", "analyze", "negotiations/us-china-2019-11.yaml");
                negotiate.AddCommand<NegotiateEvaluateCommand>("evaluate").WithDescription("An offer's utilities, whether it is dominated, and the nearest offers better for both");
                negotiate.AddCommand<NegotiateSimulateCommand>("simulate").WithDescription("The stacked alternating offers protocol with a deadline; seeded and reproducible")
                    .WithExample("negotiate", "simulate", "negotiations/us-china-2019-11.yaml", "--strategy", "US=boulware", "--strategy", "CN=conceder", "--seed", "1");
                negotiate.AddCommand<NegotiateExportCommand>("export").WithDescription("Write the domain and profiles as GENIUS XML");
                negotiate.AddCommand<NegotiateImportCommand>("import").WithDescription("Read a GENIUS domain and profiles into a domain file");
            });
            config.AddBranch("data", data =>
            {
                data.SetDescription("The trade store (DuckDB): import monthly or yearly trade files, list the vintages");
                data.AddCommand<DataImportCommand>("import").WithDescription("Import a trade file as a new vintage of a series; all rows or none")
                    .WithExample("data", "import", "--series", "cn-imports", "--file", "china-imports.csv", "--vintage", "gacc-2021-01");
                data.AddCommand<DataListCommand>("list").WithDescription("Series and vintages in the store");
            });
            config.AddCommand<TrackCommand>("track")
                .WithDescription("Purchases against an agreement's commitments: per series, category and month, with targets, shortfall and projection")
                .WithExample("track", "--agreement", "agreements/us-china-phase-one.yaml", "--series", "us-exports", "--year", "2020", "--through", "2020-06")
                .WithExample("track", "--year", "2020", "--chart", "phase-one-2020.svg");
            config.AddBranch("case", cases =>
            {
                cases.SetDescription("Enforcement cases run by the agreement's own process: an append-only, hash-chained log per case");
                cases.AddCommand<CaseOpenCommand>("open").WithDescription("File an appeal: opens a case in the process's first stage")
                    .WithExample("case", "open", "--agreement", "agreements/us-china-phase-one.yaml", "--complainant", "US", "--respondent", "CN", "--article", "6.2", "--summary", "Purchases short of Article 6.2", "--at", "2021-01-15");
                cases.AddCommand<CaseAdvanceCommand>("advance").WithDescription("Take an action; a refused one lists the permitted actions and exits 1")
                    .WithExample("case", "advance", "US-CN-2021-001", "--action", "assess", "--at", "2021-02-01");
                cases.AddCommand<CaseRespondCommand>("respond").WithDescription("Record a responsive action (a proportionate tariff, or a suspended obligation) and write its scenario")
                    .WithExample("case", "respond", "US-CN-2021-001", "--proportionate", "--at", "2021-05-01");
                cases.AddCommand<CaseShowCommand>("show").WithDescription("A case: state, deadlines, permitted actions, its log");
                cases.AddCommand<CaseListCommand>("list").WithDescription("Cases, with their state and deadlines; --overdue for those past one");
                cases.AddCommand<CaseVerifyCommand>("verify").WithDescription("Check the case's hash chain: exit 1 naming the first bad event");
            });
            config.AddBranch("schedule", schedule =>
            {
                schedule.SetDescription("The compiled tariff schedule");
                schedule.AddCommand<ScheduleStatsCommand>("stats").WithDescription("Lines covered per heading on a date");
                schedule.AddCommand<ScheduleExportCommand>("export").WithDescription("The compiled schedule as plain CSV rows");
                schedule.AddCommand<ScheduleEffectiveCommand>("effective")
                    .WithDescription("The import-weighted effective rate on a partner's goods (2024 US imports as weights), on a date or by day; --by authority splits it")
                    .WithExample("schedule", "effective", "--partner", "CN", "--date", "2020-03-01", "--by", "authority")
                    .WithExample("schedule", "effective", "--partner", "CN", "--from", "2018-01-01", "--to", "2020-12-31", "--format", "csv", "--chart", "cn.svg");
            });
        });

        try
        {
            return await app.RunAsync(args).ConfigureAwait(false);
        }
        catch (AgreementException e)
        {
            foreach (var problem in e.Problems)
            {
                await context.Error.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync($"error: the agreement has {e.Problems.Count} problem(s); `accord agreement validate` lists them").ConfigureAwait(false);
            return e.Kind.ExitCode();
        }
        catch (ValidationException e)
        {
            // Every problem at once, one line each, naming the option.
            foreach (var (field, messages) in e.Errors)
            {
                foreach (var message in messages)
                {
                    await context.Error.WriteLineAsync($"error: {field}: {message}").ConfigureAwait(false);
                }
            }

            return e.Kind.ExitCode();
        }
        catch (AccordException e)
        {
            // One table (ErrorKinds) decides the exit code, as it decides the server's HTTP status.
            await context.Error.WriteLineAsync($"{(e.Kind == ErrorKind.Conflict ? "conflict" : "error")}: {e.Message}").ConfigureAwait(false);
            return e.Kind.ExitCode();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"error: cannot write or read a file: {e.Message}").ConfigureAwait(false);
            return ErrorKind.InvalidDocument.ExitCode();
        }
        catch (CommandAppException e)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ErrorKind.BadInput.ExitCode();
        }
    }

    /// <summary>The console for people, writing to <paramref name="writer"/> without colour when it is not a terminal.</summary>
    public static IAnsiConsole CreateConsole(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });

        // Redirected output has no width to detect; tables of legal bases need more than the default 80 columns.
        if (!interactive)
        {
            console.Profile.Width = 140;
        }

        return console;
    }
}
