using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TradeAccord.Cli.Commands;

/// <summary>Options of <c>accord schedule effective</c>.</summary>
public sealed class ScheduleEffectiveSettings : DataSettings
{
    /// <summary>Partner.</summary>
    [CommandOption("--partner <COUNTRY>")]
    [Description("Partner whose 2024 imports weight the lines: ISO alpha-2 (CN, CA, MX, ...), EU (the aggregate, priced as DE) or all")]
    public string? Partner { get; init; }

    /// <summary>Date.</summary>
    [CommandOption("--date <DATE>")]
    [Description("Entry date, yyyy-MM-dd (or --from and --to for a series by day)")]
    public string? Date { get; init; }

    /// <summary>First date of a series.</summary>
    [CommandOption("--from <DATE>")]
    [Description("First date of a series by day, yyyy-MM-dd")]
    public string? From { get; init; }

    /// <summary>Last date of a series.</summary>
    [CommandOption("--to <DATE>")]
    [Description("Last date of a series by day, yyyy-MM-dd")]
    public string? To { get; init; }

    /// <summary>Split.</summary>
    [CommandOption("--by <SPLIT>")]
    [Description("authority: the rate split by authority (mfn, s301, s232, ieepa-fentanyl, ieepa-reciprocal, s122, retaliation, other)")]
    public string? By { get; init; }

    /// <summary>Scenario name or file.</summary>
    [CommandOption("--scenario <NAME|FILE>")]
    [Description("A built-in scenario (see `accord scenario list`) or a scenario file")]
    public string? Scenario { get; init; }

    /// <summary>Output format.</summary>
    [CommandOption("--format <FORMAT>")]
    [Description("table (default), json, or csv (one row per day: date, total, one column per authority)")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    /// <summary>Chart file.</summary>
    [CommandOption("--chart <FILE>")]
    [Description("Also draw the rate by authority over the period to this .svg or .png file")]
    public string? Chart { get; init; }

    // The question's fields are checked by EffectiveRequest.Validate, the one validator the server uses too.
    /// <inheritdoc />
    public override ValidationResult Validate() => All(CheckOneOf("--format", Format, "table", "json", "csv"), CheckChart(Chart));
}
