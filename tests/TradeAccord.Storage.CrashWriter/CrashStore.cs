using System.Data.Common;
using System.Globalization;
using TradeAccord.Storage.Cases;

namespace TradeAccord.Storage.CrashWriter;

/// <summary>A store the crash trials run on: its name in the report and its <c>--db</c> value (a DuckDB file or a PostgreSQL connection string).</summary>
/// <param name="Name">"duckdb" or "postgresql", as reported.</param>
/// <param name="Db">The store, as accord's --db.</param>
public sealed record CrashStore(string Name, string Db)
{
    // The children's sessions carry this name, so the trial can tell when the server has finished with them.
    private const string ChildApplication = "accord-crash-child";

    /// <summary>Whether the store is a PostgreSQL database.</summary>
    public bool IsPostgres => CaseStores.IsPostgres(Db);

    /// <summary>The --db value the children get.</summary>
    public string ChildDb => IsPostgres ? $"{CaseStores.ConnectionString(Db)};Application Name={ChildApplication}" : Db;

    /// <summary>
    /// Returns once nothing of a killed child is still at work: at once for a DuckDB file (the child's end released
    /// it); on PostgreSQL when the server has ended the child's sessions, each having committed or rolled back what it
    /// was doing (a backend busy in a statement notices its client is gone only when the statement ends).
    /// </summary>
    public async Task Settled(CancellationToken cancellationToken)
    {
        if (!IsPostgres)
        {
            return;
        }

        for (var waited = TimeSpan.Zero; ; waited += TimeSpan.FromMilliseconds(50))
        {
            using (var store = (SqlTradeStore)TradeStores.Open(Db))
            {
                if (Query.Long(store.Connection, "SELECT count(*) FROM pg_stat_activity WHERE application_name = $1", ChildApplication) == 0)
                {
                    return;
                }
            }

            if (waited > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException($"{Name}: a killed child's session was still open after two minutes");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>Plain queries for the checks, with positional parameters as the stores use.</summary>
internal static class Query
{
    public static DbDataReader Rows(DbConnection connection, string sql, params object[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command.ExecuteReader();
    }

    public static long Long(DbConnection connection, string sql, params object[] parameters)
    {
        using var reader = Rows(connection, sql, parameters);
        reader.Read();
        return Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
    }
}
