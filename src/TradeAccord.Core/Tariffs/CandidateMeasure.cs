namespace TradeAccord.Core.Tariffs;

/// <summary>A measure that covers a given line, with the rate it gives that line.</summary>
/// <param name="Measure">The measure.</param>
/// <param name="Rate">The line's rate under the measure; null when no rate is known for it.</param>
public readonly record struct CandidateMeasure(Measure Measure, DutyRate? Rate);
