namespace TradeAccord.Core.Errors;

/// <summary>A named thing the request asks for does not exist: answered 404 with its name and nothing more.</summary>
/// <param name="what">What was asked for, e.g. "negotiation domain 'x'".</param>
public sealed class NotFoundException(string what) : AccordException(ErrorKind.NotFound, $"{what} was not found")
{
    /// <summary>What was asked for.</summary>
    public string What { get; } = what;
}
