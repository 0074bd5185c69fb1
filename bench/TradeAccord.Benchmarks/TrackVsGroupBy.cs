using System.Diagnostics;
using System.Globalization;
using TradeAccord.App.Tracking;
using TradeAccord.Core.Commitments;
using TradeAccord.Sources;
using TradeAccord.Storage;

namespace TradeAccord.Benchmarks;

/// <summary>
/// <c>track-vs-groupby [--scale 100] [--runs 5]</c>: times a full recompute of <c>accord track</c> (codes, Annex
/// mapping, monthly sums in DuckDB, targets, conditions) on the shipped US export series and on a synthetic store
/// <c>--scale</c> times larger, each against a plain DuckDB GROUP BY (month, code) over the same rows read into
/// memory, in the same process. Prints the median of the runs and the ratio.
/// </summary>
internal static class TrackVsGroupBy
{
    public static int Run(string[] args)
    {
        var scale = Option(args, "--scale", 100);
        var runs = Option(args, "--runs", 5);
        var loader = new ScheduleLoader(DataPaths.Locate());
        var agreement = Sources.Agreements.AgreementFiles.ReadValid(Path.Combine(loader.Paths.Agreements, "us-china-phase-one.yaml"), loader.AgreementContext);
        using var store = TradeStores.OpenInMemory();
        TradeData.EnsureBuiltIn(store, loader.Paths);
        var larger = $"us-exports-x{scale}";

        // The larger store: every shipped row repeated with values scaled by (1 + i/1000), i < scale, as its own series.
        Execute(store, $"""
            INSERT INTO monthly_flows SELECT '{larger}', vintage, month, code, value_usd * (1 + i / 1000.0), quantity, unit
            FROM monthly_flows, range({scale}) t(i) WHERE series = 'us-exports';
            INSERT INTO vintages SELECT '{larger}', vintage, kind, 'synthetic: us-exports x {scale}', row_count * {scale}, first_month, last_month, 99
            FROM vintages WHERE series = 'us-exports';
            INSERT INTO vintage_codes SELECT '{larger}', vintage, code FROM vintage_codes WHERE series = 'us-exports';
            """);

        foreach (var series in new[] { "us-exports", larger })
        {
            var rows = Convert.ToInt64(Scalar(store, $"SELECT count(*) FROM monthly_flows WHERE series = '{series}'"), CultureInfo.InvariantCulture);
            var request = new TrackRequest([series], null, new TrackOptions(2020), loader.Baseline);
            var track = Median(runs, () => TradeData.Track(store, agreement, loader.AgreementContext, request));
            var groupBy = Median(runs, () => GroupBy(store, series));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"track-vs-groupby series={series} rows={rows} track_s={track:F3} groupby_s={groupBy:F3} ratio={track / groupBy:F2}"));
        }

        return 0;
    }

    // The baseline: the sums a tracker needs at the least, as one query, every result row read.
    private static int GroupBy(SqlTradeStore store, string series)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = $"SELECT month, code, sum(value_usd) FROM monthly_flows WHERE series = '{series}' GROUP BY ALL";
        using var reader = command.ExecuteReader();
        var count = 0;
        while (reader.Read())
        {
            _ = reader.GetDecimal(2);
            count++;
        }

        return count;
    }

    private static double Median<T>(int runs, Func<T> work)
    {
        work();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            GC.KeepAlive(work());
            times.Add(clock.Elapsed.TotalSeconds);
        }

        times.Sort();
        return times[runs / 2];
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static void Execute(SqlTradeStore store, string sql)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqlTradeStore store, string sql)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
