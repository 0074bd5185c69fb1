namespace TradeAccord.Core.Tariffs;

/// <summary>One applied layer of duty and what it comes to.</summary>
/// <param name="Measure">The measure applied.</param>
/// <param name="Rate">The rate it gives this line.</param>
/// <param name="Amount">Duty in currency units, rounded to the cent; null when no value or quantity was given.</param>
/// <param name="IsComplete">False when part of the rate could not be computed (missing quantity, text rate).</param>
public sealed record DutyLayer(Measure Measure, DutyRate Rate, decimal? Amount, bool IsComplete)
{
    /// <summary>The ad valorem fraction of this layer.</summary>
    public decimal AdValorem => Rate.AdValorem;
}
