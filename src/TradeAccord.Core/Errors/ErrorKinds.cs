namespace TradeAccord.Core.Errors;

/// <summary>The one table from an error kind to what each host answers.</summary>
public static class ErrorKinds
{
    /// <summary>The process exit code for <paramref name="kind"/>: 0 is success, 1 a bad question, 2 a malformed file, 3 a
    /// conflict, 4 a store or data that cannot be reached.</summary>
    public static int ExitCode(this ErrorKind kind) => kind switch
    {
        ErrorKind.BadInput => 1,
        ErrorKind.InvalidDocument => 2,
        ErrorKind.NotFound => 1,
        ErrorKind.Forbidden => 1,
        ErrorKind.OutOfRange => 1,
        ErrorKind.Conflict => 3,
        ErrorKind.Unavailable => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "an error kind without an exit code"),
    };

    /// <summary>The HTTP status for <paramref name="kind"/>.</summary>
    public static int HttpStatus(this ErrorKind kind) => kind switch
    {
        ErrorKind.BadInput => 400,
        ErrorKind.InvalidDocument => 400,
        ErrorKind.NotFound => 404,
        ErrorKind.Conflict => 409,
        ErrorKind.Forbidden => 403,
        ErrorKind.OutOfRange => 422,
        ErrorKind.Unavailable => 503,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "an error kind without an HTTP status"),
    };

    /// <summary>A short title for problem details and the CLI's prefix.</summary>
    public static string Title(this ErrorKind kind) => kind switch
    {
        ErrorKind.BadInput => "Bad input",
        ErrorKind.InvalidDocument => "Invalid document",
        ErrorKind.NotFound => "Not found",
        ErrorKind.Conflict => "Conflict",
        ErrorKind.Forbidden => "Forbidden",
        ErrorKind.OutOfRange => "Outside the data",
        ErrorKind.Unavailable => "Unavailable",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "an error kind without a title"),
    };
}
