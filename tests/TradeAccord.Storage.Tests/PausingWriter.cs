using System.Diagnostics;
using TradeAccord.App.Cases;
using TradeAccord.Core.Common;
using TradeAccord.Sources.References;
using TradeAccord.Storage.Cases;

namespace TradeAccord.Storage.Tests;

/// <summary>
/// The TradeAccord.Storage.PausingWriter process: it appends an event to a case and pauses inside the append's
/// transaction, holding the store (and a DuckDB file's lock), until it is killed.
/// </summary>
internal sealed class PausingWriter : IDisposable
{
    private const string Name = "TradeAccord.Storage.PausingWriter";

    private readonly Process _process;

    private PausingWriter(Process process) => _process = process;

    /// <summary>Opens a case in the DuckDB file <paramref name="file"/>, then starts the writer on it and returns once it holds the file.</summary>
    public static async Task<(PausingWriter Writer, string CaseId)> HoldingNewCase(string file, CancellationToken cancellationToken)
    {
        string id;
        using (var store = CaseStores.Open(file))
        {
            id = new CaseService(store, Shipped.Loader).Open(Shipped.Loader.Documents.Find(ReferenceKind.Agreement, "us-china-phase-one")!, CountryCode.US,
                CountryCode.CN, "6.2", "lock test", new DateOnly(2021, 1, 15), confidential: false).Header.Id;
        }

        return (await PausedIn(file, id, cancellationToken), id);
    }

    /// <summary>Starts the writer on <paramref name="db"/> and returns once it is paused inside its transaction.</summary>
    public static async Task<PausingWriter> PausedIn(string db, string caseId, CancellationToken cancellationToken)
    {
        var marker = Path.Combine(Path.GetTempPath(), $"accord-paused-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo(Executable()) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { db, caseId, marker })
        {
            start.ArgumentList.Add(arg);
        }

        var writer = new PausingWriter(Process.Start(start)!);
        try
        {
            for (var waited = 0; !File.Exists(marker); waited += 100)
            {
                if (writer._process.HasExited)
                {
                    throw new ShouldAssertException($"the writer ended before pausing: {await writer._process.StandardError.ReadToEndAsync(cancellationToken)}");
                }

                waited.ShouldBeLessThan(60_000, "the writer never reached its pause");
                await Task.Delay(100, cancellationToken);
            }

            File.Delete(marker);
            return writer;
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    /// <summary>Kills the writer inside its transaction and waits for the end of the process.</summary>
    public async Task Kill(CancellationToken cancellationToken)
    {
        _process.HasExited.ShouldBeFalse("the writer is paused inside its transaction");
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(cancellationToken);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    // Built next to these tests, in the same configuration (the test project references it for the build order).
    private static string Executable()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Name;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, Name, configuration, Name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{Name} was not built next to the tests");
    }
}
