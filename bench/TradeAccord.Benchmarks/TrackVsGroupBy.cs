using System.Diagnostics;
using System.Globalization;
using TradeAccord.App.Tracking;
using TradeAccord.Core.Agreements;
using TradeAccord.Core.Commitments;
using TradeAccord.Core.Common;
using TradeAccord.Sources;
using TradeAccord.Storage;

namespace TradeAccord.Benchmarks;

/// <summary>
/// <c>track-vs-groupby [--scale 100] [--runs 5]</c>: times full recomputes of <c>accord track</c> on a store holding
/// every series the project ships (data/catalog.yaml), and on synthetic copies <c>--scale</c> times larger, each
/// against a plain DuckDB GROUP BY over the same rows, in the same process. The cases: phase one in 2020 (the HS6
/// series), phase one in 2021 (the HS6 series continued by the 2021 category releases) and the 2025 arrangement's
/// soybean pledges (the reported figures of 2025–2026). Prints the median of the runs and the ratio.
/// </summary>
internal static class TrackVsGroupBy
{
    private const string Exports = "us-exports";
    private const string Soybeans = "soybeans-reported";

    public static int Run(string[] args)
    {
        var scale = BenchOptions.Int(args, "--scale", 100);
        var runs = BenchOptions.Int(args, "--runs", 5);
        var loader = new ScheduleLoader(DataPaths.Locate());
        var phaseOne = Sources.Agreements.AgreementFiles.ReadValid(Path.Combine(loader.Paths.Agreements, "us-china-phase-one.yaml"), loader.AgreementContext);
        var arrangement = Sources.Agreements.AgreementFiles.ReadValid(Path.Combine(loader.Paths.Agreements, "us-china-2025-11.yaml"), loader.AgreementContext);
        using var store = TradeStores.OpenInMemory();
        TradeData.EnsureBuiltIn(store, loader.Paths);
        foreach (var series in store.Vintages().GroupBy(v => v.Series))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"track-vs-groupby shipped series={series.Key} kind={series.First().Kind} vintages={series.Count()} latest={series.Last().Vintage} rows={series.Last().Rows} from={series.Min(v => v.First):yyyy-MM} to={series.Max(v => v.Last):yyyy-MM}"));
        }

        var larger = $"{Exports}-x{scale}";
        ScaledCopies(store, scale, larger);

        foreach (var series in new[] { Exports, larger })
        {
            foreach (var year in new[] { 2020, 2021 })
            {
                Monthly(store, loader, phaseOne, series, year, runs);
            }
        }

        var shipped = store.Latest(Soybeans)!.Vintage;
        foreach (var vintage in new[] { shipped, $"{shipped}-x{scale}" })
        {
            Reported(store, arrangement, vintage, runs);
        }

        return 0;
    }

    // Copies --scale times larger, values scaled by (1 + i/1000), i < scale: the HS6 series and its category
    // continuation (every release), each as its own series so that the tracker continues the one with the other; the
    // reported figures as an older vintage of their own series, so the shipped one stays the latest.
    private static void ScaledCopies(SqlTradeStore store, int scale, string larger)
    {
        foreach (var (from, to, sequence) in new[] { (Exports, larger, 1_000), (TradeData.CategorySeriesOf(Exports), TradeData.CategorySeriesOf(larger), 2_000) })
        {
            Execute(store, $"""
                INSERT INTO monthly_flows SELECT '{to}', vintage, month, code, value_usd * (1 + i / 1000.0), quantity, unit
                FROM monthly_flows, range({scale}) t(i) WHERE series = '{from}';
                INSERT INTO vintages SELECT '{to}', vintage, kind, 'synthetic: {from} x {scale}', row_count * {scale}, first_month, last_month, {sequence} + sequence
                FROM vintages WHERE series = '{from}';
                INSERT INTO vintage_codes SELECT '{to}', vintage, code FROM vintage_codes WHERE series = '{from}';
                """);
        }

        Execute(store, $"""
            INSERT INTO reported_figures SELECT r.* REPLACE (r.vintage || '-x{scale}' AS vintage)
            FROM reported_figures r, range({scale}) t(i) WHERE r.series = '{Soybeans}';
            INSERT INTO vintages SELECT series, vintage || '-x{scale}', kind, 'synthetic: {Soybeans} x {scale}', row_count * {scale}, first_month, last_month, 0
            FROM vintages WHERE series = '{Soybeans}';
            """);
    }

    // accord track --year YEAR on the phase one agreement, against GROUP BY (month, code) over every series it reads.
    private static void Monthly(SqlTradeStore store, ScheduleLoader loader, Agreement agreement, string series, int year, int runs)
    {
        var vintage = store.Latest(series)!.Vintage;
        var continuation = TradeData.CategorySeriesOf(series);
        var next = store.Latest(continuation)!.Vintage;
        var request = new TrackRequest([series], null, new TrackOptions(year), loader.Baseline);
        var reports = TradeData.Track(store, agreement, loader.AgreementContext, request);
        var continued = reports[0].Continuation is { } c ? $"{c.Series}/{c.Vintage}" : "none";
        var (track, groupBy) = Paired(runs, () => TradeData.Track(store, agreement, loader.AgreementContext, request),
            () => GroupBy(store, series, vintage) + GroupBy(store, continuation, next));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"track-vs-groupby case=phase-one-{year} series={series} rows={Rows(store, "monthly_flows", series, vintage)} continuation={continuation}/{next} continuation_rows={Rows(store, "monthly_flows", continuation, next)} continued_in_window={continued} track_s={track:F3} groupby_s={groupBy:F3} ratio={track / groupBy:F2}"));
        Breakdown(store, loader, agreement, series, vintage, continuation, next, year, track, runs);
    }

    // Where a recompute's time goes, each step as TradeData.Track runs it, timed on its own (median of the runs).
    private static void Breakdown(SqlTradeStore store, ScheduleLoader loader, Agreement agreement, string series, string vintage, string continuation,
        string next, int year, double track, int runs)
    {
        var products = agreement.Purchases.Select(p => p.Products).OfType<string>().First();
        var mapper = new ProductMapper(loader.AgreementContext.Products(products)!);
        var start = new DateOnly(year, 1, 1);
        var conditions = Median(runs, () => ConditionEvaluator.Suspensions(agreement, loader.AgreementContext.Measures, loader.Baseline,
            agreement.EntryIntoForce is { } e && e < start ? e : start, start.AddYears(1).AddDays(-1), out _));
        var codes = Median(runs, () => store.Codes(series, vintage).ToDictionary(c => c, mapper.LineFor, StringComparer.Ordinal));
        var mapping = store.Codes(series, vintage).ToDictionary(c => c, mapper.LineFor, StringComparer.Ordinal);
        var totals = Median(runs, () => store.MonthlyTotals(series, vintage, mapping));
        var categories = store.Codes(continuation, next).ToDictionary(c => c, c => (AnnexLine?)new AnnexLine("", "", c, ""), StringComparer.Ordinal);
        var continued = Median(runs, () => store.MonthlyTotals(continuation, next, categories));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"track-vs-groupby breakdown case=phase-one-{year} series={series} conditions_s={conditions:F3} codes_and_mapping_s={codes:F3} monthly_totals_s={totals:F3} continuation_totals_s={continued:F3} rest_s={track - conditions - codes - totals - continued:F3}"));
    }

    // accord track --agreement us-china-2025-11 --year 2025: the soybean pledges against the reported figures.
    private static void Reported(SqlTradeStore store, Agreement agreement, string vintage, int runs)
    {
        var window = new DateInterval(new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1));
        var report = ReportedTracking.Track(store, agreement, window, vintage)
                     ?? throw new InvalidOperationException($"{agreement.Id} has no commitment measured by reported figures");
        var (track, groupBy) = Paired(runs, () => ReportedTracking.Track(store, agreement, window, vintage), () => GroupByReported(store, Soybeans, vintage));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"track-vs-groupby case=arrangement-2025 series={Soybeans} vintage={vintage} rows={Rows(store, "reported_figures", Soybeans, vintage)} targets={report.Commitments.Count} track_s={track:F4} groupby_s={groupBy:F4} ratio={track / groupBy:F2}"));
        var vintages = Median(runs, () => store.Vintages(Soybeans));
        var read = Median(runs, () => store.Reported(Soybeans, vintage));
        var figures = store.Reported(Soybeans, vintage);
        var compare = Median(runs, () => ReportedTracker.Track(agreement, Soybeans, vintage, figures, window));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"track-vs-groupby breakdown case=arrangement-2025 vintage={vintage} vintages_query_s={vintages:F4} read_figures_s={read:F4} tracker_s={compare:F4} rest_s={track - vintages - read - compare:F4}"));
    }

    // The baseline: the sums a tracker needs at the least, as one query, every result row read.
    private static int GroupBy(SqlTradeStore store, string series, string vintage) => ReadAll(store,
        $"SELECT month, code, sum(value_usd) FROM monthly_flows WHERE series = '{series}' AND vintage = '{vintage}' GROUP BY ALL",
        reader => reader.GetDecimal(2));

    // The reported figures' baseline: the figures grouped by what they state (statistic, kind of span, unit, span).
    private static int GroupByReported(SqlTradeStore store, string series, string vintage) => ReadAll(store, $"""
        SELECT statistic, cumulation, unit, span_start, span_end, count(*), max(as_of) FROM reported_figures
        WHERE series = '{series}' AND vintage = '{vintage}' GROUP BY ALL
        """, reader => reader.GetString(6));

    // Runs the query and reads one value of every result row; the number of rows.
    private static int ReadAll<T>(SqlTradeStore store, string sql, Func<System.Data.Common.DbDataReader, T> read)
    {
        using var command = store.Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var count = 0;
        while (reader.Read())
        {
            _ = read(reader);
            count++;
        }

        return count;
    }

    private static long Rows(SqlTradeStore store, string table, string series, string vintage) => Convert.ToInt64(
        Scalar(store, $"SELECT count(*) FROM {table} WHERE series = '{series}' AND vintage = '{vintage}'"), CultureInfo.InvariantCulture);

    // The two medians of runs taken in turn (after one warm-up of each), the first and the second swapping places on
    // every run, so that both meet the same moments of a machine shared with other work.
    private static (double First, double Second) Paired<T1, T2>(int runs, Func<T1> first, Func<T2> second)
    {
        first();
        second();
        var (a, b) = (new List<double>(), new List<double>());
        for (var i = 0; i < runs; i++)
        {
            if (i % 2 == 0)
            {
                a.Add(Time(first));
                b.Add(Time(second));
            }
            else
            {
                b.Add(Time(second));
                a.Add(Time(first));
            }
        }

        a.Sort();
        b.Sort();
        return (a[runs / 2], b[runs / 2]);
    }

    private static double Time<T>(Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        GC.KeepAlive(work());
        return clock.Elapsed.TotalSeconds;
    }

    private static double Median<T>(int runs, Func<T> work)
    {
        work();
        var times = Enumerable.Range(0, runs).Select(_ => Time(work)).Order().ToList();
        return times[runs / 2];
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
