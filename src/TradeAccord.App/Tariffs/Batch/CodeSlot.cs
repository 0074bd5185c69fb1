using TradeAccord.Core.Tariffs;

namespace TradeAccord.App.Tariffs.Batch;

/// <summary>
/// An entries file's cached parse of one code's text, with room for the code's resolution in the schedule a batch
/// prices against: set by the first row that needs it, read by every later row of the same code, on any thread.
/// </summary>
internal sealed class CodeSlot(ProductCode code)
{
    public ProductCode Code { get; } = code;

    // Written and read without a lock: a reference is written whole, and two threads that both resolve the code
    // store equal resolutions.
    public ResolvedCode? Resolved { get; set; }
}
