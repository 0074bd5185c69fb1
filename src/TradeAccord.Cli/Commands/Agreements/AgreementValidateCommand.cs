using System.ComponentModel;
using Spectre.Console.Cli;
using Spectre.Console;
using TradeAccord.App;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Cli.Output;
using TradeAccord.Sources.Agreements;
using TradeAccord.Sources;

namespace TradeAccord.Cli.Commands.Agreements;

/// <summary>Options of <c>accord agreement validate</c>.</summary>
public sealed class AgreementValidateSettings : DataSettings
{
    /// <summary>The files.</summary>
    [CommandArgument(0, "<FILES>")]
    [Description("Agreement files, or names under agreements/")]
    public string[] Files { get; init; } = [];

    /// <summary>Output format.</summary>
    [CommandOption("--format <FORMAT>")]
    [Description("text (default: file:line:column: error [[rule]] path: message) or json")]
    [DefaultValue("text")]
    public string Format { get; init; } = "text";

    /// <inheritdoc />
    public override ValidationResult Validate() => CheckOneOf("--format", Format, "text", "json");
}

/// <summary><c>accord agreement validate</c>: every problem in every file; exit 1 when there is any.</summary>
public sealed class AgreementValidateCommand(CliContext cli) : Command<AgreementValidateSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, AgreementValidateSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var loader = cli.Loader(settings.Data);
        // A file that is not there is one problem among the others, not the end of the run.
        var results = settings.Files.Select(f =>
        {
            string path;
            try
            {
                path = AgreementFiles.Resolve(f, loader.Paths);
            }
            catch (SourceException e)
            {
                return (File: f, Read: new AgreementRead(null, [new Diagnostic(f, 1, 1, Rules.Unreadable, "", e.Problem)]));
            }

            return (File: AgreementInput.Display(path), Read: AgreementReader.Read(path, loader.AgreementContext, AgreementInput.Display(path)));
        }).ToList();
        var problems = results.Sum(r => r.Read.Problems.Count);
        if (settings.Format.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            cli.Out.WriteLine(Json.Serialize(new
            {
                valid = problems == 0,
                files = results.Select(r => new
                {
                    file = r.File,
                    valid = r.Read.IsValid,
                    problems = r.Read.Problems.Select(p => new { line = p.Line, column = p.Column, rule = p.Rule, path = p.Path, message = p.Message }),
                }),
            }));
        }
        else
        {
            foreach (var (file, read) in results)
            {
                foreach (var problem in read.Problems)
                {
                    cli.Out.WriteLine(problem.ToString());
                }

                if (read.IsValid)
                {
                    cli.Out.WriteLine($"{file}: valid ({read.Agreement!.Provisions.Count()} provisions)");
                }
            }

            if (problems > 0)
            {
                cli.Out.WriteLine($"{problems} problem{(problems == 1 ? "" : "s")} in {results.Count(r => !r.Read.IsValid)} of {results.Count} file{(results.Count == 1 ? "" : "s")}");
            }
        }

        return problems == 0 ? 0 : 1;
    }
}
