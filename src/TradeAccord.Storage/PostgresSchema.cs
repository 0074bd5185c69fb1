using Npgsql;

namespace TradeAccord.Storage;

/// <summary>
/// Creates tables on a PostgreSQL server once, whoever asks first. Two sessions running CREATE TABLE IF NOT EXISTS at
/// the same moment can both pass the check and one then fails on the system catalog; a transaction-scoped advisory
/// lock makes them take turns.
/// </summary>
public static class PostgresSchema
{
    // Any fixed number: every TradeAccord process on the server takes the same lock for its table creation.
    private const long LockKey = 0x7472_6164_6561_6363; // "tradeacc"

    /// <summary>
    /// Connects with <paramref name="connectionString"/> and creates <paramref name="ddl"/>'s tables if needed; returns
    /// the open connection and its description (postgresql://host:port/database) for messages.
    /// </summary>
    /// <param name="connectionString">The server and database.</param>
    /// <param name="ddl">CREATE TABLE IF NOT EXISTS statements.</param>
    /// <param name="use">What the database is for, in the error message ("a trade store", "a case store").</param>
    /// <exception cref="StoreException">The server cannot be reached or the tables cannot be created.</exception>
    public static (NpgsqlConnection Connection, string Description) Open(string connectionString, string ddl, string use)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
            Create(connection, ddl);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            connection.Dispose();
            throw new StoreException($"cannot use PostgreSQL ({connection.Host}:{connection.Port}, database {connection.Database}) as {use}: {e.Message}", e);
        }

        return (connection, $"postgresql://{connection.Host}:{connection.Port}/{connection.Database}");
    }

    /// <summary>Runs <paramref name="ddl"/> on <paramref name="connection"/> in one transaction, under the advisory lock.</summary>
    public static void Create(NpgsqlConnection connection, string ddl)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var transaction = connection.BeginTransaction();
        using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({LockKey})", connection, transaction))
        {
            lockCommand.ExecuteNonQuery();
        }

        using (var command = new NpgsqlCommand(ddl, connection, transaction))
        {
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
