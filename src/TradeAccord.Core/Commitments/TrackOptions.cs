namespace TradeAccord.Core.Commitments;

/// <summary>Which twelve months a tracking year covers.</summary>
public enum TrackWindow
{
    /// <summary>January to December.</summary>
    Calendar,

    /// <summary>Twelve months from the month of entry into force (2020-02 to 2021-01 for phase one's first year).</summary>
    Agreement,
}

/// <summary>How a year's target is spread over its months.</summary>
public enum TargetWeights
{
    /// <summary>One twelfth a month.</summary>
    Even,

    /// <summary>Each month's share of the category's trade in the baseline year.</summary>
    Seasonal,
}

/// <summary>What to track.</summary>
/// <param name="Year">The year: a calendar year, or the agreement year that starts in it.</param>
/// <param name="Through">Last month included (first day of it), or null for the whole window.</param>
/// <param name="Window">Calendar or agreement year.</param>
/// <param name="Weights">Even or seasonal monthly targets.</param>
/// <param name="Years">How many years the window runs from <paramref name="Year"/> (2 for the whole of a two-year commitment).</param>
public sealed record TrackOptions(int Year, DateOnly? Through = null, TrackWindow Window = TrackWindow.Calendar, TargetWeights Weights = TargetWeights.Seasonal, int Years = 1)
{
    /// <summary>The number of months in the window.</summary>
    public int Months => 12 * Years;
}

/// <summary>A commitment not in force from a date, because of one of the agreement's conditions.</summary>
/// <param name="Provision">The commitment suspended.</param>
/// <param name="From">First day it is suspended.</param>
/// <param name="Condition">The condition's id.</param>
/// <param name="Reason">What triggered it.</param>
public sealed record Suspension(string Provision, DateOnly From, string Condition, string Reason);
