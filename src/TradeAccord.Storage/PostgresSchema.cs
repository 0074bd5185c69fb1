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
