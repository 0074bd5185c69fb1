using System.Globalization;
using TradeAccord.Core.Common;

namespace TradeAccord.Core.Commitments;

/// <summary>
/// One figure as reported (a press report of a statistic, or an official statement): what it measures, over which
/// span, as of which day, from which source, and the row of the file it was read from, so every figure in a report
/// can be traced back.
/// </summary>
/// <param name="Line">Line of the file it was read from.</param>
/// <param name="Statistic">Purchases (sales contracts), exports (shipments) or arrivals (customs imports).</param>
/// <param name="Cumulation">How the figure adds up over time.</param>
/// <param name="Figure">The figure as written.</param>
/// <param name="Unit">Its unit as written, e.g. "million t".</param>
/// <param name="Period">The span as written, e.g. "2025-01..2025-11" or "since 2025-10-30".</param>
/// <param name="Span">The span as dates, half-open; for a figure "since" a day, it ends the day after the as-of day.</param>
/// <param name="AsOf">The day it was published or stated (the first of the month when only the month is known).</param>
/// <param name="AsOfText">The as-of date as written (yyyy-MM when the day is not known).</param>
/// <param name="Measures">What it measures, as written.</param>
/// <param name="Source">Who produced the figure, as reported (GACC, USDA, traders, a statement).</param>
/// <param name="Confidence">How far the figure can be relied on.</param>
/// <param name="Url">Where it was read.</param>
/// <param name="Note">Remarks of the transcription.</param>
public sealed record ReportedFigure(int Line, Statistic Statistic, Cumulation Cumulation, decimal Figure, string Unit, string Period, DateInterval Span,
    DateOnly AsOf, string AsOfText, string Measures, string Source, Confidence Confidence, string Url, string? Note)
{
    /// <summary>The figure in metric tonnes, or null when its unit is not a weight (dollars, bushels).</summary>
    public decimal? Tonnes => Unit switch
    {
        "t" => Figure,
        "thousand t" => Figure * 1_000m,
        "million t" => Figure * 1_000_000m,
        _ => null,
    };

    /// <summary>E.g. "line 33: 12 million t, since 2025-10-30, as of 2026-01-12 (traders (via WSNext))".</summary>
    public string Describe() =>
        $"line {Line}: {Figure.ToString(CultureInfo.InvariantCulture)} {Unit}, {Period}, as of {AsOfText} ({Source})";
}

/// <summary>What a reported figure counts.</summary>
public enum Statistic
{
    /// <summary>Purchases: sales contracts signed (USDA export sales, traders, statements).</summary>
    Purchases,

    /// <summary>Exports: goods shipped (Census exports, USDA inspections).</summary>
    Exports,

    /// <summary>Arrivals: goods cleared by the importer's customs (China's GACC).</summary>
    Arrivals,
}

/// <summary>How a figure adds up over time: only figures of single months may be summed.</summary>
public enum Cumulation
{
    /// <summary>One calendar month: months of the same statistic add up.</summary>
    Month,

    /// <summary>From the start of the year (or marketing year) to a month: never added to anything.</summary>
    ToDate,

    /// <summary>Cumulative from a day (e.g. since the 2025-10-30 meeting) to the as-of day: never added to anything.</summary>
    Since,

    /// <summary>A whole period (a calendar year, a pledge period): never added to anything.</summary>
    Whole,
}

/// <summary>How far a reported figure can be relied on.</summary>
public enum Confidence
{
    /// <summary>An official statistic, as reported.</summary>
    Official,

    /// <summary>An official statement without data behind it.</summary>
    Statement,

    /// <summary>An estimate by traders or analysts.</summary>
    Estimate,

    /// <summary>A figure whose statistic is not identified.</summary>
    Weak,
}
