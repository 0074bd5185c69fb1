using TradeAccord.Core.Errors;
using System.Globalization;
using DuckDB.NET.Data;
using TradeAccord.Core.Agreements;
using TradeAccord.Core.Commitments;

namespace TradeAccord.Storage;

/// <summary>One imported release of a series.</summary>
/// <param name="Series">Series id.</param>
/// <param name="Vintage">Vintage label.</param>
/// <param name="Kind">monthly or annual.</param>
/// <param name="Source">The file it was read from.</param>
/// <param name="Rows">Rows stored.</param>
/// <param name="First">First month (or January of the first year).</param>
/// <param name="Last">Last month (or January of the last year).</param>
/// <param name="Sequence">Import order; the highest is the latest.</param>
public sealed record VintageInfo(string Series, string Vintage, string Kind, string Source, long Rows, DateOnly First, DateOnly Last, long Sequence);

/// <summary>
/// The trade store: monthly and yearly trade by series and vintage in an embedded DuckDB file. Imports are atomic
/// (rows go to a staging table, then into the store in one transaction), vintages of a series sit side by side,
/// and sums are done by DuckDB next to the data.
/// </summary>
public sealed class TradeStore : ITradeStore
{
    private readonly DuckDBConnection _connection;

    private TradeStore(string path, DuckDBConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    /// <summary>The store's file, or ":memory:".</summary>
    public string Path { get; }

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/>.</summary>
    /// <exception cref="StoreException">The file cannot be opened as a store.</exception>
    public static TradeStore Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            return new TradeStore(path, DuckDbFiles.Open(path, connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    CREATE TABLE IF NOT EXISTS vintages(series VARCHAR NOT NULL, vintage VARCHAR NOT NULL, kind VARCHAR NOT NULL,
                        source VARCHAR NOT NULL, row_count BIGINT NOT NULL, first_month DATE NOT NULL, last_month DATE NOT NULL,
                        sequence BIGINT NOT NULL, PRIMARY KEY (series, vintage));
                    CREATE TABLE IF NOT EXISTS monthly_flows(series VARCHAR NOT NULL, vintage VARCHAR NOT NULL, month DATE NOT NULL,
                        code VARCHAR NOT NULL, value_usd DECIMAL(18,2) NOT NULL, quantity DOUBLE, unit VARCHAR);
                    CREATE TABLE IF NOT EXISTS vintage_codes(series VARCHAR NOT NULL, vintage VARCHAR NOT NULL, code VARCHAR NOT NULL);
                    CREATE TABLE IF NOT EXISTS annual_flows(series VARCHAR NOT NULL, vintage VARCHAR NOT NULL, year INTEGER NOT NULL,
                        category VARCHAR NOT NULL, value_usd DECIMAL(18,2) NOT NULL);
                    """;
                command.ExecuteNonQuery();
            }));
        }
        catch (DuckDBException e)
        {
            throw new StoreException($"{path}: cannot be opened as a trade store: {e.Message}", e);
        }
    }

    /// <summary>Every vintage, by series then import order.</summary>
    public IReadOnlyList<VintageInfo> Vintages(string? series = null)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {TradeRows.VintageColumns} FROM vintages"
                              + (series is null ? "" : " WHERE series = $1") + " ORDER BY series, sequence";
        if (series is not null)
        {
            command.Parameters.Add(new DuckDBParameter(series));
        }

        using var reader = command.ExecuteReader();
        return TradeRows.Vintages(reader);
    }

    /// <summary>The latest vintage of <paramref name="series"/>, or null when it has none.</summary>
    public VintageInfo? Latest(string series) => Vintages(series).LastOrDefault();

    /// <summary>Stores a monthly release; all or nothing.</summary>
    /// <exception cref="StoreException">The vintage exists already, or the write failed (nothing was stored).</exception>
    public VintageInfo ImportMonthly(string series, string vintage, string source, IReadOnlyList<TradeFlow> flows)
    {
        ArgumentNullException.ThrowIfNull(flows);
        return Import(series, vintage, "monthly", source, flows.Count,
            flows.Count == 0 ? default : (flows.Min(f => f.Month), flows.Max(f => f.Month)),
            "monthly_flows", "month, code, value_usd, quantity, unit",
            appender =>
            {
                foreach (var flow in flows)
                {
                    var row = appender.CreateRow().AppendValue(series).AppendValue(vintage).AppendValue(flow.Month).AppendValue(flow.Code).AppendValue(flow.ValueUsd);
                    (flow.Quantity is { } q ? row.AppendValue((double)q) : row.AppendNullValue())
                        .AppendValue(flow.Unit).EndRow();
                }
            });
    }

    /// <summary>Stores a yearly release; all or nothing.</summary>
    /// <exception cref="StoreException">The vintage exists already, or the write failed (nothing was stored).</exception>
    public VintageInfo ImportAnnual(string series, string vintage, string source, IReadOnlyList<AnnualFlow> flows)
    {
        ArgumentNullException.ThrowIfNull(flows);
        return Import(series, vintage, "annual", source, flows.Count,
            flows.Count == 0 ? default : (new DateOnly(flows.Min(f => f.Year), 1, 1), new DateOnly(flows.Max(f => f.Year), 1, 1)),
            "annual_flows", "year, category, value_usd",
            appender =>
            {
                foreach (var flow in flows)
                {
                    appender.CreateRow().AppendValue(series).AppendValue(vintage).AppendValue(flow.Year).AppendValue(flow.Category).AppendValue(flow.ValueUsd).EndRow();
                }
            });
    }

    /// <summary>The distinct product codes of a monthly vintage (kept at import, so no scan of the flows).</summary>
    public IReadOnlyList<string> Codes(string series, string vintage)
    {
        using var command = Command("SELECT code FROM vintage_codes WHERE series = $1 AND vintage = $2 ORDER BY code", series, vintage);
        using var reader = command.ExecuteReader();
        return TradeRows.Codes(reader);
    }

    /// <summary>
    /// Monthly sums of a vintage by the annex line each code maps to (<paramref name="mapping"/>: code → line, or
    /// null for uncovered codes). The flows are summed by month and code first, then joined with the mapping (a
    /// small table sent to DuckDB), so the join sees thousands of rows, not millions.
    /// </summary>
    public IReadOnlyList<MonthlyTotal> MonthlyTotals(string series, string vintage, IReadOnlyDictionary<string, AnnexLine?> mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        Execute("CREATE OR REPLACE TEMP TABLE code_map(code VARCHAR, category VARCHAR, subcategory VARCHAR)");
        using (var appender = _connection.CreateAppender("code_map"))
        {
            foreach (var (code, line) in mapping)
            {
                appender.CreateRow().AppendValue(code).AppendValue(line?.Category).AppendValue(line?.Subcategory).EndRow();
            }
        }

        using var command = Command("""
            WITH by_code AS (
                SELECT month, code, sum(value_usd) AS value_usd FROM monthly_flows
                WHERE series = $1 AND vintage = $2 GROUP BY ALL)
            SELECT f.month, m.category, m.subcategory, sum(f.value_usd)
            FROM by_code f LEFT JOIN code_map m USING (code)
            GROUP BY ALL ORDER BY 1, 2, 3
            """, series, vintage);
        using var reader = command.ExecuteReader();
        return TradeRows.Totals(reader);
    }

    /// <summary>The yearly figures of a vintage.</summary>
    public IReadOnlyList<AnnualFlow> Annual(string series, string vintage)
    {
        using var command = Command("SELECT year, category, value_usd FROM annual_flows WHERE series = $1 AND vintage = $2 ORDER BY year, category", series, vintage);
        using var reader = command.ExecuteReader();
        return TradeRows.Annual(reader);
    }

    /// <summary>Rows stored, over all series and vintages (for checks that nothing changed).</summary>
    public long RowCount() =>
        Convert.ToInt64(Scalar("SELECT (SELECT count(*) FROM monthly_flows) + (SELECT count(*) FROM annual_flows) + (SELECT count(*) FROM vintages) + (SELECT count(*) FROM vintage_codes)"), CultureInfo.InvariantCulture);

    /// <summary>The open connection, for benchmarks that compare with plain SQL over the same rows.</summary>
    public DuckDBConnection Connection => _connection;

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private VintageInfo Import(string series, string vintage, string kind, string source, int rows, (DateOnly First, DateOnly Last) span,
        string table, string columns, Action<DuckDBAppender> append)
    {
        TradeRows.CheckNew(this, series, vintage, source, rows);

        // Rows go to a staging table first; only the final INSERT touches the store, inside one transaction.
        Execute($"CREATE OR REPLACE TEMP TABLE staging AS SELECT * FROM {table} LIMIT 0");
        try
        {
            using (var appender = _connection.CreateAppender("staging"))
            {
                append(appender);
            }

            using var transaction = _connection.BeginTransaction();
            Execute($"INSERT INTO {table} SELECT * FROM staging");
            if (table == "monthly_flows")
            {
                Execute("INSERT INTO vintage_codes SELECT DISTINCT series, vintage, code FROM staging");
            }

            var sequence = Convert.ToInt64(Scalar("SELECT coalesce(max(sequence), 0) + 1 FROM vintages"), CultureInfo.InvariantCulture);
            using (var insert = Command("INSERT INTO vintages VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", series, vintage, kind, source, (long)rows, span.First, span.Last, sequence))
            {
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
            return new VintageInfo(series, vintage, kind, source, rows, span.First, span.Last, sequence);
        }
        catch (DuckDBException e)
        {
            throw new StoreException($"{source}: could not be stored, nothing was changed: {e.Message}", e);
        }
        finally
        {
            Execute("DROP TABLE IF EXISTS staging");
        }
    }

    private DuckDBCommand Command(string sql, params object[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new DuckDBParameter(parameter));
        }

        return command;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

/// <summary>The trade store refused or failed an operation; the message says which file and why.</summary>
public sealed class StoreException : AccordException
{
    /// <summary>Creates the exception: by default a request the store's content cannot answer (bad input).</summary>
    public StoreException(string message, ErrorKind kind = ErrorKind.BadInput, Exception? inner = null, bool transient = false)
        : base(kind, message, inner)
    {
        IsTransient = transient;
    }

    /// <summary>Creates the exception for a provider failure.</summary>
    public StoreException(string message, Exception inner)
        : this(message, ErrorKind.Unavailable, inner)
    {
    }

    /// <inheritdoc />
    public override bool IsTransient { get; }
}
