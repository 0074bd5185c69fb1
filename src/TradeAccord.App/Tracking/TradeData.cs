using TradeAccord.Core.Errors;
using TradeAccord.Storage;
using TradeAccord.Core.Agreements;
using TradeAccord.Core.Commitments;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources;
using TradeAccord.Sources.Agreements;
using TradeAccord.Sources.Measures;
using TradeAccord.Sources.Trade;

namespace TradeAccord.App.Tracking;

/// <summary>What the tracker asks for, besides the agreement.</summary>
/// <param name="Series">Series to track; empty: every series the agreement's commitments name that has data.</param>
/// <param name="Vintage">Vintage to use; null: each series' latest.</param>
/// <param name="Options">Year, window, weights, last month.</param>
/// <param name="Schedule">The tariff measures conditions are evaluated on (the record or a scenario).</param>
/// <param name="CategoryVintage">Vintage of the category totals that continue a series after its last month; null: the latest.</param>
public sealed record TrackRequest(IReadOnlyList<string> Series, string? Vintage, TrackOptions Options, MeasureSet Schedule, string? CategoryVintage = null);

/// <summary>
/// The trade store's services: loading the built-in series on first use, importing files, and tracking an
/// agreement's purchase commitments on the stored data. The CLI and the web API both go through here.
/// </summary>
public static class TradeData
{
    /// <summary>Imports each built-in series (data/catalog.yaml, <c>tradeSeries</c>) the store does not have yet.</summary>
    /// <remarks>
    /// Safe to call at once from several requests and processes on one store (the replicas of a server starting
    /// together): the checks and imports run under the store's import lock, so the first caller imports each series
    /// and every later one finds it there.
    /// </remarks>
    /// <returns>The vintages imported now.</returns>
    /// <exception cref="SourceException">The catalog or a shipped file is malformed.</exception>
    public static IReadOnlyList<VintageInfo> EnsureBuiltIn(ITradeStore store, DataPaths paths)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(paths);
        var catalog = YamlMap.Load(Path.Combine(paths.Data, "catalog.yaml"), "catalog.yaml");
        return store.Exclusively(() =>
        {
            var imported = new List<VintageInfo>();
            foreach (var entry in catalog.Maps("tradeSeries"))
            {
                entry.OnlyKeys("series", "file", "vintage", "yearToDate");
                var series = entry.String("series");
                var file = entry.String("file");
                if (entry.OptionalMap("yearToDate") is { } columns)
                {
                    imported.AddRange(ImportYearToDate(store, series, Path.Combine(paths.Data, file), entry.String("vintage"),
                        columns.Keys.ToDictionary(k => k, columns.String, StringComparer.Ordinal), $"data/{file}"));
                }
                else if (store.Latest(series) is null)
                {
                    imported.Add(Import(store, series, Path.Combine(paths.Data, file), entry.String("vintage"), $"data/{file}"));
                }
            }

            return imported;
        });
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

        if (ReportedFigureReader.IsReported(file))
        {
            return store.ImportReported(series, label, name, ReportedFigureReader.Read(file, name));
        }

        return TradeFlowReader.IsAnnual(file)
            ? store.ImportAnnual(series, label, name, TradeFlowReader.ReadAnnual(file, name))
            : store.ImportMonthly(series, label, name, TradeFlowReader.ReadMonthly(file, name));
    }

    /// <summary>
    /// Stores each release of a year-to-date file by category as its own vintage (<c>{prefix}-yyyy-MM</c>), skipping
    /// the releases the store has; each release is all or nothing.
    /// </summary>
    /// <exception cref="SourceException">A row is malformed: nothing of the file was stored.</exception>
    public static IReadOnlyList<VintageInfo> ImportYearToDate(ITradeStore store, string series, string file, string prefix,
        IReadOnlyDictionary<string, string> categories, string displayName)
    {
        ArgumentNullException.ThrowIfNull(store);
        var releases = YearToDateReader.Read(file, displayName, categories);
        var have = store.Vintages(series).Select(v => v.Vintage).ToHashSet(StringComparer.Ordinal);
        var imported = new List<VintageInfo>();
        foreach (var release in releases)
        {
            var label = $"{prefix}-{release.LatestMonth:yyyy-MM}";
            if (have.Contains(label))
            {
                continue;
            }

            try
            {
                imported.Add(store.ImportMonthly(series, label, displayName, release.Flows));
            }
            catch (StoreException) when (store.Vintages(series).Any(v => v.Vintage == label))
            {
                // Another process stored this release first.
            }
        }

        return imported;
    }

    /// <summary>Tracks every requested monthly series of the store against <paramref name="agreement"/>.</summary>
    /// <exception cref="StoreException">A series or vintage asked for is not in the store.</exception>
    /// <exception cref="OutsideDataException">The window is outside the data, or the agreement lacks the dates it needs.</exception>
    public static IReadOnlyList<TrackReport> Track(ITradeStore store, Agreement agreement, AgreementContext context, TrackRequest request)
    {
        try
        {
            return TrackUnchecked(store, agreement, context, request);
        }
        catch (ArgumentException e) when (e is not ArgumentNullException)
        {
            // The tracker (Core) refuses a window the data do not reach with ArgumentException: for a user it is a
            // question outside the data. The parameter's name means nothing to them.
            throw new OutsideDataException(e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal));
        }
    }

    private static IReadOnlyList<TrackReport> TrackUnchecked(ITradeStore store, Agreement agreement, AgreementContext context, TrackRequest request)
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
        // A trigger counts from the day the agreement took effect, not only inside the window: a commitment suspended
        // in 2020 is still suspended in 2021.
        var since = agreement.EntryIntoForce is { } inForce && inForce < windowStart ? inForce : windowStart;
        var suspensions = ConditionEvaluator.Suspensions(agreement, context.Measures, request.Schedule, since, windowStart.AddMonths(request.Options.Months).AddDays(-1), out var notEvaluated);
        var reports = new List<TrackReport>();
        foreach (var series in monthlySeries)
        {
            var vintage = Vintage(store, series, request.Vintage);
            var codes = store.Codes(series, vintage.Vintage);
            var mapping = codes.ToDictionary(c => c, mapper.LineFor, StringComparer.Ordinal);
            var totals = store.MonthlyTotals(series, vintage.Vintage, mapping);
            var continuation = Continuation(store, agreement, series, totals, request);
            var report = PurchaseTracker.Track(agreement, series, vintage.Vintage, [.. totals, .. continuation?.Totals ?? []], annual,
                mapper.Gaps(codes), suspensions, request.Options);
            var used = continuation is { } c && c.Totals.Any(t => t.Month >= report.From && t.Month <= report.Through)
                ? new TrackContinuation(c.Series, c.Vintage, c.Totals.Min(t => t.Month), c.Totals.Max(t => t.Month)) : null;
            reports.Add(report with
            {
                Continuation = used,
                Notes = [.. report.Notes.Select(n => used is null ? n : n.Replace($"{series} ({vintage.Vintage}) has data through",
                        $"{series} ({vintage.Vintage}), continued by {used.Series} ({used.Vintage}), has data through", StringComparison.Ordinal)),
                    .. used is null ? [] : new[] { $"from {used.From:yyyy-MM} to {used.Through:yyyy-MM}: category totals of {used.Series} ({used.Vintage}), with no product detail and no trade outside the categories" },
                    .. notEvaluated.Select(n => $"condition not evaluated: {n}")],
            });
        }

        return reports;
    }

    /// <summary>The name of the series of category totals that continues <paramref name="series"/> after its last month.</summary>
    public static string CategorySeriesOf(string series) => series + "-by-category";

    // Category totals from the month after the series' last one, when the store has a continuation series; each
    // code is a category's name, matched to the agreement's categories.
    private static (string Series, string Vintage, List<MonthlyTotal> Totals)? Continuation(
        ITradeStore store, Agreement agreement, string series, IReadOnlyList<MonthlyTotal> totals, TrackRequest request)
    {
        var next = CategorySeriesOf(series);
        if (store.Latest(next) is null || totals.Count == 0)
        {
            return null;
        }

        var vintage = Vintage(store, next, request.CategoryVintage);
        var last = totals.Max(t => t.Month);
        // A code is a category's name, matched whatever its case to the agreement's own spelling.
        var categories = agreement.Purchases.Select(p => p.Category).Distinct().ToDictionary(c => c, StringComparer.OrdinalIgnoreCase);
        var mapping = store.Codes(next, vintage.Vintage).ToDictionary(
            c => c, c => categories.TryGetValue(c, out var name) ? new AnnexLine("", "", name, "") : null, StringComparer.Ordinal);
        var after = store.MonthlyTotals(next, vintage.Vintage, mapping)
            .Where(t => t.Month > last).Select(t => t with { Subcategory = null }).ToList();
        return (next, vintage.Vintage, after);
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
