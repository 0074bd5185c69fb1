using System.Diagnostics.CodeAnalysis;

namespace TradeAccord.Core.Common;

/// <summary>The outcome of an operation that can fail for expected reasons (bad input, unknown code): the value, or why not.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class Result<T>
{
    private readonly T? _value;

    private Result(T? value, string? error)
    {
        _value = value;
        Error = error;
    }

    /// <summary>Whether the operation succeeded.</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null;

    /// <summary>Why it failed, or null on success.</summary>
    public string? Error { get; }

    /// <summary>A successful result.</summary>
    public static Result<T> Ok(T value) => new(value, null);

    /// <summary>A failed result with its reason.</summary>
    public static Result<T> Fail(string error) => new(default, error);

    /// <summary>Gets the value when the operation succeeded.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value!;
        return Success;
    }

    /// <summary>The value, or a <see cref="FormatException"/> carrying the error.</summary>
    public T GetValueOrThrow() => Success ? _value! : throw new FormatException(Error);
}
