using System.ComponentModel;
using Spectre.Console.Cli;

namespace TradeAccord.Cli.Commands.Trade;

/// <summary>Options of every command that touches the trade store.</summary>
public class StoreSettings : DataSettings
{
    /// <summary>The store file.</summary>
    [CommandOption("--db <PATH>")]
    [Description("Trade store file (default: $ACCORD_DB, else ~/.local/share/tradeaccord/accord.duckdb)")]
    public string? Db { get; init; }
}
