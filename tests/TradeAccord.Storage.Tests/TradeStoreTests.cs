using System.Diagnostics;
using Npgsql;
using TradeAccord.Core.Errors;

namespace TradeAccord.Storage.Tests;

/// <summary>The contract on an embedded DuckDB file.</summary>
public sealed class DuckDbTradeStoreTests : TradeStoreContract
{
    private readonly string _folder = Directory.CreateTempSubdirectory("accord-trade-duckdb-").FullName;

    private string File => Path.Combine(_folder, "trade.duckdb");

    protected override ITradeStore Open(StoreOptions options) => TradeStores.Open(File, options);

    public override void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        base.Dispose();
    }

    [Fact]
    public void A_file_that_is_not_a_duckdb_database_fails_at_once_and_is_not_transient()
    {
        System.IO.File.WriteAllText(File, "month,code,value_usd\nthis is a CSV file given as the store by mistake\n");
        var clock = Stopwatch.StartNew();

        var error = Should.Throw<StoreException>(() => TradeStores.Open(File));
        error.Kind.ShouldBe(ErrorKind.Unavailable);
        error.IsTransient.ShouldBeFalse();
        error.Message.ShouldStartWith($"{File}: cannot be opened as a DuckDB database: ");
        clock.Elapsed.ShouldBeLessThan(StoreOptions.Default.LockWait / 2, "no wait for a lock that no process holds");
    }
}

/// <summary>The contract on PostgreSQL, in a database of its own per test.</summary>
public sealed class PostgresTradeStoreTests : TradeStoreContract
{
    private readonly PostgresDatabase _database = new("accord_trade_");

    protected override ITradeStore Open(StoreOptions options) => TradeStores.Open(_database.ConnectionString, options);

    public override void Dispose()
    {
        _database.Dispose();
        base.Dispose();
    }

    [Fact]
    public void A_database_that_does_not_exist_is_unavailable_and_not_transient()
    {
        var missing = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Database = _database.Name + "_missing" }.ConnectionString;
        var error = Should.Throw<StoreException>(() => TradeStores.Open(missing));
        error.Kind.ShouldBe(ErrorKind.Unavailable);
        error.IsTransient.ShouldBeFalse();
        error.Message.ShouldContain($"/{_database.Name}_missing: cannot be used as a trade store: ");
    }

    [Fact]
    public async Task The_async_open_reads_the_same_store()
    {
        using (var store = Open(StoreOptions.Default))
        {
            store.ImportAnnual("s", "v", "a.csv", [new(2020, "Services", 1.5m)]);
        }

        using var opened = await TradeStores.OpenAsync(_database.ConnectionString, TestContext.Current.CancellationToken);
        opened.Annual("s", "v").ShouldBe([new(2020, "Services", 1.5m)]);
    }
}
