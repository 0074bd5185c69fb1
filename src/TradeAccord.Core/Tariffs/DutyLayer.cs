namespace TradeAccord.Core.Tariffs;

/// <summary>One applied layer of duty and what it comes to.</summary>
/// <param name="Measure">The measure applied.</param>
/// <param name="Rate">The rate it gives this line.</param>
/// <param name="Amount">Duty in currency units, rounded to the cent; null when no value or quantity was given.</param>
/// <param name="IsComplete">False when part of the rate could not be computed (missing quantity, text rate).</param>
public sealed record DutyLayer(Measure Measure, DutyRate Rate, decimal? Amount, bool IsComplete)
{
    /// <summary>
    /// The share of the entry's value the ad valorem rate falls on: 1 for the whole value, less for a levy on the metal
    /// content or a layer a stacking rule keeps off part of the value.
    /// </summary>
    public decimal Share { get; init; } = 1m;

    /// <summary>The ad valorem fraction of this layer, as a fraction of the entry's whole value.</summary>
    public decimal AdValorem => Share == 1m ? Rate.AdValorem : Rate.AdValorem * Share;
}
