using System.Globalization;
using TradeAccord.App.Requests;
using TradeAccord.Core.Commitments;
using TradeAccord.Core.Errors;
using TradeAccord.Sources;
using TradeAccord.Sources.Agreements;
using TradeAccord.Sources.References;
using TradeAccord.Storage;

namespace TradeAccord.App.Tracking;

/// <summary>
/// Purchases against an agreement's commitments, as either host asks: <see cref="Run"/> checks every field at once,
/// then tracks. The closed sets (window, weights) arrive as enums bound by each host's own converter.
/// </summary>
/// <param name="Year">Calendar year, or the agreement year that starts in it.</param>
/// <param name="Years">Years the window runs (1 to 10).</param>
/// <param name="Through">Last month counted, yyyy-MM.</param>
/// <param name="Window">Calendar or agreement years.</param>
/// <param name="Weights">How a year's target is spread over its months.</param>
/// <param name="Series">Series to track (none: every series the commitments name that has monthly data).</param>
/// <param name="Vintage">Data vintage (null: each series' latest).</param>
/// <param name="CategoryVintage">Vintage of the category totals that continue a series (null: the latest).</param>
/// <param name="Agreement">The agreement.</param>
/// <param name="Scenario">The tariff scenario conditions are evaluated on (null: the record).</param>
public sealed record TrackQuery(int? Year, int? Years, string? Through, TrackWindow Window, TargetWeights Weights, IReadOnlyList<string> Series,
    string? Vintage, string? CategoryVintage, DocumentRef Agreement, DocumentRef? Scenario)
{
    /// <summary>Checks the query (every problem at once, named in <paramref name="style"/>), then tracks on <paramref name="store"/>.</summary>
    /// <exception cref="ValidationException">One or more fields are wrong.</exception>
    /// <exception cref="OutsideDataException">The window is outside the store's data.</exception>
    public IReadOnlyList<TrackReport> Run(ITradeStore store, ScheduleLoader loader, FieldStyle style)
    {
        var last = Check(loader, style);
        var agreement = AgreementFiles.ReadValid(loader, Agreement);
        var options = new TrackOptions(Year!.Value, last, Window, Weights, Years ?? 1);
        return TradeData.Track(store, agreement, loader.AgreementContext, new TrackRequest(Series, Vintage, options, loader.Load(Scenario).Set, CategoryVintage));
    }

    /// <summary>
    /// For an agreement whose commitments are in physical units and measured by reported figures: those commitments
    /// against every statistic measuring them over the calendar years asked; null when the agreement has none.
    /// </summary>
    /// <exception cref="ValidationException">One or more fields are wrong.</exception>
    public ReportedTrackReport? RunReported(ITradeStore store, ScheduleLoader loader, FieldStyle style)
    {
        Check(loader, style);
        var agreement = AgreementFiles.ReadValid(loader, Agreement);
        var start = new DateOnly(Year!.Value, 1, 1);
        return ReportedTracking.Track(store, agreement, new(start, start.AddYears(Years ?? 1)), Vintage);
    }

    // Every field at once, in the host's spelling; the last month counted, when given.
    private DateOnly? Check(ScheduleLoader loader, FieldStyle style)
    {
        ArgumentNullException.ThrowIfNull(loader);
        var fields = new Fields(style);
        if (Year is not (>= 1990 and <= 2100))
        {
            fields.Problem("year", Year is null ? "is required: expected a year such as 2020" : $"{Year} is not valid: expected a year such as 2020");
        }

        if (Years is not (null or (>= 1 and <= 10)))
        {
            fields.Problem("years", $"{Years} is not valid: expected 1 to 10 (2 for the whole of phase one)");
        }

        DateOnly? last = null;
        if (Through is not null)
        {
            if (DateOnly.TryParseExact(Through + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            {
                last = month;
            }
            else
            {
                fields.Problem("through", $"'{Through}' is not a month: expected yyyy-MM");
            }
        }

        if (!Enum.IsDefined(Window))
        {
            fields.Problem("window", "is not valid: expected calendar or agreement");
        }

        if (!Enum.IsDefined(Weights))
        {
            fields.Problem("weights", "is not valid: expected seasonal or even");
        }

        fields.ThrowIfInvalid();
        return last;
    }
}
