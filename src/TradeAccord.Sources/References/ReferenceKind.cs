namespace TradeAccord.Sources.References;

/// <summary>The kinds of document a user refers to by name: each has a folder of built-in ones.</summary>
public enum ReferenceKind
{
    /// <summary>A tariff scenario (<c>scenarios/</c>), or an agreement whose tariff obligations act as one.</summary>
    Scenario,

    /// <summary>An agreement (<c>agreements/</c>).</summary>
    Agreement,

    /// <summary>A negotiation domain (<c>negotiations/</c>).</summary>
    Negotiation,
}
