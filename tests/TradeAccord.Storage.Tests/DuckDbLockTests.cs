using System.Diagnostics;
using TradeAccord.Core.Enforcement;
using TradeAccord.Core.Errors;
using TradeAccord.Storage.Cases;

namespace TradeAccord.Storage.Tests;

/// <summary>
/// A DuckDB file held by another process: DuckDB locks a file per process, so the holder is a real process, paused
/// inside an append's transaction and then killed.
/// </summary>
public sealed class DuckDbLockTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("accord-lock-").FullName;

    private string File => Path.Combine(_folder, "store.duckdb");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task An_open_waits_for_the_lock_without_a_thread_and_finds_nothing_of_the_killed_writers_append()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var (paused, id) = await PausingWriter.HoldingNewCase(File, cancellation);
        using var writer = paused;

        // A short wait ends in a transient failure naming the lock, on the sync and async paths, for both stores.
        var brief = new StoreOptions { LockWait = TimeSpan.FromMilliseconds(500) };
        foreach (var busy in new[]
                 {
                     Should.Throw<StoreException>(() => CaseStores.Open(File, brief)),
                     Should.Throw<StoreException>(() => TradeStores.Open(File, brief)),
                     await Should.ThrowAsync<StoreException>(() => TradeStores.OpenAsync(File, brief, cancellation)),
                 })
        {
            busy.Kind.ShouldBe(ErrorKind.Unavailable);
            busy.IsTransient.ShouldBeTrue();
            busy.Message.ShouldStartWith($"{File}: in use by another process, which holds DuckDB's lock on it (waited 0.5 s)");
        }

        // Cancelling ends the wait at once.
        using (var cancelled = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
        {
            cancelled.CancelAfter(TimeSpan.FromMilliseconds(300));
            var clock = Stopwatch.StartNew();
            await Should.ThrowAsync<OperationCanceledException>(() => CaseStores.OpenAsync(File, cancelled.Token));
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        }

        // The async open hands back its task while it waits (no thread is held), and completes once the holder is gone.
        var opening = CaseStores.OpenAsync(File, cancellation);
        await Task.Delay(1_000, cancellation);
        opening.IsCompleted.ShouldBeFalse("the open should be waiting for the other process's lock");
        await writer.Kill(cancellation);
        using var opened = await opening.WaitAsync(TimeSpan.FromSeconds(30), cancellation);

        var events = opened.Load(id)!.Events;
        events.Count.ShouldBe(1, "the append the writer was killed in never committed");
        CaseChain.FirstBreak(id, events).ShouldBeNull();
    }

    // As documented (docs/tour.md: "a second command waits for it (up to 15 s)"; StoreOptions.LockWait): not before
    // the wait is over, then with a transient failure that names the file, the lock and the wait.
    [Fact]
    public async Task An_open_with_the_default_options_gives_up_after_15_seconds_as_documented()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var writer = (await PausingWriter.HoldingNewCase(File, cancellation)).Writer;
        StoreOptions.Default.LockWait.ShouldBe(TimeSpan.FromSeconds(15));

        var clock = Stopwatch.StartNew();
        var busy = await Should.ThrowAsync<StoreException>(() => TradeStores.OpenAsync(File, cancellation));
        var waited = clock.Elapsed;

        waited.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(15), "the open gave up before its wait was over");
        (busy.Kind, busy.IsTransient).ShouldBe((ErrorKind.Unavailable, true));
        busy.Message.ShouldStartWith($"{File}: in use by another process, which holds DuckDB's lock on it (waited 15 s): try again when it ends, "
                                     + "or give every process one PostgreSQL server with --db");
        await writer.Kill(cancellation);
    }
}
