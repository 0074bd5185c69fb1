using TradeAccord.Storage.Cases;

namespace TradeAccord.Storage.Tests.Cases;

/// <summary>The contract on an embedded DuckDB file.</summary>
public sealed class DuckDbCaseStoreTests : CaseStoreContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("accord-cases-").FullName;

    private string File => Path.Combine(_folder, "cases.duckdb");

    protected override ICaseStore Open(StoreOptions options) => CaseStores.Open(File, options);

    public override void Dispose() => Directory.Delete(_folder, recursive: true);
}

/// <summary>The contract on PostgreSQL, in a database of its own per test.</summary>
public sealed class PostgresCaseStoreTests : CaseStoreContract
{
    private readonly PostgresDatabase _database = new("accord_test_");

    protected override ICaseStore Open(StoreOptions options) => CaseStores.Open(_database.ConnectionString, options);

    public override void Dispose() => _database.Dispose();
}
