using System.Globalization;

namespace TradeAccord.Core.Enforcement;

/// <summary>A set of products a tariff response could cover, and what the other party sold of them.</summary>
/// <param name="Name">E.g. "Section 301 List 4A (9903.88.15)".</param>
/// <param name="Measure">The measure whose coverage defines the set.</param>
/// <param name="TradeValueUsd">Imports from the other party in the reference year.</param>
/// <param name="Year">The reference year.</param>
public sealed record ProductSet(string Name, string Measure, decimal TradeValueUsd, int Year);

/// <summary>A proposed tariff response and the arithmetic behind it.</summary>
/// <param name="Products">The products it covers.</param>
/// <param name="Rate">The additional rate, as a fraction (0.145 = 14.5%).</param>
/// <param name="EstimatedCostUsd">Trade value × rate: the first estimate of its cost to the other party.</param>
/// <param name="HarmUsd">The harm it answers.</param>
/// <param name="Arithmetic">The steps, in words and figures.</param>
public sealed record ProportionateResponse(ProductSet Products, decimal Rate, decimal EstimatedCostUsd, decimal HarmUsd, IReadOnlyList<string> Arithmetic);

/// <summary>
/// Proposes a tariff response of the same size as the harm claimed: on the narrowest product set that can carry it at
/// no more than a ceiling rate, the rate that makes trade value × rate equal the harm (rounded up to half a point).
/// Trade value × rate is a first estimate: it ignores that trade falls when the tariff rises.
/// </summary>
public static class Proportionality
{
    /// <summary>The highest additional rate proposed before a wider product set is taken (the highest Section 301 rate used).</summary>
    public const decimal CeilingRate = 0.25m;

    /// <summary>The proposal for <paramref name="harmUsd"/> over <paramref name="candidates"/> (narrowest first).</summary>
    /// <exception cref="ArgumentException">No candidate has trade, or the harm is not positive.</exception>
    public static ProportionateResponse Propose(decimal harmUsd, IReadOnlyList<ProductSet> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (harmUsd <= 0m)
        {
            throw new ArgumentException($"the harm claimed is {harmUsd:N0} USD: expected a positive amount", nameof(harmUsd));
        }

        var usable = candidates.Where(c => c.TradeValueUsd > 0m).ToList();
        if (usable.Count == 0)
        {
            throw new ArgumentException("no product set has trade to carry a response", nameof(candidates));
        }

        var steps = new List<string> { $"harm claimed: {Bn(harmUsd)} USD bn a year" };
        foreach (var set in usable)
        {
            steps.Add($"{set.Name}: imports {Bn(set.TradeValueUsd)} USD bn in {set.Year}; rate needed {Bn(harmUsd)} / {Bn(set.TradeValueUsd)} = {Percent(harmUsd / set.TradeValueUsd)}");
        }

        var chosen = usable.FirstOrDefault(s => harmUsd / s.TradeValueUsd <= CeilingRate) ?? usable[^1];
        var rate = Math.Ceiling(harmUsd / chosen.TradeValueUsd * 200m) / 200m;
        var cost = Math.Round(chosen.TradeValueUsd * rate, 0);
        steps.Add(chosen == usable[^1] && harmUsd / chosen.TradeValueUsd > CeilingRate
            ? $"no set carries it at {Percent(CeilingRate)} or less: the widest is taken"
            : $"narrowest set at {Percent(CeilingRate)} or less: {chosen.Name}");
        steps.Add($"rate rounded up to half a point: {Percent(rate)}; estimated cost {Bn(chosen.TradeValueUsd)} × {Percent(rate)} = {Bn(cost)} USD bn a year (before trade falls)");
        return new ProportionateResponse(chosen, rate, cost, harmUsd, steps);
    }

    private static string Bn(decimal usd) => (usd / 1_000_000_000m).ToString("N2", CultureInfo.InvariantCulture);

    private static string Percent(decimal fraction) => (fraction * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
