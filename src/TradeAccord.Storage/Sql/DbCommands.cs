using System.Data.Common;
using System.Globalization;

namespace TradeAccord.Storage.Sql;

/// <summary>Commands with positional parameters ($1, $2...), which DuckDB.NET and Npgsql both bind in order.</summary>
internal static class DbCommands
{
    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string sql, params object?[] parameters)
    {
        var command = connection.CreateCommand();
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

    public static void Execute(this DbConnection connection, DbTransaction? transaction, string sql, params object?[] parameters)
    {
        using var command = connection.Command(transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    public static async Task ExecuteAsync(this DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        var command = connection.Command(transaction, sql);
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The single number a query returns (a count, the next sequence).</summary>
    public static long Int64(this DbConnection connection, DbTransaction? transaction, string sql, params object?[] parameters)
    {
        using var command = connection.Command(transaction, sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
