namespace TradeAccord.Core.Tariffs.Stacking;

/// <summary>A layer that would have applied but a stacking rule removed, in whole or in part, and the rule that did.</summary>
/// <param name="Measure">The measure removed.</param>
/// <param name="Rate">The rate it would have given the line.</param>
/// <param name="Rule">The rule that removed it.</param>
/// <param name="Whole">True when the layer is not applied at all; false when it stays on part of the value only.</param>
public sealed record NotAppliedLayer(Measure Measure, DutyRate Rate, StackingRule Rule, bool Whole);
