using Npgsql;
using TradeAccord.App.Tracking;
using TradeAccord.Core.Commitments;
using TradeAccord.Sources;

namespace TradeAccord.Storage.Tests;

/// <summary>The trade store in server mode: the same imports and the same tracking on PostgreSQL.</summary>
public sealed class PostgresTradeStoreTests : IDisposable
{
    private readonly string _server = Environment.GetEnvironmentVariable("ACCORD_TEST_PG")
                                      ?? throw new InvalidOperationException("ACCORD_TEST_PG is not set: run ./scripts/test.sh, which starts PostgreSQL for the tests");

    private readonly string _database = "accord_trade_" + Guid.NewGuid().ToString("N");
    private readonly string _folder = Directory.CreateTempSubdirectory("accord-pg-trade-").FullName;

    public PostgresTradeStoreTests() => Admin($"CREATE DATABASE {_database}");

    private string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { Database = _database, Pooling = false }.ConnectionString;

    public void Dispose()
    {
        Admin($"DROP DATABASE {_database} WITH (FORCE)");
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void The_built_in_series_tracks_to_the_same_figures_as_on_duckdb()
    {
        using var store = TradeStores.Open(ConnectionString);
        TradeData.EnsureBuiltIn(store, Shipped.Loader.Paths).Single(v => v.Series == "us-exports").Rows.ShouldBe(364_150);
        var report = TradeData.Track(store, Shipped.PhaseOne, Shipped.Loader.AgreementContext,
            new TrackRequest(["us-exports"], null, new TrackOptions(2020), Shipped.Loader.Baseline)).Single();
        report.Total.PercentOfTarget.ShouldBe(62.56m);
        report.Total.Target.ShouldBe(Shipped.Track(new TrackOptions(2020)).Total.Target);
        report.Categories.Single(c => c.Name == "Agriculture").Progress.Actual.ShouldBe(Shipped.Track(new TrackOptions(2020)).Categories.Single(c => c.Name == "Agriculture").Progress.Actual);
        var continued = TradeData.Track(store, Shipped.PhaseOne, Shipped.Loader.AgreementContext,
            new TrackRequest(["us-exports"], null, new TrackOptions(2021), Shipped.Loader.Baseline)).Single();
        continued.Continuation.ShouldBe(Shipped.Track(new TrackOptions(2021)).Continuation);
        continued.Total.ShouldBe(Shipped.Track(new TrackOptions(2021)).Total);
    }

    [Fact]
    public void A_malformed_import_changes_nothing_and_vintages_sit_side_by_side()
    {
        using var store = TradeStores.Open(ConnectionString);
        var good = Path.Combine(_folder, "good.csv");
        File.WriteAllText(good, "month,code,value_usd\n2020-01,120190,1000\n2020-02,120190,2000\n");
        TradeData.Import(store, "cn-imports", good, "v1");
        var before = store.RowCount();
        var bad = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(bad, "month,code,value_usd\n2020-03,120190,1000\n2020-03,12019,x\n");
        Should.Throw<SourceException>(() => TradeData.Import(store, "cn-imports", bad, "v2", "bad.csv")).Message.ShouldStartWith("bad.csv:3: field 'value_usd'");
        store.RowCount().ShouldBe(before);

        File.WriteAllText(good, "month,code,value_usd\n2020-01,120190,1500\n");
        TradeData.Import(store, "cn-imports", good, "v2");
        var mapping = new Dictionary<string, Core.Agreements.AnnexLine?> { ["120190"] = null };
        store.MonthlyTotals("cn-imports", "v1", mapping).Sum(t => t.ValueUsd).ShouldBe(3000m);
        store.MonthlyTotals("cn-imports", "v2", mapping).Sum(t => t.ValueUsd).ShouldBe(1500m);
        store.Latest("cn-imports")!.Vintage.ShouldBe("v2");
        Should.Throw<StoreException>(() => TradeData.Import(store, "cn-imports", good, "v2")).Message.ShouldContain("already has a vintage 'v2'");
    }

    private void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
