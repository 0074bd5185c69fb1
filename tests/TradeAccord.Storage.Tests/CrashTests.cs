using TradeAccord.Storage.CrashWriter;

namespace TradeAccord.Storage.Tests;

/// <summary>
/// Kill -9 at random moments (<see cref="CrashTrials"/>): a child process imports a trade file or appends case events
/// and is killed after a seeded random delay; the store, reopened, must hold each vintage whole or not at all, a
/// verifying chain, and every write the child acknowledged. A short count of real shipped rows here; the crash
/// benchmark runs the whole shipped file and as many kills as asked.
/// </summary>
public abstract class CrashTests : IDisposable
{
    /// <summary>Kills per operation: enough to land in every phase of a run (start-up, reading, loading, commit).</summary>
    private const int Kills = 20;

    // The first rows of the shipped monthly exports: real figures, few enough for a trial to take about a second.
    private const int ImportRows = 30_000;

    private readonly string _folder = Directory.CreateTempSubdirectory("accord-crash-").FullName;

    /// <summary>A fresh store for one operation's trials.</summary>
    protected abstract CrashStore Store(string operation);

    protected string Folder => _folder;

    public virtual void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Kill_9_during_imports_leaves_each_vintage_whole_or_absent()
    {
        var file = Path.Combine(_folder, "exports.csv");
        await File.WriteAllLinesAsync(file, File.ReadLines(Path.Combine(Shipped.Loader.Paths.Data, "trade", "us_exports_to_china_hs6_monthly_2013-01_2021-02.csv"))
            .Take(ImportRows + 1), TestContext.Current.CancellationToken);

        var tally = await CrashTrials.Imports(Store("import"), file, Kills, seed: 20_260_301, TestContext.Current.CancellationToken);

        Verify(tally);
        tally.ChainsVerified.ShouldBe(0, "imports have no chain");
    }

    [Fact]
    public async Task Kill_9_during_appends_loses_no_acknowledged_event_and_the_chain_verifies()
    {
        var tally = await CrashTrials.Appends(Store("append"), Shipped.Loader, Kills, seed: 20_260_302, TestContext.Current.CancellationToken);

        Verify(tally);
        tally.ChainsVerified.ShouldBe(Kills);
        tally.Acknowledged.ShouldBeGreaterThan(0, "some kills should come after events were acknowledged");
    }

    private static void Verify(CrashTally tally)
    {
        TestContext.Current.TestOutputHelper?.WriteLine($"{CrashTally.Heading}\n{tally.Row()}");
        tally.Problems.ShouldBeEmpty();
        (tally.Lost, tally.Torn).ShouldBe((0, 0));
        tally.Kills.ShouldBe(Kills);
        (tally.Old + tally.New).ShouldBe(Kills);
    }
}

public sealed class DuckDbCrashTests : CrashTests
{
    protected override CrashStore Store(string operation) => new("duckdb", Path.Combine(Folder, $"{operation}.duckdb"));
}

public sealed class PostgresCrashTests : CrashTests
{
    private readonly List<PostgresDatabase> _databases = [];

    protected override CrashStore Store(string operation)
    {
        var database = new PostgresDatabase("accord_crash_");
        _databases.Add(database);
        return new CrashStore("postgresql", database.ConnectionString);
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
