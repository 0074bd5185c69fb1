using System.Globalization;
using System.Text.RegularExpressions;
using TradeAccord.Core.Commitments;
using TradeAccord.Core.Common;
using TradeAccord.Sources.Csv;

namespace TradeAccord.Sources.Trade;

/// <summary>
/// Reads a file of reported figures (<c>date, period, figure, unit, measures, data_source_as_reported, source_url,
/// source_title, note</c>, e.g. data/trade/soybean_purchases_2025-2026_reported.csv): one figure a row, each classed
/// by the statistic it counts and by how it adds up, from the words of its row. Rows that state a commitment rather
/// than measure one are left out (the agreement file holds the commitments).
/// </summary>
public static partial class ReportedFigureReader
{
    /// <summary>Whether the file's header is that of reported figures (it has <c>measures</c> and <c>data_source_as_reported</c>).</summary>
    public static bool IsReported(string path)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? "";
        return header.Contains("measures", StringComparison.Ordinal) && header.Contains("data_source_as_reported", StringComparison.Ordinal);
    }

    /// <summary>The figures of the file, in file order.</summary>
    /// <exception cref="SourceException">A row's date, period or figure cannot be read (naming its line and column).</exception>
    public static IReadOnlyList<ReportedFigure> Read(string path, string displayName)
    {
        var figures = new List<ReportedFigure>();
        foreach (var row in CsvTable.Read(path, displayName, "date", "period", "figure", "unit", "measures", "data_source_as_reported", "source_url", "note"))
        {
            var measures = row["measures"];
            if (measures.StartsWith("Chinese commitment", StringComparison.Ordinal))
            {
                continue;
            }

            var (asOf, asOfText) = AsOf(row);
            var (cumulation, span) = Period(row, asOf);
            var source = row["data_source_as_reported"];
            var note = row["note"];
            figures.Add(new ReportedFigure(row.Line, StatisticOf(row, measures, source), cumulation, row.Decimal("figure"), row["unit"], row["period"], span,
                asOf, asOfText, measures, source, ConfidenceOf(measures, source, note), row["source_url"], note.Length == 0 ? null : note));
        }

        return figures;
    }

    // Arrivals first: a row from "Chinese import data" counts arrivals whatever word it uses. Sales contracts before
    // shipments: "export commitments (sales)" are purchases, not exports.
    private static Statistic StatisticOf(CsvRow row, string measures, string source)
    {
        var words = measures.ToLowerInvariant();
        if (words.Contains("import", StringComparison.Ordinal) || source.Contains("import data", StringComparison.Ordinal))
        {
            return Statistic.Arrivals;
        }

        if (PurchaseWords().IsMatch(words))
        {
            return Statistic.Purchases;
        }

        if (ExportWords().IsMatch(words))
        {
            return Statistic.Exports;
        }

        throw row.Error("measures", $"'{measures}' names no statistic: expected imports, purchases (sales, bookings) or exports (shipments)");
    }

    private static Confidence ConfidenceOf(string measures, string source, string note)
    {
        if (note.Contains("weak", StringComparison.OrdinalIgnoreCase))
        {
            return Confidence.Weak;
        }

        if (measures.Contains("statement", StringComparison.Ordinal) || source.Contains("Secretary", StringComparison.Ordinal))
        {
            return Confidence.Statement;
        }

        return source.StartsWith("traders", StringComparison.Ordinal) || source.StartsWith("analysts", StringComparison.Ordinal)
            ? Confidence.Estimate
            : Confidence.Official;
    }

    private static (DateOnly Day, string Text) AsOf(CsvRow row)
    {
        var text = row["date"];
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return (Dated(row, "date", day, text), text);
        }

        // Only the month is known: the first of it, so that a dated figure of the same month counts as later.
        return (Month(row, "date", text), text);
    }

    private static (Cumulation, DateInterval) Period(CsvRow row, DateOnly asOf)
    {
        var text = row["period"];
        var untilAsOf = asOf.AddDays(1); // a date of the years Dated allows, so never the last day DateOnly holds
        if (MonthPattern().IsMatch(text))
        {
            var month = Month(row, "period", text);
            return (Cumulation.Month, Span(row, month, month.AddMonths(1)));
        }

        if (MonthRange().Match(text) is { Success: true } range)
        {
            return (Cumulation.ToDate, Span(row, Month(row, "period", range.Groups[1].Value), Month(row, "period", range.Groups[2].Value).AddMonths(1)));
        }

        if (YearPattern().IsMatch(text))
        {
            var year = Year(row, text);
            return (Cumulation.Whole, new(new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1)));
        }

        if (Since().Match(text) is { Success: true } since)
        {
            return (Cumulation.Since, Span(row, Day(row, since.Groups[1].Value), untilAsOf));
        }

        if (MarketingYear().Match(text) is { Success: true } my)
        {
            // The U.S. soybean marketing year starts on 1 September; an explicit range or end day narrows it.
            var start = new DateOnly(Year(row, my.Groups[1].Value), 9, 1);
            var rest = my.Groups[2].Value;
            if (DayRange().Match(rest) is { Success: true } days)
            {
                return (Cumulation.ToDate, Span(row, Day(row, days.Groups[1].Value), Day(row, days.Groups[2].Value).AddDays(1)));
            }

            return (Cumulation.ToDate, Span(row, start, To().Match(rest) is { Success: true } to ? Day(row, to.Groups[1].Value).AddDays(1) : untilAsOf));
        }

        // A statement on the pledge "for late 2025" speaks of the pledge's own period, the last two months of the year.
        if (LateYear().Match(text) is { Success: true } late)
        {
            var year = Year(row, late.Groups[1].Value);
            return (Cumulation.Whole, new(new DateOnly(year, 11, 1), new DateOnly(year + 1, 1, 1)));
        }

        throw row.Error("period", $"'{text}' is not a period: expected yyyy-MM, yyyy-MM..yyyy-MM, yyyy, since yyyy-MM-dd or MYyyyy/yy");
    }

    private static DateOnly Month(CsvRow row, string column, string text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? Dated(row, column, month, text)
            : throw row.Error(column, $"'{text}' is not a date: expected yyyy-MM-dd or yyyy-MM");

    private static DateOnly Day(CsvRow row, string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? Dated(row, "period", day, text)
            : throw row.Error("period", $"'{text}' is not a date: expected yyyy-MM-dd");

    private static int Year(CsvRow row, string text) => int.Parse(text, CultureInfo.InvariantCulture) is var year and >= 1990 and <= 2100
        ? year
        : throw row.Error("period", $"'{text}' is out of range: expected a year from 1990 to 2100");

    // Reported figures speak of trade since 1990, as the trade files do; the bounds also keep a period's end, a day
    // or a month after its last, a date (9999-12-31 has no day after it).
    private static DateOnly Dated(CsvRow row, string column, DateOnly date, string text) =>
        date.Year is >= 1990 and <= 2100 ? date : throw row.Error(column, $"'{text}' is out of range: expected a date from 1990 to 2100");

    private static DateInterval Span(CsvRow row, DateOnly start, DateOnly end) =>
        end > start ? new DateInterval(start, end) : throw row.Error("period", $"'{row["period"]}' ends before it starts: expected a period running forward");

    [GeneratedRegex(@"purchase|booked|commitments \(sales\)|completed")]
    private static partial Regex PurchaseWords();

    [GeneratedRegex(@"export|shipment|sales")]
    private static partial Regex ExportWords();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}$")]
    private static partial Regex MonthPattern();

    [GeneratedRegex(@"^([0-9]{4}-[0-9]{2})\.\.([0-9]{4}-[0-9]{2})$")]
    private static partial Regex MonthRange();

    [GeneratedRegex(@"^[0-9]{4}$")]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"^since ([0-9]{4}-[0-9]{2}-[0-9]{2})$")]
    private static partial Regex Since();

    [GeneratedRegex(@"^MY([0-9]{4})/[0-9]{2}(.*)$")]
    private static partial Regex MarketingYear();

    [GeneratedRegex(@"([0-9]{4}-[0-9]{2}-[0-9]{2})\.\.([0-9]{4}-[0-9]{2}-[0-9]{2})")]
    private static partial Regex DayRange();

    [GeneratedRegex(@"to ([0-9]{4}-[0-9]{2}-[0-9]{2})")]
    private static partial Regex To();

    [GeneratedRegex(@"^commitment for late ([0-9]{4})$")]
    private static partial Regex LateYear();
}
