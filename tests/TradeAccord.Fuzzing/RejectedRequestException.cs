using TradeAccord.Core.Errors;

namespace TradeAccord.Fuzzing;

/// <summary>A request the server refused with a 4xx answer: the API's form of a rejection.</summary>
public sealed class RejectedRequestException(string message) : AccordException(ErrorKind.BadInput, message);
