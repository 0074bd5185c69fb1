using TradeAccord.Sources.References;
using TradeAccord.App.Cases;
using System.Diagnostics;
using TradeAccord.Core.Common;
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
        string id;
        using (var store = CaseStores.Open(File))
        {
            id = new CaseService(store, Shipped.Loader).Open(Shipped.Loader.Documents.Find(ReferenceKind.Agreement, "us-china-phase-one")!, CountryCode.US, CountryCode.CN, "6.2", "lock test",
                new DateOnly(2021, 1, 15), confidential: false).Header.Id;
        }

        using var writer = await PausingWriter.PausedIn(File, id, cancellation);

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
}
