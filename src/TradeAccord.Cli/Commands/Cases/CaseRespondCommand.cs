using System.ComponentModel;
using System.Globalization;
using Spectre.Console.Cli;
using Spectre.Console;
using TradeAccord.App.Cases;
using TradeAccord.App;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Cli.Output;
using TradeAccord.Storage.Cases;

namespace TradeAccord.Cli.Commands.Cases;

/// <summary>Options of <c>accord case respond</c>.</summary>
public sealed class CaseRespondSettings : CaseIdSettings
{
    /// <summary>Propose a proportionate tariff.</summary>
    [CommandOption("--proportionate")]
    [Description("A tariff on the respondent's goods whose estimated cost (trade value × rate) equals the harm")]
    public bool Proportionate { get; init; }

    /// <summary>The harm claimed.</summary>
    [CommandOption("--harm <USD>")]
    [Description("Harm claimed, USD a year (default for article 6.2: the purchase shortfall of the last full year)")]
    public decimal? Harm { get; init; }

    /// <summary>Suspend an obligation instead.</summary>
    [CommandOption("--suspend <PROVISION>")]
    [Description("Suspend one of the complainant's own obligations instead (a tariff obligation's measure is restored)")]
    public string? Suspend { get; init; }

    /// <summary>Scenario file.</summary>
    [CommandOption("--output <FILE>")]
    [Description("Where to write the response's scenario (default: case-ID-response.yaml)")]
    public string? Output { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() => All(
        base.Validate(),
        Proportionate == (Suspend is not null) ? ValidationResult.Error("say --proportionate or --suspend PROVISION (one of them)") : ValidationResult.Success(),
        Harm is <= 0m ? ValidationResult.Error("--harm must be positive") : ValidationResult.Success());
}

/// <summary><c>accord case respond</c>: records the responsive action and writes its scenario.</summary>
public sealed class CaseRespondCommand(CliContext cli) : Command<CaseRespondSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, CaseRespondSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var cases = cli.Cases(settings.Db, settings.Data);
        var at = settings.Date(cli.Clock);
        var file = settings.Output ?? $"case-{settings.Id.ToLowerInvariant()}-response.yaml";
        var responses = new CaseResponses(cases.Service, cli.Loader(settings.Data));
        (CaseView View, Core.Enforcement.Step Step, ResponseTerms Terms) result;
        if (settings.Proportionate)
        {
            var header = cases.Service.Store.Load(settings.Id)?.Header ?? throw new CaseException($"no case {settings.Id} in {cases.Service.Store.Description}", notFound: true);
            using var trade = cli.Store(settings.Db, settings.Data);
            var harm = responses.Harm(header, at, settings.Harm, trade, out var basis);
            result = responses.RespondProportionately(settings.Id, at, harm, basis, file, settings.Viewer.Party);
        }
        else
        {
            result = responses.SuspendObligation(settings.Id, at, settings.Suspend!, file, settings.Viewer.Party);
        }

        if (result.Step.Refusal is not null)
        {
            return CaseOutput.Step(cli, result.View, result.Step, settings.Json);
        }

        if (settings.Json)
        {
            cli.Out.WriteLine(Json.Serialize(new { @case = CaseJson.Of(result.View), response = result.Terms }));
            return 0;
        }

        foreach (var line in result.Terms.Tariff?.Arithmetic ?? [])
        {
            cli.Console.WriteLine(line);
        }

        cli.Console.WriteLine(result.Terms.ScenarioFile is { } f
            ? $"response recorded; scenario written to {f}: price it with `accord duty --scenario {f}` or `accord scenario compare`"
            : "response recorded; it changes no tariff, so no scenario was written");
        CaseOutput.Write(cli, result.View, json: false);
        return 0;
    }
}
