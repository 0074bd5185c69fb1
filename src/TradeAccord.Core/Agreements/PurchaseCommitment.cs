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

    /// <summary>The baseline the increases are measured from, if the targets are increases.</summary>
    public Baseline? Baseline { get; init; }

    /// <summary>Unit of the targets, e.g. "USD billion".</summary>
    public required string Unit { get; init; }

    /// <summary>Binding number, range, or best efforts.</summary>
    public required CommitmentForm Form { get; init; }

    /// <summary>Whether the figures are in the public text (false: side letter, unpublished annex, or no figure).</summary>
    public required bool PublicText { get; init; }

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
        yield return new("publicText", PublicText ? "yes" : "no");
        yield return new("baseline", Baseline is null ? "none" : $"{Baseline.Year} ({Baseline.Series})");
        yield return new("measuredBy", MeasuredBy.Count == 0 ? "none" : string.Join(", ", MeasuredBy));
        if (Targets.Count == 0)
        {
            yield return new("targets", "none");
        }

        foreach (var target in Targets)
        {
            yield return new($"targets.{target.Year}", $"{target.Describe()} {Unit}");
        }
    }
}

/// <summary>The baseline of a purchase commitment.</summary>
/// <param name="Year">Baseline calendar year.</param>
/// <param name="Series">Id of the series the baseline is read from.</param>
public sealed record Baseline(int Year, string Series);

/// <summary>What a purchase commitment requires in one calendar year.</summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Measure">Increase over the baseline, or level of purchases.</param>
/// <param name="Minimum">The figure, or the low end of a range.</param>
/// <param name="Maximum">The high end of a range; equal to <paramref name="Minimum"/> for a single number.</param>
/// <param name="At">Where it was written.</param>
public sealed record PurchaseTarget(int Year, TargetMeasure Measure, decimal Minimum, decimal Maximum, Position At = default)
{
    /// <summary>The year as a half-open interval of dates.</summary>
    public Common.DateInterval Period => new(new DateOnly(Year, 1, 1), new DateOnly(Year + 1, 1, 1));

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
