namespace TradeAccord.Sources;

/// <summary>
/// Collects the problems of one document while a reader keeps going, so the user sees all of them at once. Each
/// part that can be read on its own (an entry, a field) runs through <see cref="Get{T}"/> or <see cref="Check"/>:
/// a <see cref="SourceException"/> it throws is recorded, and the reader moves on to the next part.
/// </summary>
internal sealed class SourceProblems
{
    private readonly List<SourceProblem> _found = [];

    /// <summary>How many problems were recorded so far (compare before and after a part to learn whether it failed).</summary>
    public int Count => _found.Count;

    /// <summary>Records the problems of <paramref name="error"/>, found without throwing it.</summary>
    public void Add(SourceException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        _found.AddRange(error.Problems);
    }

    /// <summary>Runs <paramref name="check"/>; records its problems. Returns whether it passed.</summary>
    public bool Check(Action check)
    {
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            check();
            return true;
        }
        catch (SourceException e)
        {
            Add(e);
            return false;
        }
    }

    /// <summary>The value <paramref name="read"/> returns, or default when it fails (its problems are recorded).</summary>
    /// <remarks>A default stands in only until <see cref="ThrowIfAny"/>: it never reaches a result.</remarks>
    public T? Get<T>(Func<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var value = default(T);
        return Check(() => value = read()) ? value : default;
    }

    /// <summary>Throws one <see cref="SourceException"/> listing every problem recorded, in file order.</summary>
    public void ThrowIfAny()
    {
        if (_found.Count > 0)
        {
            // Stable by line, so problems on one line keep the order they were found in; a problem read twice
            // (a key looked up by two checks) is reported once.
            throw new SourceException([.. _found.Distinct().OrderBy(p => p.Line)]);
        }
    }
}
