using System.Diagnostics;
using System.Globalization;
using TradeAccord.App.Cases;
using TradeAccord.Core.Common;
using TradeAccord.Core.Enforcement;
using TradeAccord.Sources;
using TradeAccord.Sources.References;
using TradeAccord.Storage.Cases;

namespace TradeAccord.Storage.CrashWriter;

public static partial class CrashTrials
{
    // A first run appends this many events to its end: the length over which the kills are spread (its start-up,
    // when a DuckDB file's log of the last killed run is replayed, included).
    private const int CalibrationEvents = 100;

    /// <summary>
    /// Appends events to one case, killing the appender <paramref name="kills"/> times. After each kill the case's hash
    /// chain must verify, every event acknowledged (in this run or before) must be stored as acknowledged, and at most
    /// the one event under way at the kill may be stored without an acknowledgement.
    /// </summary>
    public static async Task<CrashTally> Appends(CrashStore store, ScheduleLoader loader, int kills, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(loader);
        string id;
        using (var cases = CaseStores.Open(store.Db))
        {
            id = new CaseService(cases, loader).Open(loader.Documents.Find(ReferenceKind.Agreement, "us-china-phase-one")!, CountryCode.US, CountryCode.CN,
                "6.2", "crash trial", new DateOnly(2021, 1, 15), confidential: false).Header.Id;
        }

        var tally = new CrashTally(store.Name, "append");
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        using (var first = ChildRun.Start("append", store.ChildDb, id, CalibrationEvents.ToString(CultureInfo.InvariantCulture)))
        {
            await first.Completed(cancellationToken).ConfigureAwait(false);
        }

        var length = clock.Elapsed;
        var stored = Load(store, id, tally, "after the first run").Events;
        while (tally.Kills < kills)
        {
            using var child = ChildRun.Start("append", store.ChildDb, id);
            var killed = await child.KillAfter(length * random.NextDouble(), cancellationToken).ConfigureAwait(false);
            if (!killed)
            {
                // The child appends until it is killed: ending by itself is a failure, which this reports.
                await child.Completed(cancellationToken).ConfigureAwait(false);
                throw new InvalidOperationException($"{store.Name}: the appender ended by itself without being killed");
            }

            await store.Settled(cancellationToken).ConfigureAwait(false);
            var lines = await child.Lines().ConfigureAwait(false);
            var acks = Acknowledgements(lines);
            var (now, verified) = Load(store, id, tally, $"after kill {tally.Kills + 1}");
            tally.ChainsVerified += verified ? 1 : 0;
            var trial = $"{store.Name} append, kill {tally.Kills + 1}";
            for (var i = 0; i < stored.Count; i++)
            {
                if (i >= now.Count || now[i].Hash != stored[i].Hash)
                {
                    tally.Problem(torn: false, $"{trial}: event {i + 1}, stored before this run, is gone or changed");
                }
            }

            foreach (var (sequence, hash) in acks)
            {
                if (sequence > now.Count || now[(int)sequence - 1].Hash != hash)
                {
                    tally.Problem(torn: false, $"{trial}: event {sequence} was acknowledged with hash {hash} but is not stored so");
                }
            }

            // The event under way at the kill may have committed without its acknowledgement reaching the trial.
            var unacknowledged = now.Count - stored.Count - acks.Count;
            if (unacknowledged > 1)
            {
                tally.Problem(torn: true, $"{trial}: {unacknowledged} events stored without an acknowledgement, where at most the one under way may be");
            }

            Count(tally, killed, acks.Count, unacknowledged == 1, lines.Count > 0 && lines[^1] == $"commit {id}");
            stored = now;
        }

        return tally;
    }

    // The case's events, with the chain verified: a break (an event half-written or changed) is counted as torn.
    private static (IReadOnlyList<CaseEvent> Events, bool Verified) Load(CrashStore store, string id, CrashTally tally, string when)
    {
        using var cases = CaseStores.Open(store.Db);
        var events = cases.Load(id)?.Events ?? throw new InvalidOperationException($"{store.Name}: case {id} is gone {when}");
        if (CaseChain.FirstBreak(id, events) is not { } broken)
        {
            return (events, true);
        }

        tally.Problem(torn: true, $"{store.Name} append, {when}: the chain breaks at event {broken.Event.Sequence}: {broken.Problem}");
        return (events, false);
    }

    private static List<(long Sequence, string Hash)> Acknowledgements(IReadOnlyList<string> lines) =>
    [
        .. lines.Select(line => line.Split(' ')).Where(parts => parts is ["ack", _, _])
            .Select(parts => (long.Parse(parts[1], CultureInfo.InvariantCulture), parts[2])),
    ];
}
