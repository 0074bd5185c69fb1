namespace TradeAccord.Core.Errors;

/// <summary>
/// The base of every failure the program reports to a user: it carries its <see cref="ErrorKind"/>, so neither host
/// guesses a status from an exception's type or its words.
/// </summary>
public abstract class AccordException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected AccordException(ErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
    }

    /// <summary>What kind of failure this is.</summary>
    public ErrorKind Kind { get; }

    /// <summary>The request field or option at fault, when there is one.</summary>
    public virtual string? Field => null;

    /// <summary>Whether trying the same thing again later may succeed (a busy or unreachable store).</summary>
    public virtual bool IsTransient => false;
}
