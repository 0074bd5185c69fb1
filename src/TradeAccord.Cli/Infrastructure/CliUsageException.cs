using TradeAccord.Core.Errors;

namespace TradeAccord.Cli.Infrastructure;

/// <summary>A request the command cannot answer as given (a missing option, options that exclude each other).</summary>
public sealed class CliUsageException(string message) : AccordException(ErrorKind.BadInput, message);
