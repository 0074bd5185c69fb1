using TradeAccord.Core.Common;

namespace TradeAccord.Core.Tariffs;

/// <summary>
/// One dated duty layer: who imposes it, on which goods of which origins, at what rate, from when to when,
/// on what legal base, and from which source the engine took it.
/// </summary>
/// <remarks>
/// Validity is half-open on the entry date. Layers stack by addition unless one lists another in
/// <see cref="Supersedes"/> (a transit rate or a product exclusion replaces the general rate).
/// </remarks>
public sealed record Measure
{
    /// <summary>Stable identifier that agreements and scenarios refer to (e.g. <c>us301-l4a-7.5</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The country that levies the duty.</summary>
    public required CountryCode Importer { get; init; }

    /// <summary>The kind of layer.</summary>
    public required MeasureKind Kind { get; init; }

    /// <summary>Short human name ("List 4A", "HTS 2019 rev 15 general rate").</summary>
    public required string Title { get; init; }

    /// <summary>The tariff heading under which the duty is reported (e.g. 9903.88.15), if any.</summary>
    public string? Heading { get; init; }

    /// <summary>The legal instrument (notice, proclamation, announcement) that imposes the duty.</summary>
    public required string LegalBase { get; init; }

    /// <summary>The data file or document the engine took the measure from.</summary>
    public required string Source { get; init; }

    /// <summary>Origins covered.</summary>
    public required OriginScope Origins { get; init; }

    /// <summary>Products covered, with per-line rates where they differ.</summary>
    public required ProductCoverage Coverage { get; init; }

    /// <summary>The rate for lines whose coverage entry carries none; null when every line carries its own.</summary>
    public DutyRate? Rate { get; init; }

    /// <summary>The entry dates on which the measure applies.</summary>
    public required DateInterval Validity { get; init; }

    /// <summary>Whether the measure is applied.</summary>
    public MeasureStatus Status { get; init; } = MeasureStatus.InForce;

    /// <summary>A condition on the export date, if the measure has one.</summary>
    public ExportCondition? ExportCondition { get; init; }

    /// <summary>Ids of measures this one replaces when it applies.</summary>
    public IReadOnlyList<string> Supersedes { get; init; } = [];

    /// <summary>True for exclusions that apply only when the importer claims them for goods matching the notice.</summary>
    public bool RequiresClaim { get; init; }

    /// <summary>
    /// The end use the goods must be declared for (e.g. "automobile parts" for the Section 232 parts lists, whose
    /// headings such as 8471 also cover goods of other uses); null when classification alone decides.
    /// </summary>
    public string? EndUse { get; init; }

    /// <summary>
    /// Where the data stand in for a period before the source was in force (the nearest shipped HTS revision),
    /// the date from which the source is documented as in force; entries before it get a warning.
    /// </summary>
    public DateOnly? DocumentedFrom { get; init; }

    /// <summary>
    /// The date the source was last current (its data end), when entries after it are priced by carrying its rates
    /// forward; entries after it get a warning.
    /// </summary>
    public DateOnly? DocumentedUntil { get; init; }

    /// <summary>
    /// What the warning after <see cref="DocumentedUntil"/> says the data carry forward and miss, where the general
    /// sentence would mislead (China: later measures of its own are in the data, some lists are known to be missing).
    /// </summary>
    public string? CarriedForwardNote { get; init; }

    /// <summary>True for the layer whose coverage defines which lines exist (MFN), so unknown codes are rejected.</summary>
    public bool DefinesNomenclature { get; init; }

    /// <summary>The authority the layer is reported under (effective rates by authority, the IEEPA refund estimate).</summary>
    public TariffAuthority Authority { get => _authority ?? TariffAuthorities.Default(Kind); init => _authority = value; }

    private readonly TariffAuthority? _authority;

    /// <summary>The authority as the source declared it; null when it follows <see cref="Kind"/> (what a stored schedule keeps).</summary>
    public TariffAuthority? DeclaredAuthority { get => _authority; init => _authority = value; }

    /// <summary>
    /// The family stacking rules name (e.g. <c>s232-steel</c>, <c>ieepa-reciprocal</c>); defaults to the authority's word.
    /// </summary>
    public string? Family { get; init; }

    /// <summary>The family stacking rules match: <see cref="Family"/>, or the authority's word.</summary>
    public string StackingFamily => Family ?? Authority.Word();

    /// <summary>What part of the value the rate is levied on.</summary>
    public LevyBase LevyBase { get; init; } = LevyBase.Value;

    /// <summary>Free text shown with the layer (caveats of the source).</summary>
    public string? Note { get; init; }

    /// <summary>The rate this measure gives <paramref name="line"/>, or null when neither the line nor the measure has one.</summary>
    public DutyRate? RateFor(ProductCode line) => Coverage.RateFor(line) ?? Rate;
}
