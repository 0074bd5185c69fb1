namespace TradeAccord.Storage.Tests;

/// <summary>A second writer started from inside the first one's transaction (through <see cref="StoreOptions.BeforeCommit"/>).</summary>
internal static class Race
{
    /// <summary>
    /// Runs <paramref name="racer"/> on another thread and gives it two seconds before the caller's transaction goes
    /// on to commit. On DuckDB it finishes (or fails) by then; on PostgreSQL it waits for the caller's row lock, so
    /// it can only finish after the commit. Await the task for its outcome.
    /// </summary>
    public static Task Inside(Action racer)
    {
        var task = Task.Run(racer);
        SpinWait.SpinUntil(() => task.IsCompleted, TimeSpan.FromSeconds(2));
        return task;
    }

    /// <summary>The exception <paramref name="task"/> ended with, or null when it succeeded.</summary>
    public static async Task<Exception?> Outcome(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (Exception e) when (e is StoreException or Storage.Cases.CaseConflictException)
        {
            return e;
        }
    }
}
