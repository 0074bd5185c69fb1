using System.Globalization;
using TradeAccord.Core.Commitments;
using TradeAccord.Sources.Csv;

namespace TradeAccord.Sources.Trade;

/// <summary>One release of a year-to-date series: the months it knew of, each with its trade by category.</summary>
/// <param name="LatestMonth">The last month the release included (first day of it).</param>
/// <param name="Flows">Monthly trade by category from the first month through <paramref name="LatestMonth"/>; the code is the category's name.</param>
public sealed record YearToDateRelease(DateOnly LatestMonth, IReadOnlyList<TradeFlow> Flows);

/// <summary>
/// Reads a file of successive year-to-date releases by category, one row per release: <c>vintage_latest_month</c>,
/// <c>period_start</c>, <c>period_end</c> (yyyy-MM) and one column per category. A month's trade is the difference
/// between the year-to-date totals of its own release and the release before, so each release carries what was
/// known when it came out, and the latest month of a release also absorbs the revisions of earlier ones.
/// </summary>
public static class YearToDateReader
{
    /// <summary>Reads every release of <paramref name="path"/>; <paramref name="categories"/> maps a column to the category it holds.</summary>
    /// <exception cref="SourceException">
    /// A row is malformed: a month that is not yyyy-MM, a release out of order or missing, a period that does not run
    /// from the first release's month to its own, an amount that is not a number, a total lower than the release before.
    /// </exception>
    public static IReadOnlyList<YearToDateRelease> Read(string path, string displayName, IReadOnlyDictionary<string, string> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var columns = categories.Keys.ToArray();
        var releases = new List<YearToDateRelease>();
        var monthly = new List<TradeFlow>();
        Dictionary<string, decimal>? previous = null;
        DateOnly start = default;
        foreach (var row in CsvTable.Read(path, displayName, ["vintage_latest_month", "period_start", "period_end", .. columns], []))
        {
            var latest = Month(row, "vintage_latest_month");
            if (previous is null)
            {
                start = Month(row, "period_start");
                if (latest != start)
                {
                    throw row.Error("vintage_latest_month", $"'{row["vintage_latest_month"]}' is not the period's first month: expected the first release to hold {start:yyyy-MM} only");
                }
            }
            else if (latest != releases[^1].LatestMonth.AddMonths(1))
            {
                throw row.Error("vintage_latest_month", $"'{row["vintage_latest_month"]}' does not follow {releases[^1].LatestMonth:yyyy-MM}: expected one release a month, in order");
            }

            if (Month(row, "period_start") != start || Month(row, "period_end") != latest)
            {
                throw row.Error("period_end", $"{row["period_start"]} to {row["period_end"]}: expected {start:yyyy-MM} to {latest:yyyy-MM}, the year to the release's month");
            }

            var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var (column, category) in categories)
            {
                var total = Amount(row, column);
                var month = total - (previous?.GetValueOrDefault(column) ?? 0m);
                if (month < 0m)
                {
                    throw row.Error(column, $"{total} is below the previous release's {previous![column]}: expected year-to-date totals that do not fall");
                }

                totals[column] = total;
                monthly.Add(new TradeFlow(latest, category, month));
            }

            previous = totals;
            releases.Add(new YearToDateRelease(latest, [.. monthly]));
        }

        return releases;
    }

    private static DateOnly Month(CsvRow row, string column) =>
        DateOnly.TryParseExact(row[column] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year is >= 1990 and <= 2100
            ? month
            : throw row.Error(column, $"'{row[column]}' is not a month: expected yyyy-MM from 1990 to 2100");

    private static decimal Amount(CsvRow row, string column) => TradeAmount.Parse(row, column);
}
