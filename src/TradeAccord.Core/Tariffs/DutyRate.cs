using System.Globalization;

namespace TradeAccord.Core.Tariffs;

/// <summary>
/// A rate of duty: an ad valorem part (a fraction of customs value), zero or more specific parts (per unit),
/// or text the engine cannot compute (e.g. "The rate applicable to the natural juice in heading 2009").
/// </summary>
/// <remarks>Immutable. <see cref="Text"/> keeps the rate as the source printed it.</remarks>
public sealed record DutyRate
{
    private DutyRate(string text, decimal adValorem, IReadOnlyList<SpecificDuty> specific, bool computable, string? adValoremQualifier)
    {
        Text = text;
        AdValorem = adValorem;
        Specific = specific;
        IsComputable = computable;
        AdValoremQualifier = adValoremQualifier;
        IsQualified = adValoremQualifier is not null || specific.Any(s => s.Qualifier is not null);
    }

    /// <summary>The rate as written in the source.</summary>
    public string Text { get; }

    /// <summary>Ad valorem part as a fraction (0.25 for 25%).</summary>
    public decimal AdValorem { get; }

    /// <summary>Specific parts, in the order written.</summary>
    public IReadOnlyList<SpecificDuty> Specific { get; }

    /// <summary>False when the rate is text that names no number the engine can apply.</summary>
    public bool IsComputable { get; }

    /// <summary>What the ad valorem part is levied on when it is not the whole customs value ("on the case"), else null.</summary>
    public string? AdValoremQualifier { get; }

    /// <summary>Whether any part is levied on something other than the goods' value or quantity as entered.</summary>
    public bool IsQualified { get; }

    /// <summary>Duty free.</summary>
    public static DutyRate Free { get; } = new("Free", 0m, [], true, null);

    /// <summary>A plain ad valorem rate.</summary>
    public static DutyRate AdValoremOnly(decimal fraction) =>
        new(FormatPercent(fraction), fraction, [], true, null);

    /// <summary>A rate with an ad valorem part and specific parts.</summary>
    public static DutyRate Compound(string text, decimal adValorem, IReadOnlyList<SpecificDuty> specific, string? adValoremQualifier = null) =>
        new(text, adValorem, specific, true, adValoremQualifier);

    /// <summary>A rate whose text the engine cannot compute.</summary>
    public static DutyRate NotComputable(string text) => new(text, 0m, [], false, null);

    /// <summary>Formats a fraction as a percentage without trailing zeros: 0.075 → "7.5%".</summary>
    public static string FormatPercent(decimal fraction) =>
        (fraction * 100m).ToString("0.####", CultureInfo.InvariantCulture) + "%";

    /// <inheritdoc />
    public override string ToString() => Text;
}
