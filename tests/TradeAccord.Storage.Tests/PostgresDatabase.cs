using Npgsql;

namespace TradeAccord.Storage.Tests;

/// <summary>
/// A database of its own on the test server, dropped at the end, so tests running at the same time (in this run or
/// another one sharing the server) never share tables. ./scripts/test.sh starts the server and sets ACCORD_TEST_PG;
/// without it these tests fail and say so.
/// </summary>
internal sealed class PostgresDatabase : IDisposable
{
    private readonly string _server = Environment.GetEnvironmentVariable("ACCORD_TEST_PG")
                                      ?? throw new InvalidOperationException("ACCORD_TEST_PG is not set: run ./scripts/test.sh, which starts PostgreSQL for the tests");

    public PostgresDatabase(string prefix)
    {
        Name = prefix + Guid.NewGuid().ToString("N");
        Admin($"CREATE DATABASE {Name}");
    }

    public string Name { get; }

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = Name, Pooling = false }.ConnectionString;

    public void Dispose() => Admin($"DROP DATABASE {Name} WITH (FORCE)");

    private void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
