namespace TradeAccord.Sources.Tests.Documents;

/// <summary>
/// Runs a read that must not block, on another thread, and fails the test if it has not finished within a generous
/// bound. The bound is a correctness check (a read that blocks on a pipe never finishes), not a timing benchmark.
/// </summary>
internal static class Bounded
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    /// <summary>The result of <paramref name="read"/>; <paramref name="release"/> unblocks it should it hang.</summary>
    public static T Run<T>(Func<T> read, Action? release = null)
    {
        var task = Task.Run(read, TestContext.Current.CancellationToken);
        var finished = task.Wait(Bound, TestContext.Current.CancellationToken);
        if (!finished)
        {
            // Let the stuck thread go before failing, so the test run can end.
            release?.Invoke();
        }

        finished.ShouldBeTrue($"the read did not finish within {Bound.TotalSeconds:0} s: it blocked");
        return task.Result;
    }
}
