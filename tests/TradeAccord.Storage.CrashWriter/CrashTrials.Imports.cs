using System.Diagnostics;
using System.Globalization;
using TradeAccord.Sources.Trade;

namespace TradeAccord.Storage.CrashWriter;

/// <summary>
/// Kill -9 at random moments: a child process writes to a store (imports a trade file, or appends case events) and
/// is killed after a delay drawn from a seeded generator, spread over the length of a run measured first; then the
/// store is reopened and checked. The same trials run as tests (a short count) and as the <c>crash</c> benchmark.
/// </summary>
public static partial class CrashTrials
{
    private const string Series = "crash-trial";

    /// <summary>
    /// Imports <paramref name="file"/> (a monthly trade file) as a new vintage again and again, killing the import
    /// <paramref name="kills"/> times. After each kill every vintage of the series must hold exactly the file's rows,
    /// codes and sum, the new one must be either absent or whole, nothing stored before may be missing, and an import
    /// the child acknowledged must be there.
    /// </summary>
    public static async Task<CrashTally> Imports(CrashStore store, string file, int kills, int seed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var flows = TradeFlowReader.ReadMonthly(file, Path.GetFileName(file));
        var expected = new Release(flows.Count, flows.Sum(f => f.ValueUsd), flows.Select(f => f.Code).Distinct(StringComparer.Ordinal).Count());
        var tally = new CrashTally(store.Name, "import");
        var random = new Random(seed);

        // The first import runs to its end: the old vintage of the first trial, and the length the kills spread over
        // (shortened to any later run that ends before its kill: the first also creates the tables). A third of the
        // kills fall anywhere in the run, a third from well before the commit (the staging load, the moves into the
        // store) to the end, a third from the commit to the end.
        var clock = Stopwatch.StartNew();
        TimeSpan commit;
        using (var first = ChildRun.Start("import", store.ChildDb, Series, "crash-0", file))
        {
            await first.Completed(cancellationToken).ConfigureAwait(false);
            commit = await first.FirstLineAt("commit ").ConfigureAwait(false) ?? TimeSpan.Zero;
        }

        var length = clock.Elapsed;
        var stored = CheckVintages(store, expected, tally);
        for (var trial = 1; tally.Kills < kills; trial++)
        {
            var label = $"crash-{trial}";
            var from = (trial % 3) switch { 0 => TimeSpan.Zero, 1 => commit * 0.6, _ => commit };
            var delay = from + ((length - from) * random.NextDouble());
            clock.Restart();
            using var child = ChildRun.Start("import", store.ChildDb, Series, label, file);
            var killed = await child.KillAfter(delay, cancellationToken).ConfigureAwait(false);
            if (!killed)
            {
                await child.Completed(cancellationToken).ConfigureAwait(false);
                length = TimeSpan.FromTicks(Math.Min(length.Ticks, clock.Elapsed.Ticks));
                commit = TimeSpan.FromTicks(Math.Min(commit.Ticks, (await child.FirstLineAt("commit ").ConfigureAwait(false))?.Ticks ?? commit.Ticks));
            }

            await store.Settled(cancellationToken).ConfigureAwait(false);
            var lines = await child.Lines().ConfigureAwait(false);
            var acknowledged = lines.Contains($"imported {Series} {label} {expected.Rows}");
            var now = CheckVintages(store, expected, tally);
            Count(tally, killed, acknowledged ? 1 : 0, now.Contains(label), lines.Count > 0 && lines[^1] == $"commit {Series}/{label}");
            foreach (var missing in stored.Except(now))
            {
                tally.Problem(torn: false, $"{store.Name} import {label}: vintage {missing}, stored before, is gone");
            }

            if (acknowledged && !now.Contains(label))
            {
                tally.Problem(torn: false, $"{store.Name} import {label}: acknowledged, but not stored");
            }

            foreach (var stranger in now.Except(stored).Where(v => v != label))
            {
                tally.Problem(torn: true, $"{store.Name} import {label}: vintage {stranger} appeared, which no import wrote");
            }

            stored = now;
        }

        return tally;
    }

    private static void Count(CrashTally tally, bool killed, int acknowledged, bool inFlightStored, bool inCommit)
    {
        tally.Acknowledged += acknowledged;
        if (!killed)
        {
            tally.EndedFirst++;
            return;
        }

        tally.Kills++;
        tally.InCommit += inCommit ? 1 : 0;
        if (inFlightStored)
        {
            tally.New++;
        }
        else
        {
            tally.Old++;
        }
    }

    // Every vintage of the series must hold the whole release, and no rows may belong to a vintage the store does
    // not list (a partial import). Returns the labels listed.
    private static HashSet<string> CheckVintages(CrashStore store, Release expected, CrashTally tally)
    {
        using var trade = (SqlTradeStore)TradeStores.Open(store.Db);
        var listed = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var reader = Query.Rows(trade.Connection, "SELECT vintage, row_count FROM vintages WHERE series = $1", Series))
        {
            while (reader.Read())
            {
                listed.Add(reader.GetString(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
            }
        }

        var flows = new Dictionary<string, (long Rows, decimal Sum)>(StringComparer.Ordinal);
        using (var reader = Query.Rows(trade.Connection, "SELECT vintage, count(*), sum(value_usd) FROM monthly_flows WHERE series = $1 GROUP BY vintage", Series))
        {
            while (reader.Read())
            {
                flows.Add(reader.GetString(0), (Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture), Convert.ToDecimal(reader.GetValue(2), CultureInfo.InvariantCulture)));
            }
        }

        var codes = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var reader = Query.Rows(trade.Connection, "SELECT vintage, count(*) FROM vintage_codes WHERE series = $1 GROUP BY vintage", Series))
        {
            while (reader.Read())
            {
                codes.Add(reader.GetString(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
            }
        }

        foreach (var (vintage, rows) in listed)
        {
            var (stored, sum) = flows.GetValueOrDefault(vintage);
            if (rows != expected.Rows || stored != expected.Rows || sum != expected.Sum || codes.GetValueOrDefault(vintage) != expected.Codes)
            {
                tally.Problem(torn: true, $"{store.Name}: vintage {vintage} lists {rows} rows and holds {stored} rows summing to {sum} with "
                                          + $"{codes.GetValueOrDefault(vintage)} codes: expected {expected.Rows} rows summing to {expected.Sum} with {expected.Codes} codes");
            }
        }

        foreach (var orphan in flows.Keys.Concat(codes.Keys).Distinct(StringComparer.Ordinal).Where(v => !listed.ContainsKey(v)))
        {
            tally.Problem(torn: true, $"{store.Name}: rows of vintage {orphan} are stored, but the vintage is not: a partial import");
        }

        return [.. listed.Keys];
    }

    private readonly record struct Release(long Rows, decimal Sum, long Codes);
}
