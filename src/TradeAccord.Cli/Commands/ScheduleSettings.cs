using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TradeAccord.Cli.Commands;

/// <summary>Options of the <c>accord schedule</c> commands.</summary>
public sealed class ScheduleSettings : DataSettings
{
    /// <summary>Date.</summary>
    [CommandOption("--date <DATE>")]
    [Description("Entry date, yyyy-MM-dd (export: every date when absent)")]
    public string? Date { get; init; }

    /// <summary>Importing country.</summary>
    [CommandOption("--importer <COUNTRY>")]
    [Description("US (default for stats) or CN; export writes every importer when absent")]
    public string? Importer { get; init; }

    /// <summary>Scenario.</summary>
    [CommandOption("--scenario <NAME|FILE>")]
    public string? Scenario { get; init; }

    /// <summary>Output format.</summary>
    [CommandOption("--format <FORMAT>")]
    [Description("stats: table (default) or json; export: csv")]
    public string? Format { get; init; }

    /// <summary>Output file for export.</summary>
    [CommandOption("--output <FILE>")]
    [Description("export: write to this file instead of standard output")]
    public string? Output { get; init; }

    // Date and importer are checked by each command's query (ScheduleStatsQuery, shared with the server; export's own).
}
