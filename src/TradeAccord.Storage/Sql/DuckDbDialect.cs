using System.Collections.Concurrent;
using System.Data.Common;
using DuckDB.NET.Data;
using DuckDBDateOnly = DuckDB.NET.Native.DuckDBDateOnly;
using DuckDBErrorType = DuckDB.NET.Native.DuckDBErrorType;
using TradeAccord.Core.Errors;

namespace TradeAccord.Storage.Sql;

/// <summary>The embedded DuckDB file (or memory): DuckDB's appender for bulk loads, its error types for failures.</summary>
/// <param name="path">The database file, or <see cref="DuckDbFiles.InMemory"/>.</param>
internal sealed class DuckDbDialect(string path) : SqlDialect
{
    // DuckDB lets one process at a time open a file, so a lock of this process is the file's import lock.
    private static readonly ConcurrentDictionary<string, Lock> ImportLocks = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override string Description => path;

    /// <inheritdoc />
    public override DbConnection Open(StoreSchema schema, StoreOptions options) =>
        DuckDbFiles.Open(path, connection => CreateTables(connection, schema), options.LockWait);

    /// <inheritdoc />
    public override async Task<DbConnection> OpenAsync(StoreSchema schema, StoreOptions options, CancellationToken cancellationToken) =>
        await DuckDbFiles.OpenAsync(path, connection => CreateTables(connection, schema), options.LockWait, cancellationToken).ConfigureAwait(false);

    // DuckDB's transactions are snapshot isolated with optimistic conflict detection: it takes no level.
    /// <inheritdoc />
    public override DbTransaction BeginWrite(DbConnection connection) => connection.BeginTransaction();

    /// <inheritdoc />
    public override void BulkLoad(DbConnection connection, string table, Action<IBulkWriter> writeRows)
    {
        using var appender = ((DuckDBConnection)connection).CreateAppender(table);
        writeRows(new AppenderWriter(appender));
    }

    /// <inheritdoc />
    public override IDisposable LockImports(DbConnection connection)
    {
        // Every in-memory connection is a database of its own: no one else can import into it.
        if (path == DuckDbFiles.InMemory)
        {
            return HeldLock.Nothing();
        }

        var gate = ImportLocks.GetOrAdd(Path.GetFullPath(path), _ => new Lock());
        gate.Enter();
        return new HeldLock(gate.Exit);
    }

    /// <inheritdoc />
    public override ProviderFailure Classify(DbException e) => (e as DuckDBException)?.ErrorType switch
    {
        // DuckDB names no constraint in its errors. The stores' only other constraints are NOT NULL on values they
        // always supply, so a constraint error is a key already taken.
        DuckDBErrorType.Constraint => new(ErrorKind.Conflict, false, e.Message, IsKeyClash: true),

        // A commit that lost to another connection of this process (a write-write conflict, or a key it took first).
        DuckDBErrorType.Transaction => new(ErrorKind.Conflict, true, e.Message),
        DuckDBErrorType.Conversion or DuckDBErrorType.OutOfRange or DuckDBErrorType.Decimal or DuckDBErrorType.InvalidInput
            or DuckDBErrorType.MismatchType => new(ErrorKind.BadInput, false, e.Message),
        DuckDBErrorType.Interrupt => new(ErrorKind.Unavailable, true, e.Message),
        _ => new(ErrorKind.Unavailable, false, e.Message),
    };

    // The lookup indexes are left out: DuckDB's zone maps skip the row groups of other vintages, and an index would
    // slow every bulk insert into the flows.
    private static void CreateTables(DbConnection connection, StoreSchema schema)
    {
        foreach (var statement in schema.Tables)
        {
            connection.Execute(null, statement);
        }
    }

    private sealed class AppenderWriter(DuckDBAppender appender) : IBulkWriter
    {
        private IDuckDBAppenderRow? _row;

        private IDuckDBAppenderRow Row => _row ??= appender.CreateRow();

        public IBulkWriter Text(string? value) => With(Row.AppendValue(value));

        public IBulkWriter Date(DateOnly value) => With(Row.AppendValue((DuckDBDateOnly)value));

        public IBulkWriter Integer(int value) => With(Row.AppendValue(value));

        public IBulkWriter Money(decimal value) => With(Row.AppendValue(value));

        public IBulkWriter Real(double? value) => With(Row.AppendValue(value));

        public void EndRow()
        {
            Row.EndRow();
            _row = null;
        }

        private AppenderWriter With(IDuckDBAppenderRow row)
        {
            _row = row;
            return this;
        }
    }
}
