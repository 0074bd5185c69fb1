namespace TradeAccord.Core.Agreements;

/// <summary>Where something was written in its file (1-based line and column), so every finding can point at it.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct Position(int Line, int Column)
{
    /// <summary>No known position.</summary>
    public static Position None => default;

    /// <inheritdoc/>
    public override string ToString() => $"{Line}:{Column}";
}
