using TradeAccord.App.Requests;
using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources;
using TradeAccord.Sources.References;

namespace TradeAccord.App.Tariffs;

/// <summary>Lines covered per heading on a date, as either host asks: <see cref="Run"/> checks every field at once.</summary>
/// <param name="Date">The date, yyyy-MM-dd.</param>
/// <param name="Importer">The importing country (US default).</param>
/// <param name="Scenario">The scenario (null: the record).</param>
public sealed record ScheduleStatsQuery(string? Date, string? Importer, DocumentRef? Scenario)
{
    /// <summary>The schedule, the importer and the date, or every problem at once, named in <paramref name="style"/>.</summary>
    /// <exception cref="Core.Errors.ValidationException">One or more fields are wrong.</exception>
    public (TariffSchedule Schedule, CountryCode Importer, DateOnly Date) Run(ScheduleLoader loader, FieldStyle style)
    {
        ArgumentNullException.ThrowIfNull(loader);
        var fields = new Fields(style);
        var date = fields.Date("date", Date);
        var importer = fields.Country("importer", Importer ?? "US");
        fields.ThrowIfInvalid();
        return (loader.Load(Scenario), importer, date);
    }
}
