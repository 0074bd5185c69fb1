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
/// SQL over the same file and the exported schedule; checks the totals agree to the cent and prints the timings.
/// </summary>
internal static class DutyVsDuckDb
{
    public static int Run(string[] args)
    {
        var lines = 1_000_000;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--lines")
            {
                lines = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
        }

        var folder = Directory.CreateTempSubdirectory("accord-bench-");
        try
        {
            return Compare(lines, folder.FullName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static int Compare(int lines, string folder)
    {
        var schedule = new ScheduleLoader(DataPaths.Locate()).Load();
        var sample = new SampleEntries(schedule);
        var entries = Path.Combine(folder, "entries.csv");
        var scheduleCsv = Path.Combine(folder, "schedule.csv");
        WriteEntries(entries, sample.Draw(lines, seed: 2019));
        using (var writer = new StreamWriter(scheduleCsv))
        {
            ScheduleExporter.Write(schedule, writer, importer: CountryCode.US);
        }

        Console.WriteLine($"{lines:N0} entries over {sample.LineCount:N0} real HTS lines, {new FileInfo(entries).Length / 1e6:N0} MB");

        var clock = Stopwatch.StartNew();
        var summary = DutyBatch.Run(schedule, CountryCode.US, entries, Path.Combine(folder, "duties.csv"));
        var engineSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"engine: {summary.Rows:N0} rows, {summary.Errors:N0} errors, total {summary.TotalDuty:N2} USD in {engineSeconds:N2} s (GC pauses {GC.GetTotalPauseDuration().TotalSeconds:N2} s, collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)})");

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, $"CREATE TABLE s AS SELECT * FROM read_csv('{scheduleCsv}', header = true, columns = {ScheduleColumns})");
        clock.Restart();
        var sqlTotal = (decimal)Scalar(connection, TotalDutySql(entries));
        var duckSeconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"duckdb: total {sqlTotal:N2} USD in {duckSeconds:N2} s");

        var match = summary.Errors == 0 && sqlTotal == summary.TotalDuty;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"duty-vs-duckdb lines={lines} engine_s={engineSeconds:F2} duckdb_s={duckSeconds:F2} ratio={duckSeconds / engineSeconds:F2} totals_match={(match ? "true" : "false")}"));
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

    // The same rules as the engine, written as set-based SQL: a row applies when it lists the entry's line or its
    // 8-digit parent, covers the origin, is valid on the entry date and is in force without a condition or claim;
    // per entry and measure the most specific rows win; each measure's amount is rounded to the cent.
    private static string TotalDutySql(string entries) => $"""
        WITH e AS (
            SELECT row_number() OVER () AS rid, hts, left(hts, 8) AS hts8, origin, entry_date, value_usd, quantity, unit
            FROM read_csv('{entries}', header = true, columns = {"{'id': 'BIGINT', 'hts': 'VARCHAR', 'origin': 'VARCHAR', 'entry_date': 'DATE', 'value_usd': 'DECIMAL(18,2)', 'quantity': 'DECIMAL(18,3)', 'unit': 'VARCHAR'}"})
        ),
        live AS (
            SELECT hts, measure_id, origin, valid_from, valid_to, coalesce(ad_valorem, 0) AS ad_valorem, specific, unit
            FROM s
            WHERE status = 'in-force' AND export_condition IS NULL AND NOT requires_claim
        ),
        candidates AS (
            SELECT e.*, l.hts AS listed, l.measure_id, l.origin AS scope, l.valid_from, l.valid_to, l.ad_valorem, l.specific, l.unit AS rate_unit
            FROM e JOIN live l ON l.hts = e.hts
            UNION ALL
            SELECT e.*, l.hts, l.measure_id, l.origin, l.valid_from, l.valid_to, l.ad_valorem, l.specific, l.unit
            FROM e JOIN live l ON l.hts = e.hts8 AND length(e.hts) > 8
        ),
        applied AS (
            SELECT rid, measure_id, length(listed) AS specificity,
                   value_usd * ad_valorem + CASE WHEN rate_unit = unit THEN quantity * specific ELSE 0 END AS amount
            FROM candidates
            WHERE entry_date >= valid_from AND (valid_to IS NULL OR entry_date < valid_to)
              AND (scope = '*'
                   OR (scope LIKE '!%' AND NOT list_contains(string_split(substr(scope, 2), ';'), origin))
                   OR (scope NOT LIKE '!%' AND list_contains(string_split(scope, ';'), origin)))
            QUALIFY specificity = max(specificity) OVER (PARTITION BY rid, measure_id)
        ),
        per_measure AS (
            SELECT rid, measure_id, round(sum(amount), 2) AS amount FROM applied GROUP BY rid, measure_id
        )
        SELECT CAST(coalesce(sum(amount), 0) AS DECIMAL(38, 2)) FROM per_measure
        """;

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
