using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using TradeAccord.Core.Errors;

namespace TradeAccord.Storage.Sql;

/// <summary>
/// A PostgreSQL server through the process's data source for its connection string: binary COPY for bulk loads,
/// serializable writes, and SQLSTATE codes and constraint names for failures.
/// </summary>
internal sealed class PostgresDialect : SqlDialect
{
    // Any fixed number: every TradeAccord process on the server takes the same lock for its table creation.
    private const long SchemaLockKey = 0x7472_6164_6561_6363; // "tradeacc"

    // The trade store's import lock, another fixed number: a session lock, so it is taken before a transaction
    // begins and its snapshot sees what the previous holder committed.
    private const long ImportLockKey = 0x7472_6164_6569_6d70; // "tradeimp"

    // The schemas this process has created or found on each server: later opens skip the locked creation, so
    // replicas' requests do not queue on the schema lock one after another.
    private static readonly ConcurrentDictionary<string, bool> Created = new(StringComparer.Ordinal);

    private readonly NpgsqlDataSource _source;
    private readonly string _connectionString;

    /// <summary>The server and database <paramref name="connectionString"/> names.</summary>
    /// <exception cref="StoreException">The connection string is malformed.</exception>
    public PostgresDialect(string connectionString)
    {
        _source = PostgresDataSources.For(connectionString);
        _connectionString = connectionString;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = $"postgresql://{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
    }

    /// <inheritdoc />
    public override string Description { get; }

    /// <inheritdoc />
    public override DbConnection Open(StoreSchema schema, StoreOptions options)
    {
        var connection = _source.OpenConnection();
        try
        {
            if (Created.ContainsKey(SchemaKey(schema)))
            {
                return connection;
            }

            using var transaction = connection.BeginTransaction();
            foreach (var statement in CreateStatements(schema))
            {
                connection.Execute(transaction, statement);
            }

            transaction.Commit();
            Created.TryAdd(SchemaKey(schema), true);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public override async Task<DbConnection> OpenAsync(StoreSchema schema, StoreOptions options, CancellationToken cancellationToken)
    {
        var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Created.ContainsKey(SchemaKey(schema)))
            {
                return connection;
            }

            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                foreach (var statement in CreateStatements(schema))
                {
                    await connection.ExecuteAsync(transaction, statement, cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }

            Created.TryAdd(SchemaKey(schema), true);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public override DbTransaction BeginWrite(DbConnection connection) => connection.BeginTransaction(IsolationLevel.Serializable);

    /// <inheritdoc />
    public override void BulkLoad(DbConnection connection, string table, Action<IBulkWriter> writeRows)
    {
        using var copy = ((NpgsqlConnection)connection).BeginBinaryImport($"COPY {table} FROM STDIN (FORMAT BINARY)");
        writeRows(new CopyWriter(copy));
        copy.Complete();
    }

    /// <inheritdoc />
    public override IDisposable LockImports(DbConnection connection)
    {
        connection.Execute(null, $"SELECT pg_advisory_lock({ImportLockKey})");
        return new HeldLock(() =>
        {
            try
            {
                connection.Execute(null, $"SELECT pg_advisory_unlock({ImportLockKey})");
            }
            catch (DbException)
            {
                // A broken connection took its session, and the lock with it; the failure that broke it is reported.
            }
        });
    }

    /// <inheritdoc />
    public override ProviderFailure Classify(DbException e) => e switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } p => new(ErrorKind.Conflict, p.IsTransient, p.MessageText, IsKeyClash: true, p.ConstraintName),
        PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected } p =>
            new(ErrorKind.Conflict, true, p.MessageText),

        // Class 22, data exception: a value that does not fit its column.
        PostgresException p when p.SqlState.StartsWith("22", StringComparison.Ordinal) => new(ErrorKind.BadInput, false, p.MessageText),
        PostgresException p => new(ErrorKind.Unavailable, p.IsTransient, p.MessageText),

        // No answer from the server: refused, broken or timed out connections (Npgsql marks these transient).
        NpgsqlException n => new(ErrorKind.Unavailable, n.IsTransient, n.Message),
        _ => new(ErrorKind.Unavailable, false, e.Message),
    };

    private string SchemaKey(StoreSchema schema) => $"{_connectionString}\n{schema.Use}";

    // Two sessions running CREATE TABLE IF NOT EXISTS at the same moment can both pass the check and one then fails
    // on the system catalog; a transaction-scoped advisory lock makes them take turns.
    private static IEnumerable<string> CreateStatements(StoreSchema schema) =>
        [$"SELECT pg_advisory_xact_lock({SchemaLockKey})", .. schema.Tables, .. schema.Indexes];

    private sealed class CopyWriter(NpgsqlBinaryImporter copy) : IBulkWriter
    {
        private bool _inRow;

        private NpgsqlBinaryImporter Row
        {
            get
            {
                if (!_inRow)
                {
                    copy.StartRow();
                    _inRow = true;
                }

                return copy;
            }
        }

        public IBulkWriter Text(string? value)
        {
            if (value is null)
            {
                Row.WriteNull();
            }
            else
            {
                Row.Write(value, NpgsqlDbType.Varchar);
            }

            return this;
        }

        public IBulkWriter Date(DateOnly value)
        {
            Row.Write(value, NpgsqlDbType.Date);
            return this;
        }

        public IBulkWriter Integer(int value)
        {
            Row.Write(value, NpgsqlDbType.Integer);
            return this;
        }

        public IBulkWriter Money(decimal value)
        {
            Row.Write(value, NpgsqlDbType.Numeric);
            return this;
        }

        public IBulkWriter Real(double? value)
        {
            if (value is { } v)
            {
                Row.Write(v, NpgsqlDbType.Double);
            }
            else
            {
                Row.WriteNull();
            }

            return this;
        }

        public void EndRow() => _inRow = false;
    }
}
