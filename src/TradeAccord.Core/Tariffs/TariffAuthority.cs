namespace TradeAccord.Core.Tariffs;

/// <summary>
/// The legal authority a duty layer is levied under, as effective rates are reported by authority (the general rate,
/// Section 232, Section 301, the two IEEPA programmes, Section 122).
/// </summary>
public enum TariffAuthority
{
    /// <summary>The general (MFN) or column 2 rate of the schedule.</summary>
    Mfn,

    /// <summary>Section 301 of the Trade Act of 1974.</summary>
    Section301,

    /// <summary>Section 232 of the Trade Expansion Act of 1962.</summary>
    Section232,

    /// <summary>IEEPA duties addressing the synthetic opioid supply chain ("fentanyl") of Canada, Mexico and China.</summary>
    IeepaFentanyl,

    /// <summary>IEEPA "reciprocal" duties (Executive Order 14257 and its amendments).</summary>
    IeepaReciprocal,

    /// <summary>Section 122 of the Trade Act of 1974 (temporary import surcharge).</summary>
    Section122,

    /// <summary>A retaliatory duty of another importer.</summary>
    Retaliation,

    /// <summary>Anything else (exclusions lift another authority's layer and report under it).</summary>
    Other,
}

/// <summary>Names and defaults of <see cref="TariffAuthority"/>.</summary>
public static class TariffAuthorities
{
    /// <summary>The word used in data files and output: mfn, s301, s232, ieepa-fentanyl, ieepa-reciprocal, s122, retaliation, other.</summary>
    public static string Word(this TariffAuthority authority) => authority switch
    {
        TariffAuthority.Mfn => "mfn",
        TariffAuthority.Section301 => "s301",
        TariffAuthority.Section232 => "s232",
        TariffAuthority.IeepaFentanyl => "ieepa-fentanyl",
        TariffAuthority.IeepaReciprocal => "ieepa-reciprocal",
        TariffAuthority.Section122 => "s122",
        TariffAuthority.Retaliation => "retaliation",
        _ => "other",
    };

    /// <summary>Every authority in reporting order.</summary>
    public static IReadOnlyList<TariffAuthority> All { get; } = Enum.GetValues<TariffAuthority>();

    /// <summary>Parses a word of <see cref="Word"/>; null when it is none.</summary>
    public static TariffAuthority? Parse(string word) => All.Cast<TariffAuthority?>().FirstOrDefault(a => a!.Value.Word() == word);

    /// <summary>The authority a measure of <paramref name="kind"/> reports under unless its source says otherwise.</summary>
    public static TariffAuthority Default(MeasureKind kind) => kind switch
    {
        MeasureKind.Mfn or MeasureKind.Column2 => TariffAuthority.Mfn,
        MeasureKind.Section301 => TariffAuthority.Section301,
        MeasureKind.Section232 => TariffAuthority.Section232,
        MeasureKind.Surcharge => TariffAuthority.Section122,
        MeasureKind.Retaliation => TariffAuthority.Retaliation,
        _ => TariffAuthority.Other,
    };

    /// <summary>True for the two IEEPA programmes, whose duties ended on 2026-02-20 and may be refunded.</summary>
    public static bool IsIeepa(this TariffAuthority authority) => authority is TariffAuthority.IeepaFentanyl or TariffAuthority.IeepaReciprocal;
}
