using TradeAccord.Core.Common;

namespace TradeAccord.Core.Tariffs.Stacking;

/// <summary>
/// One rule on how duty layers combine, as written in a legal instrument: when a layer of a <see cref="When"/> family
/// applies to an entry, layers of the <see cref="Removes"/> families do not (or only on part of the value).
/// </summary>
/// <remarks>
/// Rules are data (data/us/stacking.yaml), not code, so a new order that changes how measures stack is a new entry
/// with its citation. A family pattern is a family name, or a prefix ending in <c>*</c> (<c>s232-*</c>).
/// </remarks>
public sealed record StackingRule
{
    /// <summary>Stable identifier shown in a quote's trace.</summary>
    public required string Id { get; init; }

    /// <summary>The provision the rule comes from (order, section, date).</summary>
    public required string Citation { get; init; }

    /// <summary>Entry dates on which the rule applies.</summary>
    public required DateInterval Validity { get; init; }

    /// <summary>Origins the rule applies to.</summary>
    public OriginScope Origins { get; init; } = OriginScope.All;

    /// <summary>Family patterns of the layers that trigger the rule; empty for a rule that needs no trigger (US content).</summary>
    public IReadOnlyList<string> When { get; init; } = [];

    /// <summary>Family patterns of the layers the rule removes.</summary>
    public required IReadOnlyList<string> Removes { get; init; }

    /// <summary>How much of a removed layer goes.</summary>
    public StackingPart Part { get; init; } = StackingPart.Whole;

    /// <summary>For <see cref="StackingPart.UsContent"/>: the least share of US content that counts (0.20 in EO 14257).</summary>
    public decimal Threshold { get; init; }

    /// <summary>Whether a layer of <paramref name="family"/> triggers the rule.</summary>
    public bool TriggeredBy(string family) => When.Any(p => Matches(p, family));

    /// <summary>Whether the rule removes a layer of <paramref name="family"/>.</summary>
    public bool RemovesFamily(string family) => Removes.Any(p => Matches(p, family));

    /// <summary>Whether <paramref name="family"/> matches <paramref name="pattern"/> (a name, or a prefix ending in *).</summary>
    public static bool Matches(string pattern, string family) => pattern.EndsWith('*')
        ? family.StartsWith(pattern[..^1], StringComparison.Ordinal)
        : string.Equals(pattern, family, StringComparison.Ordinal);
}
