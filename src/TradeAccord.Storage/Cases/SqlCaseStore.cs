using System.Data.Common;
using TradeAccord.Core.Common;
using TradeAccord.Core.Enforcement;
using TradeAccord.Storage.Sql;

namespace TradeAccord.Storage.Cases;

/// <summary>
/// The case store, in one SQL on DuckDB or PostgreSQL: two tables, inserts only. The version check and the primary
/// key (case, sequence) together make a stale append fail instead of interleaving.
/// </summary>
public abstract class SqlCaseStore : ICaseStore
{
    private readonly SqlDialect _dialect;
    private readonly StoreOptions _options;

    private protected SqlCaseStore(SqlDialect dialect, DbConnection connection, StoreOptions options)
    {
        _dialect = dialect;
        _options = options;
        Connection = connection;
    }

    /// <inheritdoc />
    public string Description => _dialect.Description;

    /// <summary>The connection, for tests that tamper with stored rows.</summary>
    public DbConnection Connection { get; }

    /// <inheritdoc />
    public void Create(CaseHeader header, CaseEvent appeal)
    {
        ArgumentNullException.ThrowIfNull(header);
        try
        {
            using var transaction = _dialect.BeginWrite(Connection);
            Connection.Execute(transaction, "INSERT INTO cases VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                header.Id, header.Agreement, header.AgreementFile, header.Complainant.ToString(), header.Respondent.ToString(),
                header.Article, header.Summary, header.Confidential, header.Opened);
            Insert(transaction, header.Id, appeal);
            _options.BeforeCommit?.Invoke(header.Id);
            transaction.Commit();
        }
        catch (DbException e)
        {
            throw Failed(e, $"case {header.Id} exists already", $"case {header.Id} could not be created");
        }
    }

    /// <inheritdoc />
    public StoredCase? Load(string id) => Guard($"case {id} could not be read", () =>
    {
        var header = Headers("WHERE id = $1", id).FirstOrDefault();
        if (header is null)
        {
            return null;
        }

        using var command = Connection.Command(null,
            "SELECT seq, kind, event_date, by_party, from_stage, to_stage, note, data, previous_hash, hash FROM case_events WHERE case_id = $1 ORDER BY seq", id);
        using var reader = command.ExecuteReader();
        var events = new List<CaseEvent>();
        while (reader.Read())
        {
            events.Add(new CaseEvent(reader.GetInt64(0), reader.GetString(1), DateOnly.FromDateTime(reader.GetDateTime(2)),
                reader.IsDBNull(3) ? null : CountryCode.Parse(reader.GetString(3)).GetValueOrThrow(), reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetString(8), reader.GetString(9)));
        }

        return new StoredCase(header, events);
    });

    /// <inheritdoc />
    public IReadOnlyList<CaseHeader> List() => Guard("the cases could not be listed", () => Headers("ORDER BY opened, id"));

    /// <inheritdoc />
    public int CountOpened(string complainant, string respondent, int year) => Guard("the cases could not be counted", () =>
        (int)Connection.Int64(null, "SELECT count(*) FROM cases WHERE complainant = $1 AND respondent = $2 AND opened >= $3 AND opened <= $4",
            // The year's last day, inclusive: the next year's first day does not exist after 9999.
            complainant, respondent, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)));

    /// <inheritdoc />
    public void Append(string caseId, long expectedVersion, CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        try
        {
            using var transaction = _dialect.BeginWrite(Connection);
            var version = Connection.Int64(transaction, "SELECT count(*) FROM case_events WHERE case_id = $1", caseId);
            if (version != expectedVersion)
            {
                throw new CaseConflictException($"case {caseId} has {version} events, not the {expectedVersion} this change was based on: "
                                                + "another writer got there first; reload the case and try again");
            }

            Insert(transaction, caseId, e);
            _options.BeforeCommit?.Invoke(caseId);
            transaction.Commit();
        }
        catch (DbException ex)
        {
            throw Failed(ex, $"case {caseId} was changed by another writer while this event was written: reload the case and try again",
                $"an event could not be appended to case {caseId}");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Connection.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Opens the database <paramref name="dialect"/> names and creates the tables if needed.</summary>
    private protected static DbConnection Connect(SqlDialect dialect, StoreOptions options)
    {
        try
        {
            return dialect.Open(CaseSchema.Definition, options);
        }
        catch (DbException e)
        {
            throw dialect.Classify(e).ToException($"{dialect.Description}: cannot be used as {CaseSchema.Definition.Use}", e);
        }
    }

    /// <summary>As <see cref="Connect"/>, waiting without holding a thread.</summary>
    private protected static async Task<DbConnection> ConnectAsync(SqlDialect dialect, StoreOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await dialect.OpenAsync(CaseSchema.Definition, options, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException e)
        {
            throw dialect.Classify(e).ToException($"{dialect.Description}: cannot be used as {CaseSchema.Definition.Use}", e);
        }
    }

    // A clash on a key, or a transaction that lost to a concurrent one, means another writer won: the caller reloads.
    private Exception Failed(DbException e, string conflict, string failed)
    {
        var failure = _dialect.Classify(e);
        return failure.IsConflictOn(CaseSchema.CaseKey, CaseSchema.EventKey)
            ? new CaseConflictException(conflict, e)
            : failure.ToException($"{Description}: {failed}", e);
    }

    private T Guard<T>(string failed, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (DbException e)
        {
            throw _dialect.Classify(e).ToException($"{Description}: {failed}", e);
        }
    }

    private void Insert(DbTransaction transaction, string caseId, CaseEvent e) =>
        Connection.Execute(transaction, "INSERT INTO case_events VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            caseId, e.Sequence, e.Kind, e.At, e.By?.ToString(), e.FromStage, e.ToStage, e.Note, e.Data, e.PreviousHash, e.Hash);

    private List<CaseHeader> Headers(string where, params object?[] parameters)
    {
        using var command = Connection.Command(null,
            "SELECT id, agreement, agreement_file, complainant, respondent, article, summary, confidential, opened FROM cases " + where, parameters);
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
}
