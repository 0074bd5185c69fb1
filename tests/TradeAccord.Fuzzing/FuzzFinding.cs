namespace TradeAccord.Fuzzing;

/// <summary>An input that crashed a parser, or took longer than allowed, with what happened.</summary>
/// <param name="Parser">The target's name.</param>
/// <param name="Input">The input as fed.</param>
/// <param name="Failure">The exception (type, message, stack), or the time taken.</param>
public sealed record FuzzFinding(string Parser, byte[] Input, string Failure);
