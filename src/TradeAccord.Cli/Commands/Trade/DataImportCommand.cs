using System.ComponentModel;
using Spectre.Console.Cli;
using Spectre.Console;
using TradeAccord.App.Tracking;
using TradeAccord.Cli.Infrastructure;
using TradeAccord.Storage;

namespace TradeAccord.Cli.Commands.Trade;

/// <summary>Options of <c>accord data import</c>.</summary>
public sealed class DataImportSettings : StoreSettings
{
    /// <summary>Series id.</summary>
    [CommandOption("--series <ID>")]
    [Description("Series id, as the agreement names it (us-exports, cn-imports, us-services)")]
    public string? Series { get; init; }

    /// <summary>The file.</summary>
    [CommandOption("--file <FILE>")]
    [Description("CSV: monthly (month,code,value_usd[[,quantity,quantity_unit]]) or yearly (year,category,value_usd)")]
    public string? File { get; init; }

    /// <summary>Vintage label.</summary>
    [CommandOption("--vintage <LABEL>")]
    [Description("Label of this release (default: the file's name); each vintage is kept")]
    public string? Vintage { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() => All(
        Series is null ? ValidationResult.Error("--series is required") : ValidationResult.Success(),
        File is null ? ValidationResult.Error("--file is required") : ValidationResult.Success());
}

/// <summary><c>accord data import</c>: a trade file into the store, all rows or none.</summary>
public sealed class DataImportCommand(CliContext cli) : Command<DataImportSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, DataImportSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var store = cli.Store(settings.Db, settings.Data);
        var vintage = TradeData.Import(store, settings.Series!, settings.File!, settings.Vintage);
        cli.Console.MarkupLineInterpolated(
            $"imported {vintage.Rows:N0} {vintage.Kind} rows of [bold]{vintage.Series}[/] as vintage [bold]{vintage.Vintage}[/] ({vintage.First:yyyy-MM} to {vintage.Last:yyyy-MM}) into {store.Path}");
        return 0;
    }
}

/// <summary><c>accord data list</c>: the series and vintages in the store.</summary>
public sealed class DataListCommand(CliContext cli) : Command<StoreSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, StoreSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var store = cli.Store(settings.Db, settings.Data);
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Series").AddColumn("Vintage").AddColumn("Kind")
            .AddColumn(new TableColumn("Rows").RightAligned()).AddColumn("From").AddColumn("To").AddColumn("Source");
        var vintages = store.Vintages();
        foreach (var v in vintages)
        {
            var latest = vintages.Last(x => x.Series == v.Series) == v ? " (latest)" : "";
            table.AddRow(Markup.Escape(v.Series), Markup.Escape(v.Vintage + latest), v.Kind, v.Rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                $"{v.First:yyyy-MM}", $"{v.Last:yyyy-MM}", Markup.Escape(v.Source));
        }

        cli.Console.WriteLine($"store: {store.Path}");
        cli.Console.Write(table);
        return 0;
    }
}
