using TradeAccord.App.Tracking;
using TradeAccord.Storage.CrashWriter;

namespace TradeAccord.Storage.Tests;

/// <summary>
/// The first use of a store imports the built-in trade data, and several first uses at once (server replicas
/// starting together on one PostgreSQL, two first requests of one server) must import each series exactly once.
/// </summary>
public abstract class BuiltInOnceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("accord-built-in-").FullName;

    /// <summary>A fresh, empty store (a --db value).</summary>
    protected abstract string NewStore();

    protected string Folder => _folder;

    public virtual void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Three_processes_starting_at_once_import_each_built_in_series_once()
    {
        var db = NewStore();
        var children = Enumerable.Range(0, 3).Select(_ => ChildRun.Start("built-in", db)).ToList();
        try
        {
            foreach (var child in children)
            {
                await child.Completed(TestContext.Current.CancellationToken);
            }

            var imports = new List<string>();
            foreach (var child in children)
            {
                imports.AddRange((await child.Lines()).Where(l => l.StartsWith("imported ", StringComparison.Ordinal)));
            }

            StoredOnce(db, imports);
        }
        finally
        {
            children.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task Two_first_requests_at_once_import_each_built_in_series_once()
    {
        var db = NewStore();
        using var start = new Barrier(2);
        var requests = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            using var store = TradeStores.Open(db);
            start.SignalAndWait(TestContext.Current.CancellationToken);
            return TradeData.EnsureBuiltIn(store, Shipped.Loader.Paths);
        })).ToList();

        var imported = (await Task.WhenAll(requests)).SelectMany(v => v).Select(v => $"imported {v.Series} {v.Vintage} {v.Rows}");

        StoredOnce(db, [.. imported]);
    }

    // Every vintage in the store was imported by exactly one of the callers, and the store has every built-in series.
    private static void StoredOnce(string db, IReadOnlyList<string> imports)
    {
        imports.ShouldBeUnique();
        using var store = TradeStores.Open(db);
        var vintages = store.Vintages();
        imports.OrderBy(i => i, StringComparer.Ordinal)
            .ShouldBe(vintages.Select(v => $"imported {v.Series} {v.Vintage} {v.Rows}").OrderBy(i => i, StringComparer.Ordinal));
        // The figures of TradeStoreContract's load of the built-in series: each is there, whole.
        vintages.Single(v => v.Series == "us-exports").Rows.ShouldBe(364_150);
        vintages.Count(v => v.Series == "us-exports-by-category").ShouldBe(11);
        vintages.Select(v => v.Sequence).ShouldBe(Enumerable.Range(1, vintages.Count).Select(n => (long)n), ignoreOrder: true);
        TradeData.EnsureBuiltIn(store, Shipped.Loader.Paths).ShouldBeEmpty();
    }
}

public sealed class DuckDbBuiltInOnceTests : BuiltInOnceTests
{
    protected override string NewStore() => Path.Combine(Folder, $"{Guid.NewGuid():N}.duckdb");
}

public sealed class PostgresBuiltInOnceTests : BuiltInOnceTests
{
    private readonly List<PostgresDatabase> _databases = [];

    protected override string NewStore()
    {
        var database = new PostgresDatabase("accord_built_in_");
        _databases.Add(database);
        return database.ConnectionString;
    }

    public override void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }

        base.Dispose();
    }
}
