namespace TradeAccord.Core.Errors;

/// <summary>A well-formed question the data cannot answer: a window after the data end, a date before they begin.</summary>
/// <param name="message">What is outside the data, and what the data cover.</param>
public sealed class OutsideDataException(string message) : AccordException(ErrorKind.OutOfRange, message);
