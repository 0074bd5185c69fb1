using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using TradeAccord.App.Tariffs.Batch;
using TradeAccord.Core.Common;
using TradeAccord.Sources;
using nietras.SeparatedValues;

namespace TradeAccord.Benchmarks;

/// <summary>
/// <c>duty-vs-duckdb --lines N</c>: writes N synthetic entries drawn from real HTS lines, totals their duty with the
/// engine's batch path (the one <c>accord duty --input</c> runs, output file included) and, separately, with DuckDB
/// SQL over the same file and the exported schedule writing the same per-row file; checks the totals (and each row's
/// duty) agree to the cent and prints the timings beside the I/O floor and the process's peak memory.
/// </summary>
internal static class DutyVsDuckDb
{
    public static int Run(string[] args)
    {
        var lines = BenchOptions.Int(args, "--lines", 1_000_000);
        var folder = Directory.CreateTempSubdirectory("accord-bench-");
        try
        {
            return args.Contains("--engine-only") ? EngineOnly(lines, folder.FullName) : Compare(lines, folder.FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // Only the engine pass, for a profiler: a sampling trace of the whole process then holds little but the
    // schedule's compilation, the draw and the pass itself, and the pass's frames are those under DutyBatch.Run.
    private static int EngineOnly(int lines, string folder)
    {
        var schedule = new ScheduleLoader(DataPaths.Locate()).Load();
        var entries = Path.Combine(folder, "entries.csv");
        WriteEntries(entries, new SampleEntries(schedule).Draw(lines, seed: 2019));
        var pauses = GC.GetTotalPauseDuration();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var summary = DutyBatch.Run(schedule, CountryCode.US, entries, Path.Combine(folder, "duties.csv"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"duty-vs-duckdb engine-only lines={lines} engine_s={clock.Elapsed.TotalSeconds:F2} engine_cpu_s={(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} errors={summary.Errors} total={summary.TotalDuty:F2} gc_pause_s={(GC.GetTotalPauseDuration() - pauses).TotalSeconds:F2} engine_peak_rss_mb={PeakMb()}"));
        return summary.Errors == 0 ? 0 : 1;
    }

    private static int Compare(int lines, string folder)
    {
        var schedule = new ScheduleLoader(DataPaths.Locate()).Load();
        var sample = new SampleEntries(schedule);
        var entries = Path.Combine(folder, "entries.csv");
        var scheduleCsv = Path.Combine(folder, "schedule.csv");
        WriteEntries(entries, sample.Draw(lines, seed: 2019));
        long scheduleRows;
        using (var writer = new StreamWriter(scheduleCsv))
        {
            scheduleRows = ScheduleExporter.Write(schedule, writer, importer: CountryCode.US);
        }

        Console.WriteLine($"{lines:N0} entries over {sample.LineCount:N0} real HTS lines, dated {sample.Period}, {new FileInfo(entries).Length / 1e6:N0} MB; schedule export {scheduleRows:N0} rows");
        Console.WriteLine($"stacking rules (from {sample.StackingFrom:yyyy-MM-dd}) and non-value levy bases are not in the SQL: entries on the {sample.TouchedLines:N0} lines they could reach are dated before they apply");

        var clock = Stopwatch.StartNew();
        var floorRows = IoFloor.Copy(entries, Path.Combine(folder, "floor.csv"));
        var floorSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"floor: {floorRows:N0} rows read and written without pricing in {floorSeconds:N2} s");

        clock.Restart();
        var parsed = IoFloor.Parse(entries);
        Console.WriteLine($"parse: {parsed:N0} rows read and parsed on one thread, nothing priced or written, in {clock.Elapsed.TotalSeconds:N2} s");

        var engineOut = Path.Combine(folder, "duties.csv");
        var pauses = GC.GetTotalPauseDuration();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        var summary = DutyBatch.Run(schedule, CountryCode.US, entries, engineOut);
        var engineSeconds = clock.Elapsed.TotalSeconds;
        var engineCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var enginePeakMb = PeakMb(); // before DuckDB runs in this process: the schedule, the draw, the floor and the engine
        Console.WriteLine($"engine: {summary.Rows:N0} rows, {summary.Errors:N0} errors, total {summary.TotalDuty:N2} USD in {engineSeconds:N2} s, {engineCpu:N2} CPU-seconds (GC pauses {(GC.GetTotalPauseDuration() - pauses).TotalSeconds:N2} s in the pass; collections since start {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)})");

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, $"CREATE TABLE s AS SELECT * FROM read_csv('{scheduleCsv}', header = true, columns = {ScheduleColumns})");
        var duckOut = Path.Combine(folder, "duckdb.csv");
        clock.Restart();
        Execute(connection, PerRowSql(entries, duckOut));
        var duckSeconds = clock.Elapsed.TotalSeconds;

        const string Types = "{'id': 'BIGINT', 'duty_usd': 'DECIMAL(18,2)'}";
        // Checked after both clocks: the total of DuckDB's own output file, and every row's duty against the engine's.
        var sqlTotal = (decimal)Scalar(connection, $"SELECT CAST(coalesce(sum(duty_usd), 0) AS DECIMAL(38, 2)) FROM read_csv('{duckOut}', header = true, types = {Types})");
        var rowsDiffering = Convert.ToInt64(Scalar(connection, $"""
            SELECT count(*) FROM read_csv('{duckOut}', header = true, types = {Types}) d
            FULL JOIN read_csv('{engineOut}', header = true, types = {Types}) g USING (id)
            WHERE d.duty_usd IS DISTINCT FROM g.duty_usd
            """), CultureInfo.InvariantCulture);
        Console.WriteLine($"duckdb: {lines:N0} rows written, total {sqlTotal:N2} USD in {duckSeconds:N2} s; rows whose duty differs from the engine's: {rowsDiffering:N0}");

        if (rowsDiffering > 0)
        {
            ShowDifferences(connection, duckOut, engineOut);
        }

        var match = summary.Errors == 0 && sqlTotal == summary.TotalDuty && rowsDiffering == 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"duty-vs-duckdb lines={lines} engine_s={engineSeconds:F2} duckdb_s={duckSeconds:F2} ratio={duckSeconds / engineSeconds:F2} totals_match={(match ? "true" : "false")} floor_s={floorSeconds:F2} engine_peak_rss_mb={enginePeakMb} peak_rss_mb={PeakMb()}"));
        return match ? 0 : 1;
    }

    internal static void WriteEntries(string path, IEnumerable<Core.Tariffs.Shipment> shipments)
    {
        using var writer = Sep.New(',').Writer().ToFile(path);
        var id = 0;
        foreach (var shipment in shipments)
        {
            using var row = writer.NewRow();
            row["id"].Format(++id);
            row["hts"].Set(shipment.Code.Value);
            row["origin"].Set(shipment.Origin.Value);
            row["entry_date"].Set(shipment.EntryDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            row["value_usd"].Set(shipment.Value!.Value.ToString(CultureInfo.InvariantCulture));
            row["quantity"].Set(shipment.Quantity?.ToString(CultureInfo.InvariantCulture) ?? "");
            row["unit"].Set(shipment.Unit ?? "");
        }
    }

    private const string ScheduleColumns =
        "{'importer': 'VARCHAR', 'hts': 'VARCHAR', 'origin': 'VARCHAR', 'measure_id': 'VARCHAR', 'kind': 'VARCHAR', " +
        "'heading': 'VARCHAR', 'status': 'VARCHAR', 'ad_valorem': 'DECIMAL(12,8)', 'specific': 'DECIMAL(12,6)', 'unit': 'VARCHAR', " +
        "'rate_text': 'VARCHAR', 'valid_from': 'DATE', 'valid_to': 'DATE', 'export_condition': 'VARCHAR', 'supersedes': 'VARCHAR', " +
        "'requires_claim': 'BOOLEAN'}";

    // The same rules as the engine, written as set-based SQL: a row applies when it lists the entry's line or an
    // ancestor (8, 6, 4 or 2 digits), covers the origin, is valid on the entry date and is in force without a condition or claim; a
    // measure another applying measure supersedes drops out;
    // per entry and measure the most specific rows win; each measure's amount is rounded to the cent. Every entry is
    // written back in order with the engine's output columns: the rates as fractions (MFN or column 2 as the base
    // rate, the rest additional), the duty, and the applied measures' headings. ieepa_usd, warnings and error stay
    // empty: the export does not name a measure's authority, and the drawn entries carry no warning or error.
    private static string PerRowSql(string entries, string output) => $"""
        COPY (
        WITH e AS (
            SELECT row_number() OVER () AS rid, id, hts, origin, entry_date, value_usd, quantity, unit
            FROM read_csv('{entries}', header = true, columns = {"{'id': 'BIGINT', 'hts': 'VARCHAR', 'origin': 'VARCHAR', 'entry_date': 'DATE', 'value_usd': 'DECIMAL(18,2)', 'quantity': 'DECIMAL(18,3)', 'unit': 'VARCHAR'}"})
        ),
        live AS (
            SELECT hts, measure_id, kind, heading, supersedes, origin, valid_from, valid_to, coalesce(ad_valorem, 0) AS ad_valorem, specific, unit
            FROM s
            WHERE status = 'in-force' AND export_condition IS NULL AND NOT requires_claim
        ),
        candidates AS (
            SELECT e.rid, e.origin, e.entry_date, e.value_usd, e.quantity, e.unit, l.hts AS listed, l.measure_id, l.kind, l.heading, l.supersedes,
                   l.origin AS scope, l.valid_from, l.valid_to, l.ad_valorem, l.specific, l.unit AS rate_unit
            FROM (SELECT *, unnest(list_distinct([hts, left(hts, 8), left(hts, 6), left(hts, 4), left(hts, 2)])) AS code FROM e) e
            JOIN live l ON l.hts = e.code
        ),
        applied AS (
            SELECT rid, measure_id, kind, heading, supersedes, ad_valorem, length(listed) AS specificity,
                   value_usd * ad_valorem + CASE WHEN rate_unit = unit THEN quantity * specific ELSE 0 END AS amount
            FROM candidates
            WHERE entry_date >= valid_from AND (valid_to IS NULL OR entry_date < valid_to)
              AND (scope = '*'
                   OR (scope LIKE '!%' AND NOT list_contains(string_split(substr(scope, 2), ';'), origin))
                   OR (scope NOT LIKE '!%' AND list_contains(string_split(scope, ';'), origin)))
            QUALIFY specificity = max(specificity) OVER (PARTITION BY rid, measure_id)
        ),
        per_measure AS (
            SELECT rid, measure_id, any_value(kind) AS kind, any_value(heading) AS heading, sum(ad_valorem) AS ad_valorem,
                   round(sum(amount), 2) AS amount
            FROM applied GROUP BY rid, measure_id
        ),
        superseded AS (
            SELECT DISTINCT rid, unnest(string_split(supersedes, ';')) AS measure_id FROM applied WHERE supersedes IS NOT NULL
        ),
        kept AS (
            SELECT * FROM per_measure ANTI JOIN superseded USING (rid, measure_id)
        ),
        per_row AS (
            SELECT rid,
                   coalesce(sum(ad_valorem) FILTER (WHERE kind IN ('mfn', 'column2')), 0) AS mfn_rate,
                   coalesce(sum(ad_valorem) FILTER (WHERE kind NOT IN ('mfn', 'column2')), 0) AS additional_rate,
                   sum(ad_valorem) AS total_rate,
                   CAST(sum(amount) AS DECIMAL(18, 2)) AS duty_usd,
                   string_agg(nullif(heading, ''), ' ' ORDER BY heading) AS headings
            FROM kept GROUP BY rid
        )
        SELECT e.id, e.hts, e.origin, e.entry_date, e.value_usd, e.quantity, e.unit,
               coalesce(p.mfn_rate, 0) AS mfn_rate, coalesce(p.additional_rate, 0) AS additional_rate,
               coalesce(p.total_rate, 0) AS total_rate, coalesce(p.duty_usd, 0) AS duty_usd,
               NULL AS ieepa_usd, p.headings, NULL AS warnings, NULL AS error
        FROM e LEFT JOIN per_row p USING (rid)
        ORDER BY e.rid
        ) TO '{output}' (HEADER, DELIMITER ',')
        """;

    // A few rows whose duty differs, for whoever has to find out which rule the SQL lacks.
    private static void ShowDifferences(DuckDBConnection connection, string duckOut, string engineOut)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT d.id, d.hts, d.origin, d.entry_date, d.duty_usd, g.duty_usd, d.headings, g.headings
            FROM read_csv('{duckOut}', header = true, all_varchar = true) d JOIN read_csv('{engineOut}', header = true, all_varchar = true) g USING (id)
            WHERE d.duty_usd::DECIMAL(18,2) IS DISTINCT FROM g.duty_usd::DECIMAL(18,2) LIMIT 8
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            Console.WriteLine($"  differs: id {reader[0]} {reader[1]} {reader[2]} {reader[3]}: duckdb {reader[4]} [{reader[6]}], engine {reader[5]} [{reader[7]}]");
        }
    }

    private static long PeakMb() => Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()!;
    }
}
