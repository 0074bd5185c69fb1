using System.Data.Common;
using TradeAccord.Core.Common;
using TradeAccord.Core.Enforcement;

namespace TradeAccord.Storage.Cases;

/// <summary>
/// The case store on any SQL database that DuckDB and PostgreSQL both speak: two tables, inserts only. The
/// version check and the primary key (case, sequence) together make a stale append fail instead of interleaving.
/// </summary>
public abstract class SqlCaseStore : ICaseStore
{
    /// <summary>Set to a file path, the store pauses inside an append's transaction after writing that file:
    /// the crash test kills the process there. Not for use outside tests.</summary>
    public const string FaultPauseVariable = "ACCORD_FAULT_PAUSE_IN_APPEND";

    /// <summary>The tables, in SQL both databases accept.</summary>
    protected const string Schema = """
        CREATE TABLE IF NOT EXISTS cases(id VARCHAR PRIMARY KEY, agreement VARCHAR NOT NULL, agreement_file VARCHAR NOT NULL,
            complainant VARCHAR NOT NULL, respondent VARCHAR NOT NULL, article VARCHAR, summary VARCHAR NOT NULL,
            confidential BOOLEAN NOT NULL, opened DATE NOT NULL);
        CREATE TABLE IF NOT EXISTS case_events(case_id VARCHAR NOT NULL, seq BIGINT NOT NULL, kind VARCHAR NOT NULL, event_date DATE NOT NULL,
            by_party VARCHAR, from_stage VARCHAR NOT NULL, to_stage VARCHAR NOT NULL, note VARCHAR, data VARCHAR,
            previous_hash VARCHAR NOT NULL, hash VARCHAR NOT NULL, PRIMARY KEY (case_id, seq));
        """;

    /// <summary>Creates the store on an open connection whose tables exist (see <see cref="CreateTables"/>).</summary>
    protected SqlCaseStore(DbConnection connection, string description)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
        Description = description;
    }

    /// <summary>Creates the two tables on <paramref name="connection"/> if they do not exist.</summary>
    public static void CreateTables(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        foreach (var statement in Schema.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>The connection, for tests that tamper with stored rows.</summary>
    public DbConnection Connection { get; }

    /// <inheritdoc />
    public void Create(CaseHeader header, CaseEvent appeal)
    {
        ArgumentNullException.ThrowIfNull(header);
        using var transaction = Begin();
        try
        {
            Execute(transaction, "INSERT INTO cases VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                header.Id, header.Agreement, header.AgreementFile, header.Complainant.ToString(), header.Respondent.ToString(),
                header.Article, header.Summary, header.Confidential, header.Opened);
            Insert(transaction, header.Id, appeal);
            transaction.Commit();
        }
        catch (DbException e) when (IsConflict(e))
        {
            throw new CaseConflictException($"case {header.Id} exists already", e);
        }
    }

    /// <inheritdoc />
    public StoredCase? Load(string id)
    {
        var header = Headers("WHERE id = $1", id).FirstOrDefault();
        if (header is null)
        {
            return null;
        }

        using var command = Command(null, "SELECT seq, kind, event_date, by_party, from_stage, to_stage, note, data, previous_hash, hash FROM case_events WHERE case_id = $1 ORDER BY seq", id);
        using var reader = command.ExecuteReader();
        var events = new List<CaseEvent>();
        while (reader.Read())
        {
            events.Add(new CaseEvent(reader.GetInt64(0), reader.GetString(1), DateOnly.FromDateTime(reader.GetDateTime(2)),
                reader.IsDBNull(3) ? null : CountryCode.Parse(reader.GetString(3)).GetValueOrThrow(), reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetString(8), reader.GetString(9)));
        }

        return new StoredCase(header, events);
    }

    /// <inheritdoc />
    public IReadOnlyList<CaseHeader> List() => Headers("ORDER BY opened, id");

    /// <inheritdoc />
    public int CountOpened(string complainant, string respondent, int year)
    {
        using var command = Command(null, "SELECT count(*) FROM cases WHERE complainant = $1 AND respondent = $2 AND opened >= $3 AND opened < $4",
            complainant, respondent, new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public void Append(string caseId, long expectedVersion, CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var transaction = Begin();
        try
        {
            using (var count = Command(transaction, "SELECT count(*) FROM case_events WHERE case_id = $1", caseId))
            {
                var version = Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
                if (version != expectedVersion)
                {
                    throw new CaseConflictException($"case {caseId} has {version} events, not the {expectedVersion} this change was based on: another writer got there first; reload the case and try again");
                }
            }

            Insert(transaction, caseId, e);
            if (Environment.GetEnvironmentVariable(FaultPauseVariable) is { Length: > 0 } marker)
            {
                File.WriteAllText(marker, caseId);
                Thread.Sleep(TimeSpan.FromMinutes(1));
            }

            transaction.Commit();
        }
        catch (DbException ex) when (IsConflict(ex))
        {
            throw new CaseConflictException($"case {caseId} was changed by another writer while this event was written: reload the case and try again", ex);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Connection.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts a write transaction at the strictest isolation the database offers.</summary>
    protected abstract DbTransaction Begin();

    /// <summary>Whether a database error means another writer won (a key already taken, a serialisation failure).</summary>
    protected abstract bool IsConflict(DbException e);

    private void Insert(DbTransaction transaction, string caseId, CaseEvent e) =>
        Execute(transaction, "INSERT INTO case_events VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            caseId, e.Sequence, e.Kind, e.At, e.By?.ToString(), e.FromStage, e.ToStage, e.Note, e.Data, e.PreviousHash, e.Hash);

    private List<CaseHeader> Headers(string where, params object?[] parameters)
    {
        using var command = Command(null, "SELECT id, agreement, agreement_file, complainant, respondent, article, summary, confidential, opened FROM cases " + where, parameters);
        using var reader = command.ExecuteReader();
        var headers = new List<CaseHeader>();
        while (reader.Read())
        {
            headers.Add(new CaseHeader(reader.GetString(0), reader.GetString(1), reader.GetString(2), CountryCode.Parse(reader.GetString(3)).GetValueOrThrow(),
                CountryCode.Parse(reader.GetString(4)).GetValueOrThrow(), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6),
                reader.GetBoolean(7), DateOnly.FromDateTime(reader.GetDateTime(8))));
        }

        return headers;
    }

    private void Execute(DbTransaction? transaction, string sql, params object?[] parameters)
    {
        using var command = Command(transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private DbCommand Command(DbTransaction? transaction, string sql, params object?[] parameters)
    {
        var command = Connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var value in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
