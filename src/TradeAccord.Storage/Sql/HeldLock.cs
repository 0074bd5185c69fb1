namespace TradeAccord.Storage.Sql;

/// <summary>A lock taken by a dialect; disposing it releases the lock, once.</summary>
/// <param name="release">What releases the lock.</param>
internal sealed class HeldLock(Action release) : IDisposable
{
    private Action? _release = release;

    /// <summary>Nothing to hold: a database no other connection can reach.</summary>
    public static HeldLock Nothing() => new(static () => { });

    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
}
