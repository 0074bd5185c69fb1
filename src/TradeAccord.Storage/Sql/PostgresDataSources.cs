using System.Collections.Concurrent;
using Npgsql;
using TradeAccord.Core.Errors;

namespace TradeAccord.Storage.Sql;

/// <summary>
/// One <see cref="NpgsqlDataSource"/> per connection string for the life of the process. A data source owns the
/// connection pool: one per store opened would give every request a pool of its own and leave it open.
/// </summary>
internal static class PostgresDataSources
{
    // Never disposed: the sources live as long as the process, whose end closes their connections.
    private static readonly ConcurrentDictionary<string, Lazy<NpgsqlDataSource>> Sources = new(StringComparer.Ordinal);

    /// <summary>The data source for <paramref name="connectionString"/>, created on first use (once, whoever asks).</summary>
    /// <exception cref="StoreException">The connection string is malformed.</exception>
    public static NpgsqlDataSource For(string connectionString)
    {
        var source = Sources.GetOrAdd(connectionString, text => new Lazy<NpgsqlDataSource>(() => NpgsqlDataSource.Create(text)));
        try
        {
            return source.Value;
        }
        catch (ArgumentException e)
        {
            // The Lazy keeps its exception; dropping it lets a corrected string be tried without a restart.
            Sources.TryRemove(KeyValuePair.Create(connectionString, source));
            throw new StoreException($"not a PostgreSQL connection string: {e.Message}", ErrorKind.BadInput, e);
        }
    }
}
