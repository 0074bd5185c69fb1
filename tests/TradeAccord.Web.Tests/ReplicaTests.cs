using TradeAccord.Benchmarks.Serving;

namespace TradeAccord.Web.Tests;

/// <summary>
/// Three accord-server processes (the built executable) on one PostgreSQL database, behind HAProxy running the
/// shipped deploy/haproxy.cfg, all on loopback: the set-up docs/deploy.md describes. Needs $ACCORD_TEST_PG and
/// HAProxy ($ACCORD_TEST_HAPROXY, set by scripts/haproxy.sh). The benchmark <c>replicas</c> runs the same trial larger.
/// </summary>
public sealed class ReplicaTests
{
    private static readonly ReplicaTrialOptions Small = new(Cases: 6, Clients: 6, Appends: 20, Staggered: false);

    [Fact]
    public async Task Appends_through_three_replicas_are_kept_once_each_when_one_replica_is_killed()
    {
        var postgres = Environment.GetEnvironmentVariable("ACCORD_TEST_PG")
                       ?? throw new InvalidOperationException("ACCORD_TEST_PG is not set: run ./scripts/test.sh, which starts PostgreSQL for the tests");

        // Given three replicas started at once on an empty database, cases opened concurrently through the balancer,
        // When clients append through it, then append again while replica 2 is killed a third of the way in, then
        // append once more after the balancer has taken replica 2 out,
        var report = await ReplicaTrial.Run(postgres, Small, TestContext.Current.CancellationToken);
        var detail = string.Join(Environment.NewLine, report.Lines());

        // Then every replica served appends, and none went unanswered while all were up;
        report.Cases.ShouldBe(Small.Cases, detail);
        string.Join(",", report.Steady.ServedBy.Keys.Order()).ShouldBe("replica1,replica2,replica3", detail);
        report.Steady.Acknowledged.Count.ShouldBe(Small.Clients * Small.Appends, detail);
        report.Steady.Refused.ShouldBe(0, detail);
        // the balancer took the killed replica out: only what was in flight on it (one request per client at most)
        // went unanswered, and every append after that was acknowledged by the two others;
        report.States["replica2"].ShouldStartWith("DOWN", customMessage: detail);
        report.States["replica1"].ShouldBe("UP", detail);
        report.States["replica3"].ShouldBe("UP", detail);
        report.Failover.Unanswered.Count.ShouldBeLessThanOrEqualTo(Small.Clients, detail);
        report.Failover.Refused.ShouldBe(0, detail);
        report.Afterwards.Acknowledged.Count.ShouldBe(Small.Clients * (Small.Appends / 4), detail);
        string.Join(",", report.Afterwards.ServedBy.Keys.Order()).ShouldBe("replica1,replica3", detail);
        // and the store, read back from both survivors, holds each acknowledged append exactly once, nothing else, in
        // intact chains that both answer alike, over trade data of one vintage.
        report.Audit.Acknowledged.ShouldBe(report.Steady.Acknowledged.Count + report.Failover.Acknowledged.Count + report.Afterwards.Acknowledged.Count, detail);
        report.Audit.Lost.ShouldBe(0, detail);
        report.Audit.Duplicated.ShouldBe(0, detail);
        report.Audit.Unknown.ShouldBe(0, detail);
        report.Audit.BrokenChains.ShouldBe(0, detail);
        report.Audit.Disagreements.ShouldBe(0, detail);
        report.SameVintage.ShouldBeTrue(detail);
    }
}
