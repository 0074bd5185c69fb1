namespace TradeAccord.Core.Errors;

/// <summary>
/// One or more fields of a request are wrong. Every problem is collected before this is thrown, so the user fixes
/// them all at once: the command line lists them and exits 1, the server answers an RFC 9457 validation problem.
/// </summary>
public sealed class ValidationException : AccordException
{
    /// <summary>Problems by field, each field with one or more messages.</summary>
    public ValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(ErrorKind.BadInput, string.Join(Environment.NewLine, errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))))
    {
        Errors = errors;
    }

    /// <summary>One problem with one field.</summary>
    public ValidationException(string field, string message)
        : this(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] })
    {
    }

    /// <summary>Problems by field.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <inheritdoc />
    public override string? Field => Errors.Count == 1 ? Errors.Keys.First() : null;
}
