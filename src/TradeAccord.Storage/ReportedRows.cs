using System.Data.Common;
using System.Globalization;
using TradeAccord.Core.Commitments;
using TradeAccord.Core.Common;

namespace TradeAccord.Storage;

/// <summary>Reported figures to and from the columns of <c>reported_figures</c>, all as text so nothing is rounded.</summary>
internal static class ReportedRows
{
    /// <summary>The columns after <c>line</c>, in the order of <see cref="Fields"/>.</summary>
    public const string Columns = "statistic, cumulation, figure, unit, period, span_start, span_end, as_of, as_of_text, measures, source, confidence, url, note";

    /// <summary>A figure's values for <see cref="Columns"/>.</summary>
    public static IEnumerable<string?> Fields(ReportedFigure f) =>
    [
        f.Statistic.ToKebab(), f.Cumulation.ToKebab(), f.Figure.ToString(CultureInfo.InvariantCulture), f.Unit, f.Period,
        Day(f.Span.Start), Day(f.Span.End), Day(f.AsOf), f.AsOfText, f.Measures, f.Source, f.Confidence.ToKebab(), f.Url, f.Note,
    ];

    /// <summary>Reads rows of <c>line</c> then <see cref="Columns"/>.</summary>
    public static List<ReportedFigure> Read(DbDataReader reader)
    {
        var figures = new List<ReportedFigure>();
        while (reader.Read())
        {
            figures.Add(new ReportedFigure(reader.GetInt32(0), Kebab<Statistic>(reader.GetString(1)), Kebab<Cumulation>(reader.GetString(2)),
                decimal.Parse(reader.GetString(3), NumberStyles.Float, CultureInfo.InvariantCulture), reader.GetString(4), reader.GetString(5),
                new DateInterval(Parse(reader.GetString(6)), Parse(reader.GetString(7))), Parse(reader.GetString(8)), reader.GetString(9),
                reader.GetString(10), reader.GetString(11), Kebab<Confidence>(reader.GetString(12)), reader.GetString(13),
                reader.IsDBNull(14) ? null : reader.GetString(14)));
        }

        return figures;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Parse(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static T Kebab<T>(string text)
        where T : struct, Enum =>
        KebabCase.TryParse<T>(text, out var value) ? value : throw new FormatException($"'{text}' is not a {typeof(T).Name}");
}
