using TradeAccord.Core.Errors;

namespace TradeAccord.Storage;

/// <summary>
/// The trade or case store refused or failed an operation; the message says which store and why. Every failure of
/// DuckDB or PostgreSQL leaves Storage as one of these (or a <see cref="Cases.CaseConflictException"/>), with its kind
/// and whether trying again may succeed, so no caller needs to know the provider.
/// </summary>
public sealed class StoreException : AccordException
{
    /// <summary>Creates the exception: by default a request the store's content cannot answer (bad input).</summary>
    public StoreException(string message, ErrorKind kind = ErrorKind.BadInput, Exception? inner = null, bool transient = false)
        : base(kind, message, inner)
    {
        IsTransient = transient;
    }

    /// <summary>Creates the exception for a provider failure.</summary>
    public StoreException(string message, Exception inner)
        : this(message, ErrorKind.Unavailable, inner)
    {
    }

    /// <inheritdoc />
    public override bool IsTransient { get; }
}
