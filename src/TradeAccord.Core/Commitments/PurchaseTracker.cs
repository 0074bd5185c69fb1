using TradeAccord.Core.Agreements;
using TradeAccord.Core.Common;

namespace TradeAccord.Core.Commitments;

/// <summary>
/// Compares a series' monthly trade with an agreement's purchase commitments: per category, the baseline year's
/// trade, a target per month (the year's target spread evenly or by the baseline year's seasonal pattern), the
/// actual trade, and the projection to the end of the window. Months in which a commitment is suspended by one of
/// the agreement's conditions carry no target.
/// </summary>
public static class PurchaseTracker
{
    /// <summary>The subcategory shown for trade known only by category (totals that continue a series).</summary>
    public const string NoDetail = "(category totals, no product detail)";

    /// <summary>Tracks <paramref name="series"/> against <paramref name="agreement"/>.</summary>
    /// <param name="agreement">The agreement whose purchase commitments are tracked.</param>
    /// <param name="series">Id of the monthly series.</param>
    /// <param name="vintage">The vintage of <paramref name="monthly"/>.</param>
    /// <param name="monthly">The series' trade by month and covered category (null category: uncovered), every month available.</param>
    /// <param name="annual">Yearly figures by series id, for commitments without monthly data (services).</param>
    /// <param name="gaps">Annex codes that do not map onto the series' codes.</param>
    /// <param name="suspensions">Commitments suspended by conditions.</param>
    /// <param name="options">Year, window, weights and last month.</param>
    /// <exception cref="ArgumentException">The series has no data in the window.</exception>
    public static TrackReport Track(
        Agreement agreement, string series, string vintage, IReadOnlyList<MonthlyTotal> monthly,
        IReadOnlyDictionary<string, IReadOnlyList<AnnualFlow>> annual, IReadOnlyList<AnnexGap> gaps,
        IReadOnlyList<Suspension> suspensions, TrackOptions options)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(monthly);
        ArgumentNullException.ThrowIfNull(annual);
        ArgumentNullException.ThrowIfNull(options);
        var notes = new List<string>();
        var start = WindowStart(agreement, options, notes);
        if (options.Years < 1)
        {
            throw new ArgumentException($"a window of {options.Years} years: expected one or more", nameof(options));
        }

        var windowEnd = start.AddMonths(options.Months - 1);
        var lastData = monthly.Count == 0 ? DateOnly.MinValue : monthly.Max(m => m.Month);
        var through = Min(options.Through ?? windowEnd, windowEnd);
        if (through > lastData)
        {
            notes.Add($"{series} ({vintage}) has data through {lastData:yyyy-MM}: months after it are not counted");
            through = lastData;
        }

        if (through < start)
        {
            throw new ArgumentException($"{series} ({vintage}) has no data from {start:yyyy-MM}: its last month is {lastData:yyyy-MM}", nameof(monthly));
        }

        var byCategory = monthly.Where(m => m.Category is not null).ToLookup(m => m.Category!, StringComparer.Ordinal);
        var categories = new List<CategoryProgress>();
        foreach (var commitment in agreement.Purchases)
        {
            var suspension = suspensions.Where(s => s.Provision == commitment.Id).OrderBy(s => s.From).FirstOrDefault();
            if (commitment.Products is null)
            {
                categories.Add(Annual(commitment, annual, options, notes));
                continue;
            }

            var rows = byCategory[commitment.Category].ToList();
            categories.Add(Monthly(commitment, rows, start, through, windowEnd, options.Weights, suspension));
            if (suspension is not null && suspension.From <= windowEnd.AddMonths(1).AddDays(-1))
            {
                notes.Add($"{commitment.Id} is suspended from {suspension.From:yyyy-MM-dd} by {suspension.Condition} ({suspension.Reason}): no target from that month");
            }
        }

        var counted = monthly.Where(m => m.Month >= start && m.Month <= through).ToList();
        var coverage = new CoverageReport(counted.Where(m => m.Category is not null).Sum(m => m.ValueUsd), counted.Where(m => m.Category is null).Sum(m => m.ValueUsd), gaps);
        // The total is over commitments with a numeric target; yearly figures (services) join it only over whole years,
        // since they cannot be prorated to the months counted.
        var whole = through == windowEnd;
        var inTotal = categories.Where(c => c.HasData && c.Progress.HasTarget && (c.Months.Count > 0 || whole)).ToList();
        foreach (var c in categories.Where(c => c.HasData && !inTotal.Contains(c)))
        {
            notes.Add(c.Progress.HasTarget
                ? $"{c.Name}: yearly figures, left out of the total until the window's last month is counted"
                : $"{c.Name}: no numeric target in force ({FormOf(agreement, c.Commitment)}): its trade is shown, not counted in the total");
        }

        var total = Progress.Sum(inTotal.Select(c => c.Progress));
        return new TrackReport(series, vintage, start, through, windowEnd, options, categories, total, coverage, notes);
    }

    private static string FormOf(Agreement agreement, string commitment) =>
        agreement.Find(commitment) is PurchaseCommitment p ? p.Form.ToKebab() : "none";

    private static DateOnly WindowStart(Agreement agreement, TrackOptions options, List<string> notes)
    {
        if (options.Window == TrackWindow.Calendar)
        {
            return new DateOnly(options.Year, 1, 1);
        }

        var inForce = agreement.EntryIntoForce ?? throw new ArgumentException($"{agreement.Id} has no entry-into-force date: an agreement-year window needs one", nameof(agreement));
        notes.Add($"agreement year from the month of entry into force ({inForce:yyyy-MM-dd}); each month's target is its calendar year's");
        return new DateOnly(options.Year, inForce.Month, 1);
    }

    private static CategoryProgress Monthly(
        PurchaseCommitment commitment, List<MonthlyTotal> rows, DateOnly start, DateOnly through, DateOnly windowEnd,
        TargetWeights weights, Suspension? suspension)
    {
        var byMonth = rows.GroupBy(r => r.Month).ToDictionary(g => g.Key, g => g.Sum(r => r.ValueUsd));
        var baselineYear = commitment.Baseline?.Year;
        var baselineByMonth = Enumerable.Range(1, 12).ToDictionary(m => m, m => baselineYear is { } y ? byMonth.GetValueOrDefault(new DateOnly(y, m, 1)) : 0m);
        var baselineYearTotal = baselineByMonth.Values.Sum();
        var months = new List<MonthProgress>();
        // Trade in months the commitment is suspended is shown month by month but not counted against the target.
        decimal cumulativeTarget = 0m, cumulativeActual = 0m, countedActual = 0m, fullTarget = 0m, baseline = 0m;
        var byYear = new Dictionary<int, decimal[]>();
        for (var month = start; month <= windowEnd; month = month.AddMonths(1))
        {
            var suspended = suspension is not null && month.AddMonths(1) > suspension.From;
            var target = suspended ? 0m : MonthTarget(commitment, month, weights, baselineByMonth, baselineYearTotal, byYear);
            fullTarget += target;
            if (month > through)
            {
                continue;
            }

            var actual = byMonth.GetValueOrDefault(month);
            cumulativeTarget += target;
            cumulativeActual += actual;
            countedActual += suspended ? 0m : actual;
            baseline += baselineByMonth[month.Month];
            months.Add(new MonthProgress(month, target, actual, cumulativeTarget, cumulativeActual, suspended));
        }

        var projected = cumulativeTarget == 0m ? countedActual : Math.Round(countedActual * fullTarget / cumulativeTarget, 0);
        var subcategories = Subcategories(rows, baselineYear, start, through);
        return new CategoryProgress(commitment.Category, commitment.Id, rows.Count > 0,
            new Progress(baseline, cumulativeTarget, countedActual, fullTarget, projected), baselineYearTotal, subcategories, months, suspension);
    }

    // Baseline and actual by subcategory: each month of the window is set against the same month of the baseline
    // year. Months known only as category totals (a continuation) form one line of their own, so no subcategory is
    // set against baseline months it has no data for.
    private static List<SubcategoryProgress> Subcategories(List<MonthlyTotal> rows, int? baselineYear, DateOnly start, DateOnly through)
    {
        var window = rows.Where(r => r.Month >= start && r.Month <= through).ToList();
        var totalsOnly = window.Where(r => r.Subcategory is null).Select(r => r.Month).ToHashSet();
        var baseline = rows.Where(r => baselineYear is { } y && r.Month.Year == y).ToLookup(r => r.Month.Month);
        var detailedMonths = new List<int>();
        var totalsMonths = new List<int>();
        for (var month = start; month <= through; month = month.AddMonths(1))
        {
            (totalsOnly.Contains(month) ? totalsMonths : detailedMonths).Add(month.Month);
        }

        var lines = rows.Where(r => r.Subcategory is not null).Select(r => r.Subcategory!).Distinct().Order(StringComparer.Ordinal)
            .Select(name => new SubcategoryProgress(name,
                detailedMonths.Sum(m => baseline[m].Where(r => r.Subcategory == name).Sum(r => r.ValueUsd)),
                window.Where(r => r.Subcategory == name).Sum(r => r.ValueUsd)))
            .ToList();
        if (totalsMonths.Count > 0)
        {
            lines.Add(new SubcategoryProgress(NoDetail, totalsMonths.Sum(m => baseline[m].Sum(r => r.ValueUsd)), window.Where(r => r.Subcategory is null).Sum(r => r.ValueUsd)));
        }

        return lines;
    }

    // The target of one month: the year's target spread over its months by weight, in whole cents that add up to
    // the year's target exactly (largest remainders get the odd cents).
    private static decimal MonthTarget(PurchaseCommitment commitment, DateOnly month, TargetWeights weights, Dictionary<int, decimal> baselineByMonth,
        decimal baselineYearTotal, Dictionary<int, decimal[]> byYear)
    {
        if (!byYear.TryGetValue(month.Year, out var months))
        {
            var target = commitment.Targets.FirstOrDefault(t => t.Year == month.Year);
            var scale = UnitScale(commitment.Unit);
            var yearTarget = target is null ? 0m
                : target.Measure == TargetMeasure.Increase ? baselineYearTotal + target.Minimum * scale : target.Minimum * scale;
            var monthWeights = Enumerable.Range(1, 12)
                .Select(m => weights == TargetWeights.Seasonal && baselineYearTotal > 0m ? baselineByMonth[m] : 1m).ToArray();
            byYear[month.Year] = months = Allocate(yearTarget, monthWeights);
        }

        return months[month.Month - 1];
    }

    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/>, in cents that sum to the total rounded to the cent.</summary>
    public static decimal[] Allocate(decimal total, IReadOnlyList<decimal> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var cents = Math.Round(total * 100m, MidpointRounding.AwayFromZero);
        var sum = weights.Sum();
        var exact = weights.Select(w => sum == 0m ? 0m : cents * w / sum).ToArray();
        var floors = exact.Select(Math.Floor).ToArray();
        var left = (int)(cents - floors.Sum());
        foreach (var i in Enumerable.Range(0, exact.Length).OrderByDescending(i => exact[i] - floors[i]).ThenBy(i => i).Take(left))
        {
            floors[i] += 1m;
        }

        return [.. floors.Select(c => c / 100m)];
    }

    private static CategoryProgress Annual(PurchaseCommitment commitment, IReadOnlyDictionary<string, IReadOnlyList<AnnualFlow>> annual, TrackOptions options, List<string> notes)
    {
        var figures = commitment.MeasuredBy.SelectMany(s => annual.GetValueOrDefault(s, [])).Where(f => f.Category == commitment.Category).ToList();
        var baselineYear = commitment.Baseline?.Year;
        var baseline = figures.Where(f => f.Year == baselineYear).Sum(f => f.ValueUsd);
        var years = Enumerable.Range(options.Year, options.Years).ToList();
        var actual = figures.Where(f => years.Contains(f.Year)).ToList();
        var targets = years.Select(y => commitment.Targets.FirstOrDefault(t => t.Year == y)).ToList();
        var missing = years.Where(y => actual.All(f => f.Year != y)).ToList();
        if (missing.Count > 0 || targets.Any(t => t is null) || (baselineYear is not null && figures.All(f => f.Year != baselineYear)))
        {
            notes.Add($"{commitment.Category}: no data. {commitment.Id} is measured by {string.Join(", ", commitment.MeasuredBy)}, which has no monthly series; "
                      + $"import yearly figures (CSV header year,category,value_usd) for {baselineYear} and {string.Join(", ", years)} into the series {commitment.MeasuredBy.FirstOrDefault()}");
            return new CategoryProgress(commitment.Category, commitment.Id, false, new Progress(0m, 0m, 0m, 0m, 0m), 0m, [], [], null);
        }

        notes.Add($"{commitment.Category}: yearly figures, compared with the full-year target");
        var target = targets.Sum(t => (t!.Measure == TargetMeasure.Increase ? baseline : 0m) + t.Minimum * UnitScale(commitment.Unit));
        var value = actual.Sum(f => f.ValueUsd);
        return new CategoryProgress(commitment.Category, commitment.Id, true, new Progress(baseline * years.Count, target, value, target, value), baseline, [], [], null);
    }

    /// <summary>US dollars per unit of a commitment's figures ("USD billion" → 1e9).</summary>
    public static decimal UnitScale(string unit) => unit switch
    {
        "USD billion" => 1_000_000_000m,
        "USD million" => 1_000_000m,
        "USD" => 1m,
        _ => throw new ArgumentException($"'{unit}' is not a unit the tracker knows: expected USD, USD million or USD billion", nameof(unit)),
    };

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
