using System.Collections.Concurrent;
using Spectre.Console;
using TradeAccord.App.Cases;
using TradeAccord.App.Tracking;
using TradeAccord.Sources;
using TradeAccord.Sources.References;
using TradeAccord.Storage.Cases;
using TradeAccord.Storage;

namespace TradeAccord.Cli.Infrastructure;

/// <summary>What every command shares: where output goes and how data are found.</summary>
/// <param name="Console">Rich output (tables, progress) for people.</param>
/// <param name="Out">Plain output (JSON, CSV) for programs; never wrapped or coloured.</param>
/// <param name="Error">Error messages.</param>
public sealed record CliContext(IAnsiConsole Console, TextWriter Out, TextWriter Error)
{
    // One loader per data folder for the whole process: reading the data takes a second, and an in-process host
    // (tests, a server) runs many commands.
    private static readonly ConcurrentDictionary<string, ScheduleLoader> Loaders = new(StringComparer.Ordinal);

    /// <summary>
    /// Opens the trade store (<paramref name="db"/>, else $ACCORD_DB, else the default path) with the built-in series
    /// loaded; the caller disposes it.
    /// </summary>
    public ITradeStore Store(string? db, string? dataDirectory)
    {
        var store = TradeStores.Open(db);
        try
        {
            TradeData.EnsureBuiltIn(store, Loader(dataDirectory).Paths);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>The clock: "now" for commands given no <c>--at</c>. Tests pass a fixed one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The case store that <paramref name="db"/> names, with the service over it; the caller disposes it.</summary>
    public CaseSession Cases(string? db, string? dataDirectory)
    {
        var store = CaseStores.Open(db);
        return new CaseSession(store, new CaseService(store, Loader(dataDirectory), localFiles: true));
    }

    /// <summary>
    /// What <paramref name="value"/> of <paramref name="option"/> refers to: a built-in document or a file the user
    /// named (null when the option was not given).
    /// </summary>
    /// <exception cref="TradeAccord.Core.Errors.ValidationException">Neither a built-in name nor a file.</exception>
    public DocumentRef? Reference(ReferenceKind kind, string option, string? value, string? dataDirectory) =>
        value is null ? null : DocumentRefs.FromCommandLine(Loader(dataDirectory).Documents, kind, option, value);

    /// <summary>The schedule loader for the data folder <paramref name="dataDirectory"/> (or the default one).</summary>
    public ScheduleLoader Loader(string? dataDirectory)
    {
        var paths = DataPaths.Locate(dataDirectory);
        return Loaders.GetOrAdd(paths.Data, _ => new ScheduleLoader(paths));
    }
}

/// <summary>An open case store and its service, closed together.</summary>
/// <param name="Store">The store.</param>
/// <param name="Service">The service over it.</param>
public sealed record CaseSession(ICaseStore Store, CaseService Service) : IDisposable
{
    /// <inheritdoc />
    public void Dispose() => Store.Dispose();
}
