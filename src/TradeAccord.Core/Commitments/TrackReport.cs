namespace TradeAccord.Core.Commitments;

/// <summary>Progress of one series against an agreement's purchase commitments over a window.</summary>
/// <param name="Series">The series tracked.</param>
/// <param name="Vintage">The data vintage used.</param>
/// <param name="From">First month of the window.</param>
/// <param name="Through">Last month counted.</param>
/// <param name="WindowEnd">Last month of the window.</param>
/// <param name="Options">What was asked for.</param>
/// <param name="Categories">One entry per purchase commitment.</param>
/// <param name="Total">Sum over the categories with data.</param>
/// <param name="Coverage">Covered and uncovered trade in the months counted, and annex codes that map onto nothing.</param>
/// <param name="Notes">What the reader must know (no data for a category, conditions not evaluated, data ending early).</param>
public sealed record TrackReport(
    string Series, string Vintage, DateOnly From, DateOnly Through, DateOnly WindowEnd, TrackOptions Options,
    IReadOnlyList<CategoryProgress> Categories, Progress Total, CoverageReport Coverage, IReadOnlyList<string> Notes)
{
    /// <summary>The category totals counted after the series' own last month, if any.</summary>
    public TrackContinuation? Continuation { get; init; }
}

/// <summary>Category totals of another series that continue a series after its last month (no product detail).</summary>
/// <param name="Series">The series of category totals.</param>
/// <param name="Vintage">Its vintage used.</param>
/// <param name="From">First month taken from it.</param>
/// <param name="Through">Last month taken from it.</param>
public sealed record TrackContinuation(string Series, string Vintage, DateOnly From, DateOnly Through);

/// <summary>Baseline, target and actual over the months counted, and the projection to the window's end.</summary>
/// <param name="Baseline">Baseline-year trade in the same months.</param>
/// <param name="Target">Target for the months counted.</param>
/// <param name="Actual">Trade in the months counted.</param>
/// <param name="FullTarget">Target for the whole window.</param>
/// <param name="Projected">Window total at the current pace (actual × full target ÷ target so far).</param>
public sealed record Progress(decimal Baseline, decimal Target, decimal Actual, decimal FullTarget, decimal Projected)
{
    /// <summary>Whether there is a numeric target to measure against (none for a best-efforts commitment, or one suspended all window).</summary>
    public bool HasTarget => FullTarget != 0m;

    /// <summary>Actual as a percentage of target (62.5 for 62.5%); null without a target so far.</summary>
    public decimal? PercentOfTarget => Target == 0m ? null : Math.Round(Actual / Target * 100m, 2);

    /// <summary>Target minus actual, positive when short; null without a numeric target.</summary>
    public decimal? Shortfall => HasTarget ? Target - Actual : null;

    /// <summary>The sum of several progresses.</summary>
    public static Progress Sum(IEnumerable<Progress> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.ToList();
        return new(list.Sum(p => p.Baseline), list.Sum(p => p.Target), list.Sum(p => p.Actual), list.Sum(p => p.FullTarget), list.Sum(p => p.Projected));
    }
}

/// <summary>Progress of one purchase commitment.</summary>
/// <param name="Name">The category.</param>
/// <param name="Commitment">The commitment's provision id.</param>
/// <param name="HasData">Whether the series has data for it (services usually has none monthly).</param>
/// <param name="Progress">The figures.</param>
/// <param name="BaselineYearTotal">Trade in the whole baseline year.</param>
/// <param name="Subcategories">Baseline and actual by subcategory.</param>
/// <param name="Months">Month by month.</param>
/// <param name="Suspended">The suspension in the window, if any.</param>
public sealed record CategoryProgress(
    string Name, string Commitment, bool HasData, Progress Progress, decimal BaselineYearTotal,
    IReadOnlyList<SubcategoryProgress> Subcategories, IReadOnlyList<MonthProgress> Months, Suspension? Suspended);

/// <summary>A subcategory's trade against the same months of the baseline year.</summary>
/// <param name="Name">Subcategory.</param>
/// <param name="Baseline">Baseline-year trade in the same months.</param>
/// <param name="Actual">Trade in the months counted.</param>
public sealed record SubcategoryProgress(string Name, decimal Baseline, decimal Actual);

/// <summary>One month of a category.</summary>
/// <param name="Month">First day of the month.</param>
/// <param name="Target">The month's target (0 when suspended or not counted).</param>
/// <param name="Actual">The month's trade.</param>
/// <param name="CumulativeTarget">Target from the window's start through this month.</param>
/// <param name="CumulativeActual">Trade from the window's start through this month.</param>
/// <param name="Suspended">Whether the commitment was suspended in this month.</param>
public sealed record MonthProgress(DateOnly Month, decimal Target, decimal Actual, decimal CumulativeTarget, decimal CumulativeActual, bool Suspended);

/// <summary>How the series' trade splits between the products the agreement covers and the rest.</summary>
/// <param name="Covered">Trade in covered products, months counted.</param>
/// <param name="Uncovered">Trade in other products, months counted.</param>
/// <param name="Gaps">Annex codes that map onto no trade code, or only onto coarser ones.</param>
public sealed record CoverageReport(decimal Covered, decimal Uncovered, IReadOnlyList<AnnexGap> Gaps);
