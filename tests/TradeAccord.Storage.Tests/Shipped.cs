using TradeAccord.App.Tracking;
using TradeAccord.Core.Agreements;
using TradeAccord.Core.Commitments;
using TradeAccord.Sources.Agreements;
using TradeAccord.Sources;
using TradeAccord.Sources.References;

namespace TradeAccord.Storage.Tests;

/// <summary>
/// One store with the shipped series, loaded once for the assembly (an in-memory DuckDB; the import takes about a
/// second), and the shipped agreement.
/// </summary>
internal static class Shipped
{
    private static readonly Lazy<ScheduleLoader> SharedLoader = new(() => new ScheduleLoader(DataPaths.Locate()));
    private static readonly Lazy<ITradeStore> SharedStore = new(() =>
    {
        var store = TradeStores.OpenInMemory();
        TradeData.EnsureBuiltIn(store, Loader.Paths);
        return store;
    });

    private static readonly Lock Gate = new();

    public static ScheduleLoader Loader => SharedLoader.Value;

    public static Agreement PhaseOne => AgreementFiles.ReadValid(Path.Combine(Loader.Paths.Agreements, "us-china-phase-one.yaml"), Loader.AgreementContext);

    /// <summary>Tracks on the shared store; DuckDB connections are not for concurrent use, so calls take turns.</summary>
    public static TrackReport Track(TrackOptions options, Agreement? agreement = null, string? scenario = null, string? categoryVintage = null)
    {
        lock (Gate)
        {
            return TradeData.Track(SharedStore.Value, agreement ?? PhaseOne, Loader.AgreementContext,
                new TrackRequest(["us-exports"], null, options, Loader.Load(scenario is null ? null : DocumentRefs.FromCommandLine(Loader.Documents, ReferenceKind.Scenario, "scenario", scenario)).Set, categoryVintage)).Single();
        }
    }
}

/// <summary>A temporary store file, deleted after the test.</summary>
internal sealed class TempStore : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "accord-store-" + Guid.NewGuid().ToString("N"));

    public TempStore()
    {
        Directory.CreateDirectory(_folder);
        Store = TradeStores.Open(System.IO.Path.Combine(_folder, "test.duckdb"));
    }

    public ITradeStore Store { get; }

    public string Write(string name, string text)
    {
        var file = Path.Combine(_folder, name);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
