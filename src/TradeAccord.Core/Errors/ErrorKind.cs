namespace TradeAccord.Core.Errors;

/// <summary>
/// The kinds of failure every host knows. Each maps to one exit code and one HTTP status (<see cref="ErrorKinds"/>),
/// so a user sees the same verdict from the command line and from the API.
/// </summary>
public enum ErrorKind
{
    /// <summary>The caller's input is wrong: a field, a file, a document. Fixable by the caller.</summary>
    BadInput,

    /// <summary>A file or document is malformed: the message names the file, line and field.</summary>
    InvalidDocument,

    /// <summary>What was named does not exist (or is not visible to the caller).</summary>
    NotFound,

    /// <summary>Someone else changed the same thing first: reload and decide again.</summary>
    Conflict,

    /// <summary>The caller may not do this.</summary>
    Forbidden,

    /// <summary>The question is well formed but the data do not cover it (a date outside the tariff data).</summary>
    OutOfRange,

    /// <summary>The shipped data or the store are broken or unreachable: not the caller's fault.</summary>
    Unavailable,
}
