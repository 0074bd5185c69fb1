namespace TradeAccord.Core.Errors;

/// <summary>A well-formed question the data cannot answer: a window after the data end, a date before they begin.</summary>
/// <param name="message">What is outside the data, and what the data cover.</param>
/// <param name="fieldName">The field that asked for it (e.g. the entry date), when one did.</param>
public sealed class OutsideDataException(string message, string? fieldName = null) : AccordException(ErrorKind.OutOfRange, message)
{
    /// <inheritdoc />
    public override string? Field => fieldName;
}
