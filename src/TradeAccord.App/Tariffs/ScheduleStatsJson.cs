using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.App.Tariffs;

/// <summary>The JSON of <c>accord schedule stats --format json</c> and GET /api/schedule/stats.</summary>
public static class ScheduleStatsJson
{
    /// <summary>Lines covered per chapter 99 heading of <paramref name="schedule"/> on <paramref name="date"/>, with the sources read.</summary>
    public static object Of(TariffSchedule schedule, CountryCode importer, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new
        {
            importer = importer.Value,
            date = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            scenario = schedule.Name,
            sources = schedule.Sources.Select(s => new { s.Name, s.File, s.Version }),
            headings = ScheduleStatistics.On(schedule, importer, date).Select(c => new
            {
                heading = c.Heading, title = c.Title, measures = c.MeasureIds, status = StatusText(c.Status), lines8 = c.Lines8, lines10 = c.Lines10,
            }),
        };
    }

    /// <summary>A measure's status in words.</summary>
    public static string StatusText(MeasureStatus status) => status switch
    {
        MeasureStatus.InForce => "in force",
        MeasureStatus.Suspended => "suspended",
        _ => "proposed",
    };
}
