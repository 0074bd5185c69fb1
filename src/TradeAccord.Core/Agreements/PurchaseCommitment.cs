using System.Globalization;
using TradeAccord.Core.Common;

namespace TradeAccord.Core.Agreements;

/// <summary>
/// A commitment to buy: a category of goods or services, a baseline, what is required per period (an increase over
/// the baseline or a level), the products it covers, the series that measure it, and its form.
/// </summary>
public sealed record PurchaseCommitment : Provision
{
    /// <summary>Category, as named in the product mapping (e.g. "Agriculture"), or "Services".</summary>
    public required string Category { get; init; }

    /// <summary>Subcategories covered; empty means the whole category.</summary>
    public IReadOnlyList<string> Subcategories { get; init; } = [];

    /// <summary>The product mapping (a file under data/), or null when the category has no product list (services).</summary>
    public string? Products { get; init; }

    /// <summary>HS codes of a named product (e.g. 1201 for soybeans), when the commitment is on one product rather than a mapping's category.</summary>
    public IReadOnlyList<string> HsCodes { get; init; } = [];

    /// <summary>Why the commitment has no product list (the texts name no products), when it has neither mapping nor HS codes.</summary>
    public string? ProductsOutsideData { get; init; }

    /// <summary>The baseline the increases are measured from, if the targets are increases.</summary>
    public Baseline? Baseline { get; init; }

    /// <summary>Unit of the targets: dollars ("USD billion") or a physical quantity ("million t").</summary>
    public required string Unit { get; init; }

    /// <summary>Binding number, range, or best efforts.</summary>
    public required CommitmentForm Form { get; init; }

    /// <summary>Whether the figures are in every party's public text (false: side letter, unpublished annex, or no figure).</summary>
    public required bool PublicText { get; init; }

    /// <summary>
    /// Per party, whether its public text states the figures, when the sides differ (a commitment one side announced
    /// and the other never published); empty when <see cref="PublicText"/> says it for every party.
    /// </summary>
    public IReadOnlyDictionary<CountryCode, bool> PublicTextBy { get; init; } = new Dictionary<CountryCode, bool>();

    /// <summary>Whether the unit is a physical quantity rather than dollars.</summary>
    public bool IsPhysical => !Unit.StartsWith("USD", StringComparison.Ordinal);

    /// <summary>Ids of the data series that measure it (both parties' statistics, where available).</summary>
    public IReadOnlyList<string> MeasuredBy { get; init; } = [];

    /// <summary>The targets, one per period.</summary>
    public IReadOnlyList<PurchaseTarget> Targets { get; init; } = [];

    /// <inheritdoc/>
    public override string Kind => "purchase";

    /// <inheritdoc/>
    protected override IEnumerable<ProvisionField> OwnTerms()
    {
        yield return new("category", Category);
        yield return new("subcategories", Subcategories.Count == 0 ? "all" : string.Join(", ", Subcategories));
        yield return new("form", Form.ToKebab());
        yield return new("products", HsCodes.Count > 0 ? $"HS {string.Join(", ", HsCodes)}" : Products ?? ProductsOutsideData ?? "none");
        yield return new("unit", Unit);
        yield return new("publicText", PublicTextBy.Count == 0
            ? PublicText ? "yes" : "no"
            : string.Join(", ", PublicTextBy.OrderBy(p => p.Key.ToString(), StringComparer.Ordinal).Select(p => $"{p.Key}: {(p.Value ? "yes" : "no")}")));
        yield return new("baseline", Baseline is null ? "none" : $"{Baseline.Year} ({Baseline.Series})");
        yield return new("measuredBy", MeasuredBy.Count == 0 ? "none" : string.Join(", ", MeasuredBy));
        if (Targets.Count == 0)
        {
            yield return new("targets", "none");
        }

        foreach (var target in Targets)
        {
            yield return new($"targets.{target.Label}", $"{target.Describe()} {Unit}");
        }
    }
}

/// <summary>The baseline of a purchase commitment.</summary>
/// <param name="Year">Baseline calendar year.</param>
/// <param name="Series">Id of the series the baseline is read from.</param>
public sealed record Baseline(int Year, string Series);

/// <summary>What a purchase commitment requires in one period: a calendar year, or a stretch of days within one.</summary>
/// <param name="Year">The calendar year (of the period's first day when <see cref="Span"/> is given).</param>
/// <param name="Measure">Increase over the baseline, or level of purchases.</param>
/// <param name="Minimum">The figure, or the low end of a range.</param>
/// <param name="Maximum">The high end of a range; equal to <paramref name="Minimum"/> for a single number.</param>
/// <param name="At">Where it was written.</param>
public sealed record PurchaseTarget(int Year, TargetMeasure Measure, decimal Minimum, decimal Maximum, Position At = default)
{
    /// <summary>A period that is not the calendar year (e.g. the last two months of 2025), half-open; null for the year.</summary>
    public Common.DateInterval? Span { get; init; }

    /// <summary>
    /// For a yearly figure that applies pro rata from a day within the year (e.g. "2026 (prorated)"): that day. The
    /// period then runs from it to the year's end and the figure due is the year's figure times the share of days.
    /// </summary>
    public DateOnly? ProratedFrom { get; init; }

    /// <summary>The period as a half-open interval of dates.</summary>
    public Common.DateInterval Period => Span
        ?? new(ProratedFrom ?? new DateOnly(Year, 1, 1), new DateOnly(Year + 1, 1, 1));

    /// <summary>E.g. "2026", "2026 from 2026-05-17" or "2025-11-01..2025-12-31".</summary>
    public string Label => Span is { } s
        ? $"{s.Start:yyyy-MM-dd}..{s.End.AddDays(-1):yyyy-MM-dd}"
        : ProratedFrom is { } p ? $"{Year} from {p:yyyy-MM-dd}" : Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>The figure due over <see cref="Period"/>: the minimum, prorated by days when <see cref="ProratedFrom"/> is set.</summary>
    public decimal Due
    {
        get
        {
            if (ProratedFrom is not { } from)
            {
                return Minimum;
            }

            var days = new DateOnly(Year + 1, 1, 1).DayNumber - from.DayNumber;
            var yearDays = DateTime.IsLeapYear(Year) ? 366 : 365;
            return Math.Round(Minimum * days / yearDays, 3);
        }
    }

    /// <summary>Whether the target is a range rather than one number.</summary>
    public bool IsRange => Maximum != Minimum;

    /// <summary>E.g. "increase 12.5" or "level 40–50".</summary>
    public string Describe()
    {
        var word = Measure == TargetMeasure.Increase ? "increase" : "level";
        var figure = IsRange
            ? $"{Minimum.ToString(CultureInfo.InvariantCulture)}–{Maximum.ToString(CultureInfo.InvariantCulture)}"
            : Minimum.ToString(CultureInfo.InvariantCulture);
        return $"{word} {figure}";
    }
}

/// <summary>Whether a target is an increase over the baseline or a level of purchases.</summary>
public enum TargetMeasure
{
    /// <summary>Increase over the baseline year.</summary>
    Increase,

    /// <summary>Level of purchases in the year.</summary>
    Level,
}

/// <summary>How firm a purchase commitment is.</summary>
public enum CommitmentForm
{
    /// <summary>A binding figure per period.</summary>
    BindingNumber,

    /// <summary>A binding range per period.</summary>
    Range,

    /// <summary>No figure: best efforts.</summary>
    BestEfforts,
}
