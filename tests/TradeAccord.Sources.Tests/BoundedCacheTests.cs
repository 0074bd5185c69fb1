namespace TradeAccord.Sources.Tests;

/// <summary>The cache that keeps users' documents by content: bounded, least recently used out, one making per key.</summary>
public class BoundedCacheTests
{
    [Fact]
    public void It_keeps_at_most_its_capacity_and_drops_the_least_recently_used()
    {
        var cache = new BoundedCache<string, int>(2);
        var made = 0;
        int Make() => ++made;

        cache.GetOrAdd("a", Make);
        cache.GetOrAdd("b", Make);
        cache.GetOrAdd("a", Make); // a is now the most recent
        cache.GetOrAdd("c", Make); // b goes

        cache.Count.ShouldBe(2);
        made.ShouldBe(3);
        cache.GetOrAdd("a", Make).ShouldBe(1);
        cache.GetOrAdd("b", Make).ShouldBe(4); // made again
    }

    [Fact]
    public async Task Callers_asking_at_once_share_one_making()
    {
        var cache = new BoundedCache<string, int>(4);
        var made = 0;
        using var gate = new ManualResetEventSlim();
        int Make()
        {
            Interlocked.Increment(ref made);
            gate.Wait(TimeSpan.FromSeconds(10));
            return 7;
        }

        var callers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => cache.GetOrAdd("k", Make))).ToList();
        await Task.Delay(200, TestContext.Current.CancellationToken);
        gate.Set();
        (await Task.WhenAll(callers)).ShouldAllBe(v => v == 7);
        made.ShouldBe(1);
    }

    [Fact]
    public void A_failed_making_is_not_kept()
    {
        var cache = new BoundedCache<string, int>(4);
        Should.Throw<InvalidOperationException>(() => cache.GetOrAdd("k", () => throw new InvalidOperationException("synthetic")));
        cache.Count.ShouldBe(0);
        cache.GetOrAdd("k", () => 3).ShouldBe(3);
    }
}
