namespace TradeAccord.Core.Commitments;

/// <summary>One row of monthly trade: a month, a product code, and its value.</summary>
/// <param name="Month">The first day of the month.</param>
/// <param name="Code">The product code, digits only, at the most detailed level the source gives.</param>
/// <param name="ValueUsd">Trade value in US dollars.</param>
/// <param name="Quantity">Quantity, if the source gives one.</param>
/// <param name="Unit">Unit of <paramref name="Quantity"/>.</param>
public readonly record struct TradeFlow(DateOnly Month, string Code, decimal ValueUsd, decimal? Quantity = null, string? Unit = null);

/// <summary>A yearly figure where no monthly series exists (services).</summary>
/// <param name="Year">Calendar year.</param>
/// <param name="Category">The purchase category it counts toward.</param>
/// <param name="ValueUsd">Value in US dollars.</param>
public readonly record struct AnnualFlow(int Year, string Category, decimal ValueUsd);

/// <summary>Trade of one month, summed by product line of the mapping (null line: not covered).</summary>
/// <param name="Month">First day of the month.</param>
/// <param name="Category">Covered category, or null for trade outside the mapping.</param>
/// <param name="Subcategory">Covered subcategory, or null.</param>
/// <param name="ValueUsd">Sum in US dollars.</param>
public readonly record struct MonthlyTotal(DateOnly Month, string? Category, string? Subcategory, decimal ValueUsd);
