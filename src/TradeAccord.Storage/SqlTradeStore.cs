using System.Data.Common;
using TradeAccord.Core.Agreements;
using TradeAccord.Core.Commitments;
using TradeAccord.Core.Errors;
using TradeAccord.Storage.Sql;

namespace TradeAccord.Storage;

/// <summary>
/// The trade store, in one SQL on DuckDB (an embedded file, by default) or PostgreSQL: monthly and yearly trade by
/// series and vintage. Imports are atomic (rows are bulk-loaded into a staging table, then moved into the store in one
/// transaction with their vintage row), vintages of a series sit side by side, and sums are done next to the data.
/// </summary>
public sealed class SqlTradeStore : ITradeStore
{
    // Temporary tables, private to the connection. No store table has these names, so dropping them is safe.
    private const string Staging = "import_staging";
    private const string CodeMap = "code_map";

    private readonly SqlDialect _dialect;
    private readonly StoreOptions _options;

    private SqlTradeStore(SqlDialect dialect, DbConnection connection, StoreOptions options)
    {
        _dialect = dialect;
        _options = options;
        Connection = connection;
    }

    /// <summary>The store's file (":memory:" for none), or postgresql://host:port/database.</summary>
    public string Path => _dialect.Description;

    /// <summary>The open connection, for benchmarks and tests that compare with plain SQL over the same rows.</summary>
    public DbConnection Connection { get; }

    /// <summary>Every vintage, by series then import order.</summary>
    public IReadOnlyList<VintageInfo> Vintages(string? series = null) => Guard("the vintages could not be read", () =>
    {
        using var command = series is null
            ? Connection.Command(null, $"SELECT {TradeRows.VintageColumns} FROM vintages ORDER BY series, sequence")
            : Connection.Command(null, $"SELECT {TradeRows.VintageColumns} FROM vintages WHERE series = $1 ORDER BY series, sequence", series);
        using var reader = command.ExecuteReader();
        return TradeRows.Vintages(reader);
    });

    /// <summary>The latest vintage of <paramref name="series"/>, or null when it has none.</summary>
    public VintageInfo? Latest(string series) => Vintages(series).LastOrDefault();

    /// <summary>Stores a monthly release; all or nothing.</summary>
    /// <exception cref="StoreException">The vintage exists already (a conflict), or the write failed: nothing was stored.</exception>
    public VintageInfo ImportMonthly(string series, string vintage, string source, IReadOnlyList<TradeFlow> flows)
    {
        ArgumentNullException.ThrowIfNull(flows);
        return Import(series, vintage, "monthly", source, flows.Count,
            flows.Count == 0 ? default : (flows.Min(f => f.Month), flows.Max(f => f.Month)), "monthly_flows",
            writer =>
            {
                foreach (var flow in flows)
                {
                    writer.Text(series).Text(vintage).Date(flow.Month).Text(flow.Code).Money(flow.ValueUsd)
                        .Real(flow.Quantity is { } q ? (double)q : null).Text(flow.Unit).EndRow();
                }
            });
    }

    /// <summary>Stores a yearly release; all or nothing.</summary>
    /// <exception cref="StoreException">The vintage exists already (a conflict), or the write failed: nothing was stored.</exception>
    public VintageInfo ImportAnnual(string series, string vintage, string source, IReadOnlyList<AnnualFlow> flows)
    {
        ArgumentNullException.ThrowIfNull(flows);
        return Import(series, vintage, "annual", source, flows.Count,
            flows.Count == 0 ? default : (new DateOnly(flows.Min(f => f.Year), 1, 1), new DateOnly(flows.Max(f => f.Year), 1, 1)), "annual_flows",
            writer =>
            {
                foreach (var flow in flows)
                {
                    writer.Text(series).Text(vintage).Integer(flow.Year).Text(flow.Category).Money(flow.ValueUsd).EndRow();
                }
            });
    }

    /// <summary>Stores a release of reported figures, each with the row it was read from; all or nothing.</summary>
    public VintageInfo ImportReported(string series, string vintage, string source, IReadOnlyList<ReportedFigure> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return Import(series, vintage, "reported", source, figures.Count,
            figures.Count == 0 ? default : (Month(figures.Min(f => f.AsOf)), Month(figures.Max(f => f.AsOf))), "reported_figures",
            writer =>
            {
                foreach (var f in figures)
                {
                    writer.Text(series).Text(vintage).Integer(f.Line);
                    foreach (var text in ReportedRows.Fields(f))
                    {
                        writer.Text(text);
                    }

                    writer.EndRow();
                }
            });
    }

    /// <summary>The reported figures of a vintage, in row order.</summary>
    public IReadOnlyList<ReportedFigure> Reported(string series, string vintage) => Guard("the reported figures could not be read", () =>
    {
        using var command = Connection.Command(null, $"SELECT line, {ReportedRows.Columns} FROM reported_figures WHERE series = $1 AND vintage = $2 ORDER BY line", series, vintage);
        using var reader = command.ExecuteReader();
        return ReportedRows.Read(reader);
    });

    private static DateOnly Month(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>The distinct product codes of a monthly vintage (kept at import, so no scan of the flows).</summary>
    public IReadOnlyList<string> Codes(string series, string vintage) => Guard("the codes could not be read", () =>
    {
        using var command = Connection.Command(null, "SELECT code FROM vintage_codes WHERE series = $1 AND vintage = $2 ORDER BY code", series, vintage);
        using var reader = command.ExecuteReader();
        return TradeRows.Codes(reader);
    });

    /// <summary>
    /// Monthly sums of a vintage by the annex line each code maps to (<paramref name="mapping"/>: code → line, or
    /// null for uncovered codes). The flows are summed by month and code first, then joined with the mapping (a
    /// small table loaded next to them), so the join sees thousands of rows, not millions.
    /// </summary>
    public IReadOnlyList<MonthlyTotal> MonthlyTotals(string series, string vintage, IReadOnlyDictionary<string, AnnexLine?> mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return Guard("the monthly totals could not be summed", () =>
        {
            Connection.Execute(null, $"DROP TABLE IF EXISTS {CodeMap}");
            Connection.Execute(null, $"CREATE TEMP TABLE {CodeMap}(code VARCHAR, category VARCHAR, subcategory VARCHAR)");
            try
            {
                _dialect.BulkLoad(Connection, CodeMap, writer =>
                {
                    foreach (var (code, line) in mapping)
                    {
                        writer.Text(code).Text(line?.Category).Text(line?.Subcategory).EndRow();
                    }
                });

                using var command = Connection.Command(null, $"""
                    WITH by_code AS (
                        SELECT month, code, sum(value_usd) AS value_usd FROM monthly_flows
                        WHERE series = $1 AND vintage = $2 GROUP BY month, code)
                    SELECT f.month, m.category, m.subcategory, sum(f.value_usd)
                    FROM by_code f LEFT JOIN {CodeMap} m ON m.code = f.code
                    GROUP BY f.month, m.category, m.subcategory ORDER BY 1, 2, 3
                    """, series, vintage);
                using var reader = command.ExecuteReader();
                return TradeRows.Totals(reader);
            }
            finally
            {
                DropQuietly(CodeMap);
            }
        });
    }

    /// <summary>The yearly figures of a vintage.</summary>
    public IReadOnlyList<AnnualFlow> Annual(string series, string vintage) => Guard("the yearly figures could not be read", () =>
    {
        using var command = Connection.Command(null,
            "SELECT year, category, value_usd FROM annual_flows WHERE series = $1 AND vintage = $2 ORDER BY year, category", series, vintage);
        using var reader = command.ExecuteReader();
        return TradeRows.Annual(reader);
    });

    /// <summary>Rows stored, over all series and vintages (for checks that nothing changed).</summary>
    public long RowCount() => Guard("the rows could not be counted", () => Connection.Int64(null,
        "SELECT (SELECT count(*) FROM monthly_flows) + (SELECT count(*) FROM annual_flows) + (SELECT count(*) FROM reported_figures) + (SELECT count(*) FROM vintages) + (SELECT count(*) FROM vintage_codes)"));

    /// <inheritdoc />
    public T Exclusively<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using (Guard("the import lock could not be taken", () => _dialect.LockImports(Connection)))
        {
            return work();
        }
    }

    /// <inheritdoc />
    public void Dispose() => Connection.Dispose();

    /// <summary>Opens the store <paramref name="dialect"/> names, creating its tables if needed.</summary>
    internal static SqlTradeStore Open(SqlDialect dialect, StoreOptions options)
    {
        try
        {
            return new SqlTradeStore(dialect, dialect.Open(TradeSchema.Definition, options), options);
        }
        catch (DbException e)
        {
            throw dialect.Classify(e).ToException($"{dialect.Description}: cannot be used as {TradeSchema.Definition.Use}", e);
        }
    }

    /// <summary>As <see cref="Open"/>, waiting without holding a thread.</summary>
    internal static async Task<SqlTradeStore> OpenAsync(SqlDialect dialect, StoreOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return new SqlTradeStore(dialect, await dialect.OpenAsync(TradeSchema.Definition, options, cancellationToken).ConfigureAwait(false), options);
        }
        catch (DbException e)
        {
            throw dialect.Classify(e).ToException($"{dialect.Description}: cannot be used as {TradeSchema.Definition.Use}", e);
        }
    }

    private VintageInfo Import(string series, string vintage, string kind, string source, int rows, (DateOnly First, DateOnly Last) span,
        string table, Action<IBulkWriter> writeRows)
    {
        TradeRows.CheckNew(this, series, vintage, source, rows);
        var failed = $"{source}: could not be stored, nothing was changed";
        try
        {
            // Rows go to a staging table first; only the moves into the store run inside the one transaction.
            Connection.Execute(null, $"DROP TABLE IF EXISTS {Staging}");
            Connection.Execute(null, $"CREATE TEMP TABLE {Staging} AS SELECT * FROM {table} LIMIT 0");
            _dialect.BulkLoad(Connection, Staging, writeRows);

            // Under the import lock, so two imports never read the same last sequence, and PostgreSQL's serializable
            // transaction (begun after the lock is held) never fails on another import's commit.
            using var held = _dialect.LockImports(Connection);
            using var transaction = _dialect.BeginWrite(Connection);
            Connection.Execute(transaction, $"INSERT INTO {table} SELECT * FROM {Staging}");
            if (table == "monthly_flows")
            {
                Connection.Execute(transaction, $"INSERT INTO vintage_codes SELECT DISTINCT series, vintage, code FROM {Staging}");
            }

            var sequence = Connection.Int64(transaction, "SELECT coalesce(max(sequence), 0) + 1 FROM vintages");
            Connection.Execute(transaction, $"INSERT INTO vintages ({TradeRows.VintageColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                series, vintage, kind, source, (long)rows, span.First, span.Last, sequence);
            _options.BeforeCommit?.Invoke($"{series}/{vintage}");
            transaction.Commit();
            return new VintageInfo(series, vintage, kind, source, rows, span.First, span.Last, sequence);
        }
        catch (DbException e)
        {
            // The check above cannot see an import of the same label running at the same moment: the key catches it.
            var failure = _dialect.Classify(e);
            throw failure.IsKeyClash && failure.IsConflictOn(TradeSchema.VintageKey) ? TradeRows.Taken(series, vintage, e) : failure.ToException(failed, e);
        }
        catch (OverflowException e)
        {
            // A value too large for its column. DuckDB's appender checks a decimal's digits itself and throws this
            // instead of a DuckDBException; PostgreSQL reports a data exception, classified as bad input too.
            throw new StoreException($"{failed}: {e.Message}", ErrorKind.BadInput, e);
        }
        finally
        {
            DropQuietly(Staging);
        }
    }

    private T Guard<T>(string failed, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (DbException e)
        {
            throw _dialect.Classify(e).ToException($"{Path}: {failed}", e);
        }
    }

    // The temporary table would go with the session anyway; a failure to drop it (a broken connection) must not
    // hide the failure that brought us here.
    private void DropQuietly(string table)
    {
        try
        {
            Connection.Execute(null, $"DROP TABLE IF EXISTS {table}");
        }
        catch (DbException)
        {
        }
    }
}
