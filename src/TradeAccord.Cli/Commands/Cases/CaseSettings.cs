using System.ComponentModel;
using Spectre.Console.Cli;
using Spectre.Console;
using TradeAccord.App.Cases;
using TradeAccord.Cli.Commands.Trade;
using TradeAccord.Core.Common;
using TradeAccord.Storage.Cases;

namespace TradeAccord.Cli.Commands.Cases;

/// <summary>Options every case command shares.</summary>
public class CaseSettings : StoreSettings
{
    /// <summary>The date the command acts on.</summary>
    [CommandOption("--at <DATE>")]
    [Description("The date of the action, or of the view (yyyy-MM-dd; replays the case as of that day). Default: today")]
    public string? At { get; init; }

    /// <summary>Who is reading.</summary>
    [CommandOption("--as <PARTY>")]
    [Description("Whose office reads: US or CN (default: $ACCORD_ROLE, else an observer, who cannot read confidential cases)")]
    public string? As { get; init; }

    /// <summary>Output format.</summary>
    [CommandOption("--format <FORMAT>")]
    [Description("table (default) or json")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    /// <summary>Whether JSON was asked for.</summary>
    public bool Json => Format.Equals("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The viewer.</summary>
    public Viewer Viewer => (As ?? Environment.GetEnvironmentVariable("ACCORD_ROLE")) is { Length: > 0 } party && !party.Equals("observer", StringComparison.OrdinalIgnoreCase)
        ? new Viewer(CountryCode.Parse(party).GetValueOrThrow())
        : Viewer.Observer;

    /// <summary>The date, from <c>--at</c> or the clock.</summary>
    public DateOnly Date(TimeProvider clock) => ParseDate(At) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <inheritdoc />
    public override ValidationResult Validate() => All(
        CheckDate("--at", At),
        As is null || As.Equals("observer", StringComparison.OrdinalIgnoreCase) ? ValidationResult.Success() : CheckCountry("--as", As),
        CheckOneOf("--format", Format, "table", "json"));
}

/// <summary>Options of the commands on one case.</summary>
public class CaseIdSettings : CaseSettings
{
    /// <summary>The case.</summary>
    [CommandArgument(0, "<ID>")]
    [Description("Case id, e.g. US-CN-2021-001")]
    public string Id { get; init; } = "";
}
