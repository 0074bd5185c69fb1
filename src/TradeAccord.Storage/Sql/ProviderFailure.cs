using TradeAccord.Core.Errors;

namespace TradeAccord.Storage.Sql;

/// <summary>What a DuckDB or PostgreSQL error means to the stores.</summary>
/// <param name="Kind">The kind of failure reported.</param>
/// <param name="IsTransient">Whether trying again later may succeed.</param>
/// <param name="Detail">The provider's own description.</param>
/// <param name="IsKeyClash">Whether a primary key was already taken.</param>
/// <param name="Constraint">The key's constraint name; null when the provider names none (DuckDB).</param>
internal readonly record struct ProviderFailure(ErrorKind Kind, bool IsTransient, string Detail, bool IsKeyClash = false, string? Constraint = null)
{
    /// <summary>
    /// Whether another writer got there first on one of <paramref name="keys"/>: a clash on one of them (or on an
    /// unnamed key), or a transaction that lost to a concurrent one (a serialisation failure).
    /// </summary>
    public bool IsConflictOn(params string[] keys) =>
        Kind == ErrorKind.Conflict && (!IsKeyClash || Constraint is null || keys.Contains(Constraint, StringComparer.Ordinal));

    /// <summary>The exception reported: <paramref name="context"/>, then the provider's description.</summary>
    public StoreException ToException(string context, Exception inner) => new($"{context}: {Detail}", Kind, inner, IsTransient);
}
