using System.Collections.Concurrent;
using DuckDB.NET.Data;

namespace TradeAccord.Storage;

/// <summary>
/// Opens DuckDB files for the trade and case stores. DuckDB lets one process write a file: a second process that
/// opens it meanwhile is refused a lock, so the open is retried for a while (a CLI command finishing, a server
/// request ending) before saying plainly that the file is busy. Within one process, two first requests creating the
/// tables at once would conflict in DuckDB's catalog, so table creation takes one lock per file.
/// </summary>
public static class DuckDbFiles
{
    /// <summary>How long an open waits for another process to release the file.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(15);

    private static readonly ConcurrentDictionary<string, Lock> SchemaLocks = new(StringComparer.Ordinal);

    /// <summary>
    /// Opens <paramref name="path"/> (":memory:" for none), creating its folder, and runs <paramref name="createTables"/>
    /// on the connection under the file's lock.
    /// </summary>
    /// <exception cref="StoreException">The file stays locked by another process, or is not a DuckDB database.</exception>
    public static DuckDBConnection Open(string path, Action<DuckDBConnection> createTables)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(createTables);
        if (path != ":memory:" && Path.GetDirectoryName(path) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var time = TimeProvider.System;
        var started = time.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            var connection = new DuckDBConnection($"DataSource={path}");
            try
            {
                connection.Open();
                lock (SchemaLocks.GetOrAdd(path == ":memory:" ? path : Path.GetFullPath(path), _ => new Lock()))
                {
                    createTables(connection);
                }

                return connection;
            }
            catch (DuckDBException e) when (IsLocked(e))
            {
                connection.Dispose();
                if (time.GetElapsedTime(started) >= LockWait)
                {
                    throw new StoreException($"{path}: in use by another process, which holds DuckDB's lock on it (waited {LockWait.TotalSeconds:0} s): "
                                             + "try again when it ends, or give every process one PostgreSQL server with --db", e);
                }

                Thread.Sleep(TimeSpan.FromMilliseconds(Math.Min(50 * attempt, 500)));
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
    }

    private static bool IsLocked(DuckDBException e) => e.Message.Contains("Could not set lock", StringComparison.OrdinalIgnoreCase)
                                                       || e.Message.Contains("Conflicting lock", StringComparison.OrdinalIgnoreCase);
}
