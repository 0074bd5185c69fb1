using System.ComponentModel;
using Spectre.Console.Cli;
using Spectre.Console;

namespace TradeAccord.Cli.Commands.Agreements;

/// <summary>Options of the agreement commands that read one file.</summary>
public class AgreementSettings : DataSettings
{
    /// <summary>The agreement: a file, or a name under agreements/.</summary>
    [CommandArgument(0, "<FILE>")]
    [Description("Agreement file, or a name under agreements/ such as us-china-phase-one or positions-2019-11/us")]
    public string File { get; init; } = "";

    /// <summary>Output format.</summary>
    [CommandOption("--format <FORMAT>")]
    [Description("table (default) or json")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    /// <summary>Whether JSON was asked for.</summary>
    public bool Json => Format.Equals("json", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override ValidationResult Validate() => CheckOneOf("--format", Format, "table", "json");
}

/// <summary>Options of commands that need the agreement's dates: a draft not yet signed can be given one.</summary>
public class DatedAgreementSettings : AgreementSettings
{
    /// <summary>A signing date to assume for a draft.</summary>
    [CommandOption("--assume-signed <DATE>")]
    [Description("For a draft without dates: the signing date to assume (entry into force the same day unless the file says otherwise)")]
    public string? AssumeSigned { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() => All(base.Validate(), CheckDate("--assume-signed", AssumeSigned));
}
