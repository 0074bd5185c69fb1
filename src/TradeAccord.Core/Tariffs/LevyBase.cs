namespace TradeAccord.Core.Tariffs;

/// <summary>What part of an entry's value a measure's ad valorem rate is levied on.</summary>
public enum LevyBase
{
    /// <summary>The whole customs value.</summary>
    Value,

    /// <summary>
    /// The value of the metal content only (Section 232 derivatives and the 2026 metals annexes): the entry declares it,
    /// and when it does not the rate falls on the whole value with a warning, as CBP applies it.
    /// </summary>
    Content,
}
