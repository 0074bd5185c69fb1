using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TradeAccord.Cli.Commands;

/// <summary>Options of <c>accord duty</c>.</summary>
public sealed class DutySettings : DataSettings
{
    /// <summary>Tariff line.</summary>
    [CommandOption("--hts <CODE>")]
    [Description("Tariff line, dotted or not, 8 or 10 digits (6 where every line below owes the same)")]
    public string? Hts { get; init; }

    /// <summary>Country of origin.</summary>
    [CommandOption("--origin <COUNTRY>")]
    [Description("Country of origin, ISO 3166 alpha-2 (CN, US, VN, ...)")]
    public string? Origin { get; init; }

    /// <summary>Entry date.</summary>
    [CommandOption("--entry-date <DATE>")]
    [Description("Date of entry for consumption, yyyy-MM-dd")]
    public string? EntryDate { get; init; }

    /// <summary>Export date.</summary>
    [CommandOption("--export-date <DATE>")]
    [Description("Date of export, yyyy-MM-dd (decides the List 3 transit rate of May–June 2019)")]
    public string? ExportDate { get; init; }

    /// <summary>Customs value.</summary>
    [CommandOption("--value <USD>")]
    [Description("Customs value in USD")]
    public decimal? Value { get; init; }

    /// <summary>Quantity.</summary>
    [CommandOption("--quantity <N>")]
    [Description("Quantity, for specific rates")]
    public decimal? Quantity { get; init; }

    /// <summary>Unit of the quantity.</summary>
    [CommandOption("--unit <UNIT>")]
    [Description("Unit of the quantity: kg, l, each, doz, pr, bbl, t and the other HTS units")]
    public string? Unit { get; init; }

    /// <summary>Importing country.</summary>
    [CommandOption("--importer <COUNTRY>")]
    [Description("Importing country: US (default) or CN")]
    [DefaultValue("US")]
    public string Importer { get; init; } = "US";

    /// <summary>Scenario name or file.</summary>
    [CommandOption("--scenario <NAME|FILE>")]
    [Description("A built-in scenario (see `accord scenario list`) or a scenario file")]
    public string? Scenario { get; init; }

    /// <summary>Claim a listed product exclusion.</summary>
    [CommandOption("--claim-exclusion")]
    [Description("Claim a Section 301 product exclusion listed for the line (only if the goods match its notice)")]
    public bool ClaimExclusion { get; init; }

    /// <summary>Value of the metal content.</summary>
    [CommandOption("--content-value <USD>")]
    [Description("Value of the steel, aluminium or copper content, for Section 232 duties levied on the content only")]
    public decimal? ContentValue { get; init; }

    /// <summary>Value of the US content.</summary>
    [CommandOption("--us-content-value <USD>")]
    [Description("Value of the US content (IEEPA reciprocal duties spare it when it is at least 20% of the value)")]
    public decimal? UsContentValue { get; init; }

    /// <summary>Declare the end use a measure requires.</summary>
    [CommandOption("--declare-end-use")]
    [Description("Declare the goods for the end use a measure names (Section 232 automobile and truck parts outside chapter 87)")]
    public bool DeclareEndUse { get; init; }

    /// <summary>Carry the last schedule forward past the data end.</summary>
    [CommandOption("--assume-unchanged")]
    [Description("Price an entry date after the data end on the last schedule of the data, with a warning")]
    public bool AssumeUnchanged { get; init; }

    /// <summary>Output format.</summary>
    [CommandOption("--format <FORMAT>")]
    [Description("table (default) or json")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    /// <summary>Entries file for a batch.</summary>
    [CommandOption("--input <FILE>")]
    [Description("Entries CSV: id, hts, origin, entry_date, value_usd (and optionally export_date, quantity, unit, claim_exclusion, content_value_usd, us_content_value_usd, declare_end_use)")]
    public string? Input { get; init; }

    /// <summary>Where a batch writes.</summary>
    [CommandOption("--output <FILE>")]
    [Description("Where to write the priced entries (with --input)")]
    public string? Output { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Input is not null)
        {
            return All(
                Output is null ? ValidationResult.Error("--input needs --output: where to write the priced entries") : ValidationResult.Success(),
                Hts is not null ? ValidationResult.Error("--hts and --input exclude each other: price one entry or a file") : ValidationResult.Success(),
                Output is not null && Path.GetFullPath(Output) == Path.GetFullPath(Input)
                    ? ValidationResult.Error("--output must differ from --input: writing would destroy the entries being read")
                    : ValidationResult.Success(),
                CheckCountry("--importer", Importer));
        }

        // The entry's own fields are checked by QuoteRequest.Validate, the one validator the server uses too.
        return CheckOneOf("--format", Format, "table", "json");
    }
}
