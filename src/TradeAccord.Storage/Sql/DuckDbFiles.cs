using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Text;
using DuckDB.NET.Data;
using TradeAccord.Core.Errors;

namespace TradeAccord.Storage.Sql;

/// <summary>
/// Every DuckDB connection of the stores is opened here. DuckDB lets one process write a file: a second process
/// that opens it meanwhile is refused a lock, so the open is retried for a while (a CLI command finishing, a server
/// request ending) before saying plainly that the file is busy. The CLI waits on its thread; a server awaits
/// <see cref="OpenAsync"/>, which holds no thread while it waits. Within one process, two first requests creating
/// the tables at once would conflict in DuckDB's catalog, so table creation takes one lock per file.
/// </summary>
internal static class DuckDbFiles
{
    /// <summary>The data source for a store that lives in memory and ends with its connection.</summary>
    public const string InMemory = ":memory:";

    // Every DuckDB database file starts with an 8-byte checksum followed by this magic.
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("DUCK");

    private static readonly ConcurrentDictionary<string, Lock> SchemaLocks = new(StringComparer.Ordinal);

    /// <summary>Opens <paramref name="path"/>, waiting up to <paramref name="lockWait"/> for another process's lock.</summary>
    /// <exception cref="StoreException">The file stays locked, or cannot be opened as a DuckDB database.</exception>
    public static DuckDBConnection Open(string path, Action<DbConnection> createTables, TimeSpan lockWait)
    {
        CreateFolder(path);
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            if (TryOpen(path, createTables, started, lockWait) is { } connection)
            {
                return connection;
            }

            Thread.Sleep(Backoff(attempt));
        }
    }

    /// <summary>As <see cref="Open"/>, but waits for the lock with <see cref="Task.Delay(TimeSpan, CancellationToken)"/>.</summary>
    /// <exception cref="StoreException">The file stays locked, or cannot be opened as a DuckDB database.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting.</exception>
    public static async Task<DuckDBConnection> OpenAsync(string path, Action<DbConnection> createTables, TimeSpan lockWait, CancellationToken cancellationToken)
    {
        CreateFolder(path);
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryOpen(path, createTables, started, lockWait) is { } connection)
            {
                return connection;
            }

            await Task.Delay(Backoff(attempt), cancellationToken).ConfigureAwait(false);
        }
    }

    private static void CreateFolder(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path == InMemory || Path.GetDirectoryName(path) is not { Length: > 0 } directory)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"{path}: its folder cannot be created: {e.Message}", ErrorKind.BadInput, e);
        }
    }

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(Math.Min(50 * attempt, 500));

    // The open connection, or null when another process may hold the file and there is time left to wait for it.
    private static DuckDBConnection? TryOpen(string path, Action<DbConnection> createTables, long started, TimeSpan lockWait)
    {
        var connection = new DuckDBConnection(new DuckDBConnectionStringBuilder { DataSource = path }.ConnectionString);
        try
        {
            connection.Open();
        }
        catch (DuckDBException e)
        {
            connection.Dispose();
            if (!MayBeLocked(path))
            {
                throw new StoreException($"{path}: cannot be opened as a DuckDB database: {e.Message}", ErrorKind.Unavailable, e);
            }

            if (Stopwatch.GetElapsedTime(started) >= lockWait)
            {
                throw new StoreException($"{path}: in use by another process, which holds DuckDB's lock on it (waited {lockWait.TotalSeconds:0.#} s): "
                                         + $"try again when it ends, or give every process one PostgreSQL server with --db ({e.Message})",
                    ErrorKind.Unavailable, e, transient: true);
            }

            return null;
        }

        try
        {
            lock (SchemaLocks.GetOrAdd(path == InMemory ? path : Path.GetFullPath(path), _ => new Lock()))
            {
                createTables(connection);
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // DuckDB reports every failure to open with the same error type (no code tells a lock from a broken file), so the
    // file itself decides: one that exists and is a DuckDB database (or is still being created, too short to tell)
    // but cannot be opened is held by another process. Anything else fails at once instead of after the wait.
    private static bool MayBeLocked(string path)
    {
        if (path == InMemory || !File.Exists(path))
        {
            return false;
        }

        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            Span<byte> header = stackalloc byte[12];
            return file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || header[8..].SequenceEqual(Magic);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
