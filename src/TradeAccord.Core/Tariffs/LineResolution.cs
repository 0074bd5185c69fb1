namespace TradeAccord.Core.Tariffs;

/// <summary>What a declared code stands for under one nomenclature layer.</summary>
/// <param name="Line">The line priced; null when the code spans several lines (or is unknown).</param>
/// <param name="Candidates">Measures covering <paramref name="Line"/>, in reporting order (general rate first, then by heading).</param>
/// <param name="Warning">What the reader must know (a statistical suffix not in this revision), or null.</param>
/// <param name="Error">Why the code cannot be priced under this layer, or null.</param>
/// <param name="Span">When <paramref name="Line"/> is null: the code whose lines below are to be compared.</param>
internal readonly record struct LineResolution(
    ProductCode? Line, CandidateMeasure[] Candidates, string? Warning, string? Error, ProductCode? Span = null);
