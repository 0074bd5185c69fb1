using TradeAccord.Core.Tariffs;

namespace TradeAccord.App.Tariffs.Effective;

/// <summary>The import-weighted effective rate on one date, and what it leaves out.</summary>
/// <param name="Date">The entry date.</param>
/// <param name="ImportValue">2024 imports of the partners weighted, USD.</param>
/// <param name="PricedValue">The part of it on lines the schedule knows on the date: the denominator of the rate.</param>
/// <param name="Duty">Duty the ad valorem parts come to on the priced value, USD, by authority (indexed as <see cref="TariffAuthorities.All"/>).</param>
/// <param name="Lines">Lines weighted (partner and HTS10 line pairs).</param>
/// <param name="PartialLines">Priced lines with a specific, compound or text rate: only their ad valorem part is counted.</param>
/// <param name="PartialValue">Their imports, USD.</param>
/// <param name="MissingLines">Lines the schedule does not know on the date (codes changed since, or not yet created): left out.</param>
/// <param name="MissingValue">Their imports, USD.</param>
/// <param name="MissingExamples">The largest missing lines by import value, at most five.</param>
public sealed record EffectiveFigure(DateOnly Date, decimal ImportValue, decimal PricedValue, IReadOnlyList<decimal> Duty, int Lines, int PartialLines,
    decimal PartialValue, int MissingLines, decimal MissingValue, IReadOnlyList<string> MissingExamples)
{
    /// <summary>The import-weighted average ad valorem rate over the priced lines (a fraction).</summary>
    public decimal AdValorem => PricedValue == 0m ? 0m : Duty.Sum() / PricedValue;

    /// <summary>The part of <see cref="AdValorem"/> levied under <paramref name="authority"/>.</summary>
    public decimal AdValoremOf(TariffAuthority authority) => PricedValue == 0m ? 0m : Duty[(int)authority] / PricedValue;

    /// <summary>Whether the figures equal <paramref name="other"/>'s (the dates aside): a series keeps only the dates that differ.</summary>
    public bool SameFigures(EffectiveFigure other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return PricedValue == other.PricedValue && Duty.SequenceEqual(other.Duty) && PartialLines == other.PartialLines && MissingLines == other.MissingLines;
    }
}
