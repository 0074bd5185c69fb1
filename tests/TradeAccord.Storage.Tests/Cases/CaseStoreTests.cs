using Npgsql;
using TradeAccord.Storage.Cases;

namespace TradeAccord.Storage.Tests.Cases;

/// <summary>The contract on an embedded DuckDB file.</summary>
public sealed class DuckDbCaseStoreTests : CaseStoreContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("accord-cases-").FullName;

    private string File => Path.Combine(_folder, "cases.duckdb");

    protected override ICaseStore NewStore() => DuckDbCaseStore.Open(File);

    protected override ICaseStore SecondConnection() => DuckDbCaseStore.Open(File);

    public override void Dispose() => Directory.Delete(_folder, recursive: true);
}

/// <summary>
/// The contract on PostgreSQL: a database of its own per test class. ./scripts/test.sh starts the server and sets
/// ACCORD_TEST_PG; without it these tests fail and say so.
/// </summary>
public sealed class PostgresCaseStoreTests : CaseStoreContract
{
    private readonly string _database = "accord_test_" + Guid.NewGuid().ToString("N");
    private readonly string _server;
    private bool _created;

    public PostgresCaseStoreTests()
    {
        _server = Environment.GetEnvironmentVariable("ACCORD_TEST_PG")
                  ?? throw new InvalidOperationException("ACCORD_TEST_PG is not set: run ./scripts/test.sh, which starts PostgreSQL for the tests");
    }

    private string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _database, Pooling = false }.ConnectionString;

    protected override ICaseStore NewStore()
    {
        if (!_created)
        {
            Admin($"CREATE DATABASE {_database}");
            _created = true;
        }

        return PostgresCaseStore.Open(ConnectionString);
    }

    protected override ICaseStore SecondConnection() => PostgresCaseStore.Open(ConnectionString);

    public override void Dispose()
    {
        if (_created)
        {
            Admin($"DROP DATABASE {_database} WITH (FORCE)");
        }
    }

    private void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
