namespace TradeAccord.Storage;

/// <summary>One imported release of a series.</summary>
/// <param name="Series">Series id.</param>
/// <param name="Vintage">Vintage label.</param>
/// <param name="Kind">monthly or annual.</param>
/// <param name="Source">The file it was read from.</param>
/// <param name="Rows">Rows stored.</param>
/// <param name="First">First month (or January of the first year).</param>
/// <param name="Last">Last month (or January of the last year).</param>
/// <param name="Sequence">Import order; the highest is the latest.</param>
public sealed record VintageInfo(string Series, string Vintage, string Kind, string Source, long Rows, DateOnly First, DateOnly Last, long Sequence);
