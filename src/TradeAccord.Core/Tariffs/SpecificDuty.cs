namespace TradeAccord.Core.Tariffs;

/// <summary>A specific duty component: an amount in USD (or the importer's currency) per unit of quantity.</summary>
/// <param name="PerUnit">Amount per unit, e.g. 0.015 for 1.5¢/kg.</param>
/// <param name="Unit">Canonical unit (see <see cref="QuantityUnit.Normalize"/>): kg, l, each, doz, pr, bbl, t, ...</param>
/// <param name="Qualifier">What the quantity is measured on when it is not the goods as entered ("on drained weight"), else null.</param>
public sealed record SpecificDuty(decimal PerUnit, string Unit, string? Qualifier = null);
