using TradeAccord.Core.Tariffs;

namespace TradeAccord.App.Tariffs.Batch;

/// <summary>One row of an entries file: the shipment it describes, or why it could not be read.</summary>
/// <param name="Line">1-based line number in the file.</param>
/// <param name="Shipment">The shipment, or null when the row is bad.</param>
/// <param name="Error">Why the row could not be read, or null.</param>
public readonly record struct EntryLine(int Line, Shipment? Shipment, string? Error);
