using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using TradeAccord.Core.Agreements;
using TradeAccord.Core.Commitments;

namespace TradeAccord.Storage;

/// <summary>
/// The trade store on a PostgreSQL server (server mode): the same tables as the embedded store, rows loaded with
/// binary COPY inside one transaction with their vintage row, sums by month and code joined with the mapping
/// passed as arrays.
/// </summary>
public sealed class PostgresTradeStore : ITradeStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS vintages(series VARCHAR NOT NULL, vintage VARCHAR NOT NULL, kind VARCHAR NOT NULL, source VARCHAR NOT NULL,
            row_count BIGINT NOT NULL, first_month DATE NOT NULL, last_month DATE NOT NULL, sequence BIGINT NOT NULL, PRIMARY KEY (series, vintage));
        CREATE TABLE IF NOT EXISTS monthly_flows(series VARCHAR NOT NULL, vintage VARCHAR NOT NULL, month DATE NOT NULL, code VARCHAR NOT NULL,
            value_usd NUMERIC(18,2) NOT NULL, quantity DOUBLE PRECISION, unit VARCHAR);
        CREATE INDEX IF NOT EXISTS monthly_flows_vintage ON monthly_flows(series, vintage);
        CREATE TABLE IF NOT EXISTS vintage_codes(series VARCHAR NOT NULL, vintage VARCHAR NOT NULL, code VARCHAR NOT NULL);
        CREATE TABLE IF NOT EXISTS annual_flows(series VARCHAR NOT NULL, vintage VARCHAR NOT NULL, year INTEGER NOT NULL, category VARCHAR NOT NULL,
            value_usd NUMERIC(18,2) NOT NULL);
        """;

    private readonly NpgsqlConnection _connection;

    private PostgresTradeStore(NpgsqlConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    /// <inheritdoc />
    public string Path { get; }

    /// <summary>Connects and creates the tables if needed.</summary>
    /// <exception cref="StoreException">The server cannot be reached.</exception>
    public static PostgresTradeStore Open(string connectionString)
    {
        var (connection, description) = PostgresSchema.Open(connectionString, Schema, "a trade store");
        return new PostgresTradeStore(connection, description);
    }

    /// <inheritdoc />
    public IReadOnlyList<VintageInfo> Vintages(string? series = null)
    {
        using var command = new NpgsqlCommand($"SELECT {TradeRows.VintageColumns} FROM vintages"
                                              + (series is null ? "" : " WHERE series = $1") + " ORDER BY series, sequence", _connection);
        if (series is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = series });
        }

        using var reader = command.ExecuteReader();
        return TradeRows.Vintages(reader);
    }

    /// <inheritdoc />
    public VintageInfo? Latest(string series) => Vintages(series).LastOrDefault();

    /// <inheritdoc />
    public VintageInfo ImportMonthly(string series, string vintage, string source, IReadOnlyList<TradeFlow> flows)
    {
        ArgumentNullException.ThrowIfNull(flows);
        return Import(series, vintage, "monthly", source, flows.Count, flows.Count == 0 ? default : (flows.Min(f => f.Month), flows.Max(f => f.Month)), transaction =>
        {
            using (var copy = _connection.BeginBinaryImport("COPY monthly_flows (series, vintage, month, code, value_usd, quantity, unit) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var f in flows)
                {
                    copy.StartRow();
                    copy.Write(series, NpgsqlDbType.Varchar);
                    copy.Write(vintage, NpgsqlDbType.Varchar);
                    copy.Write(f.Month, NpgsqlDbType.Date);
                    copy.Write(f.Code, NpgsqlDbType.Varchar);
                    copy.Write(f.ValueUsd, NpgsqlDbType.Numeric);
                    if (f.Quantity is { } q)
                    {
                        copy.Write((double)q, NpgsqlDbType.Double);
                    }
                    else
                    {
                        copy.WriteNull();
                    }

                    if (f.Unit is { } u)
                    {
                        copy.Write(u, NpgsqlDbType.Varchar);
                    }
                    else
                    {
                        copy.WriteNull();
                    }
                }

                copy.Complete();
            }

            Execute(transaction, "INSERT INTO vintage_codes SELECT DISTINCT series, vintage, code FROM monthly_flows WHERE series = $1 AND vintage = $2", series, vintage);
        });
    }

    /// <inheritdoc />
    public VintageInfo ImportAnnual(string series, string vintage, string source, IReadOnlyList<AnnualFlow> flows)
    {
        ArgumentNullException.ThrowIfNull(flows);
        return Import(series, vintage, "annual", source, flows.Count,
            flows.Count == 0 ? default : (new DateOnly(flows.Min(f => f.Year), 1, 1), new DateOnly(flows.Max(f => f.Year), 1, 1)), transaction =>
            {
                foreach (var f in flows)
                {
                    Execute(transaction, "INSERT INTO annual_flows VALUES ($1, $2, $3, $4, $5)", series, vintage, f.Year, f.Category, f.ValueUsd);
                }
            });
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Codes(string series, string vintage)
    {
        using var command = Command("SELECT code FROM vintage_codes WHERE series = $1 AND vintage = $2 ORDER BY code", series, vintage);
        using var reader = command.ExecuteReader();
        return TradeRows.Codes(reader);
    }

    /// <inheritdoc />
    public IReadOnlyList<MonthlyTotal> MonthlyTotals(string series, string vintage, IReadOnlyDictionary<string, AnnexLine?> mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        using var command = Command("""
            WITH by_code AS (SELECT month, code, sum(value_usd) AS value_usd FROM monthly_flows WHERE series = $1 AND vintage = $2 GROUP BY month, code)
            SELECT f.month, m.category, m.subcategory, sum(f.value_usd)
            FROM by_code f LEFT JOIN unnest($3::text[], $4::text[], $5::text[]) AS m(code, category, subcategory) USING (code)
            GROUP BY f.month, m.category, m.subcategory ORDER BY 1, 2, 3
            """, series, vintage, mapping.Keys.ToArray(), mapping.Values.Select(l => l?.Category).ToArray(), mapping.Values.Select(l => l?.Subcategory).ToArray());
        using var reader = command.ExecuteReader();
        return TradeRows.Totals(reader);
    }

    /// <inheritdoc />
    public IReadOnlyList<AnnualFlow> Annual(string series, string vintage)
    {
        using var command = Command("SELECT year, category, value_usd FROM annual_flows WHERE series = $1 AND vintage = $2 ORDER BY year, category", series, vintage);
        using var reader = command.ExecuteReader();
        return TradeRows.Annual(reader);
    }

    /// <inheritdoc />
    public long RowCount()
    {
        using var command = Command("SELECT (SELECT count(*) FROM monthly_flows) + (SELECT count(*) FROM annual_flows) + (SELECT count(*) FROM vintages) + (SELECT count(*) FROM vintage_codes)");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();

    private VintageInfo Import(string series, string vintage, string kind, string source, int rows, (DateOnly First, DateOnly Last) span, Action<NpgsqlTransaction> load)
    {
        TradeRows.CheckNew(this, series, vintage, source, rows);

        using var transaction = _connection.BeginTransaction();
        try
        {
            load(transaction);
            long sequence;
            using (var next = Command("SELECT coalesce(max(sequence), 0) + 1 FROM vintages"))
            {
                next.Transaction = transaction;
                sequence = Convert.ToInt64(next.ExecuteScalar(), CultureInfo.InvariantCulture);
            }

            Execute(transaction, "INSERT INTO vintages VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", series, vintage, kind, source, (long)rows, span.First, span.Last, sequence);
            transaction.Commit();
            return new VintageInfo(series, vintage, kind, source, rows, span.First, span.Last, sequence);
        }
        catch (PostgresException e)
        {
            throw new StoreException($"{source}: could not be stored, nothing was changed: {e.MessageText}", e);
        }
    }

    private NpgsqlCommand Command(string sql, params object?[] parameters)
    {
        var command = new NpgsqlCommand(sql, _connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    private void Execute(NpgsqlTransaction transaction, string sql, params object?[] parameters)
    {
        using var command = Command(sql, parameters);
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }
}
