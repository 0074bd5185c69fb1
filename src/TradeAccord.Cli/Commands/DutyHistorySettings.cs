using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TradeAccord.Cli.Commands;

/// <summary>Options of <c>accord duty history</c>.</summary>
public sealed class DutyHistorySettings : DataSettings
{
    /// <summary>Tariff line.</summary>
    [CommandOption("--hts <CODE>")]
    [Description("Tariff line, dotted or not, 8 or 10 digits")]
    public string? Hts { get; init; }

    /// <summary>Country of origin.</summary>
    [CommandOption("--origin <COUNTRY>")]
    [Description("Country of origin, ISO 3166 alpha-2 (CN, US, VN, ...)")]
    public string? Origin { get; init; }

    /// <summary>First date.</summary>
    [CommandOption("--from <DATE>")]
    [Description("First entry date, yyyy-MM-dd (default: the start of the data)")]
    public string? From { get; init; }

    /// <summary>Last date.</summary>
    [CommandOption("--to <DATE>")]
    [Description("Last entry date, yyyy-MM-dd (default: the last day of the data)")]
    public string? To { get; init; }

    /// <summary>Importing country.</summary>
    [CommandOption("--importer <COUNTRY>")]
    [Description("Importing country: US (default) or CN")]
    public string? Importer { get; init; }

    /// <summary>Scenario name or file.</summary>
    [CommandOption("--scenario <NAME|FILE>")]
    [Description("A built-in scenario (see `accord scenario list`) or a scenario file")]
    public string? Scenario { get; init; }

    /// <summary>Claim a listed product exclusion.</summary>
    [CommandOption("--claim-exclusion")]
    [Description("Claim a Section 301 product exclusion listed for the line on every date")]
    public bool ClaimExclusion { get; init; }

    /// <summary>Output format.</summary>
    [CommandOption("--format <FORMAT>")]
    [Description("table (default), json or csv (one row per change date and layer)")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    /// <summary>Chart file.</summary>
    [CommandOption("--chart <FILE>")]
    [Description("Also draw the layers stacked over time to this .svg or .png file")]
    public string? Chart { get; init; }

    /// <summary>What the chart stacks.</summary>
    [CommandOption("--stack <BY>")]
    [Description("What the chart stacks: authority (default) or measure")]
    [DefaultValue("authority")]
    public string Stack { get; init; } = "authority";

    // The question's own fields are checked by HistoryRequest.Validate, the one validator the server uses too; these
    // are the command line's own (output format and chart).
    /// <inheritdoc />
    public override ValidationResult Validate() => All(
        CheckOneOf("--format", Format, "table", "json", "csv"),
        CheckOneOf("--stack", Stack, "authority", "measure"),
        CheckChart(Chart));
}
