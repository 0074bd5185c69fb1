namespace TradeAccord.Core.Tariffs.Stacking;

/// <summary>How much of a layer a stacking rule takes away.</summary>
public enum StackingPart
{
    /// <summary>The whole layer: it is not applied at all.</summary>
    Whole,

    /// <summary>
    /// The part of the value the triggering layer is levied on: when that layer falls on the metal content only, the
    /// removed layer stays on the rest of the value; when it falls on the whole value, the removed layer goes.
    /// </summary>
    TriggerPart,

    /// <summary>The US content of the goods, when the entry declares at least the rule's threshold share of it.</summary>
    UsContent,
}
