using TradeAccord.Core.Agreements;
using TradeAccord.Core.Commitments;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources;
using TradeAccord.Sources.Agreements;
using TradeAccord.Sources.Measures;
using TradeAccord.Sources.Trade;

namespace TradeAccord.Storage;

/// <summary>What the tracker asks for, besides the agreement.</summary>
/// <param name="Series">Series to track; empty: every series the agreement's commitments name that has data.</param>
/// <param name="Vintage">Vintage to use; null: each series' latest.</param>
/// <param name="Options">Year, window, weights, last month.</param>
/// <param name="Schedule">The tariff measures conditions are evaluated on (the record or a scenario).</param>
public sealed record TrackRequest(IReadOnlyList<string> Series, string? Vintage, TrackOptions Options, MeasureSet Schedule);

/// <summary>
/// The trade store's services: loading the built-in series on first use, importing files, and tracking an
/// agreement's purchase commitments on the stored data. The CLI and the web API both go through here.
/// </summary>
public static class TradeData
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> FirstUse = new(StringComparer.Ordinal);

    /// <summary>Imports each built-in series (data/catalog.yaml, <c>tradeSeries</c>) the store does not have yet.</summary>
    /// <returns>The vintages imported now.</returns>
    /// <exception cref="SourceException">The catalog or a shipped file is malformed.</exception>
    public static IReadOnlyList<VintageInfo> EnsureBuiltIn(ITradeStore store, DataPaths paths)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(paths);
        var catalog = YamlMap.Load(Path.Combine(paths.Data, "catalog.yaml"), "catalog.yaml");
        var imported = new List<VintageInfo>();
        // Two first requests of a server must not both import: one at a time per store in this process, and a
        // vintage another process stored meanwhile counts as loaded.
        lock (FirstUse.GetOrAdd(store.Path, _ => new object()))
        {
            foreach (var entry in catalog.Maps("tradeSeries"))
            {
                entry.OnlyKeys("series", "file", "vintage");
                var series = entry.String("series");
                if (store.Latest(series) is not null)
                {
                    continue;
                }

                var file = entry.String("file");
                try
                {
                    imported.Add(Import(store, series, Path.Combine(paths.Data, file), entry.String("vintage"), $"data/{file}"));
                }
                catch (StoreException) when (store.Latest(series) is not null)
                {
                    // Another process imported it first: the data are there.
                }
            }
        }

        return imported;
    }

    /// <summary>Reads and stores a trade file (monthly, or yearly when its header has <c>year</c>), all or nothing.</summary>
    /// <exception cref="SourceException">A row is malformed: nothing was stored.</exception>
    /// <exception cref="StoreException">The vintage exists already, or the write failed: nothing was stored.</exception>
    public static VintageInfo Import(ITradeStore store, string series, string file, string? vintage = null, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var name = displayName ?? file;
        var label = vintage ?? Path.GetFileNameWithoutExtension(file);
        if (!File.Exists(file))
        {
            throw new SourceException(name, 0, null, "does not exist: expected a CSV file of monthly (month, code, value_usd) or yearly (year, category, value_usd) trade");
        }

        return TradeFlowReader.IsAnnual(file)
            ? store.ImportAnnual(series, label, name, TradeFlowReader.ReadAnnual(file, name))
            : store.ImportMonthly(series, label, name, TradeFlowReader.ReadMonthly(file, name));
    }

    /// <summary>Tracks every requested monthly series of the store against <paramref name="agreement"/>.</summary>
    /// <exception cref="StoreException">A series or vintage asked for is not in the store.</exception>
    public static IReadOnlyList<TrackReport> Track(ITradeStore store, Agreement agreement, AgreementContext context, TrackRequest request)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var productsFile = agreement.Purchases.Select(p => p.Products).OfType<string>().Distinct().ToList() switch
        {
            [var single] => single,
            [] => throw new StoreException($"{agreement.Id} has no purchase commitment with a product list: nothing to track"),
            var several => throw new StoreException($"{agreement.Id} names several product lists ({string.Join(", ", several)}): expected one"),
        };
        var mapper = new ProductMapper(context.Products(productsFile) ?? throw new StoreException($"{productsFile} is not in the data folder"));
        var named = agreement.Purchases.SelectMany(p => p.MeasuredBy).Distinct(StringComparer.Ordinal).ToList();
        var monthlySeries = request.Series.Count > 0
            ? request.Series
            : [.. named.Where(s => store.Latest(s) is { Kind: "monthly" })];
        if (monthlySeries.Count == 0)
        {
            throw new StoreException($"none of the series {string.Join(", ", named)} has monthly data in the store: import one with `accord data import`");
        }

        var annual = named.Select(s => (Series: s, Vintage: store.Latest(s)))
            .Where(v => v.Vintage is { Kind: "annual" })
            .ToDictionary(v => v.Series, v => store.Annual(v.Series, v.Vintage!.Vintage), StringComparer.Ordinal);
        var windowStart = new DateOnly(request.Options.Year, request.Options.Window == TrackWindow.Agreement && agreement.EntryIntoForce is { } e ? e.Month : 1, 1);
        var suspensions = ConditionEvaluator.Suspensions(agreement, context.Measures, request.Schedule, windowStart, windowStart.AddMonths(12).AddDays(-1), out var notEvaluated);
        var reports = new List<TrackReport>();
        foreach (var series in monthlySeries)
        {
            var vintage = Vintage(store, series, request.Vintage);
            var codes = store.Codes(series, vintage.Vintage);
            var mapping = codes.ToDictionary(c => c, mapper.LineFor, StringComparer.Ordinal);
            var report = PurchaseTracker.Track(agreement, series, vintage.Vintage, store.MonthlyTotals(series, vintage.Vintage, mapping), annual,
                mapper.Gaps(codes), suspensions, request.Options);
            reports.Add(report with { Notes = [.. report.Notes, .. notEvaluated.Select(n => $"condition not evaluated: {n}")] });
        }

        return reports;
    }

    private static VintageInfo Vintage(ITradeStore store, string series, string? vintage)
    {
        var vintages = store.Vintages(series);
        if (vintages.Count == 0)
        {
            throw new StoreException($"the store has no series '{series}': import it with `accord data import --series {series} --file FILE`");
        }

        if (vintage is null)
        {
            return vintages[^1];
        }

        return vintages.FirstOrDefault(v => v.Vintage == vintage)
               ?? throw new StoreException($"{series} has no vintage '{vintage}': expected one of {string.Join(", ", vintages.Select(v => v.Vintage))}");
    }
}
