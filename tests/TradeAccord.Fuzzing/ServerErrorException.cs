namespace TradeAccord.Fuzzing;

/// <summary>A request the server answered with a 5xx: a crash behind the API.</summary>
public sealed class ServerErrorException(string message) : Exception(message);
