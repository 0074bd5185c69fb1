namespace TradeAccord.Fuzzing;

/// <summary>
/// One reader of outside input under fuzzing: its name, the real files its inputs are mutated from, and how one input
/// is fed to it. <see cref="Run"/> returns when the input was accepted and throws when it was rejected; the runner
/// decides whether the exception is a rejection (the project's own error) or a crash.
/// </summary>
public sealed record FuzzTarget(string Name, InputFormat Format, IReadOnlyList<byte[]> Seeds, Action<byte[]> Run);
