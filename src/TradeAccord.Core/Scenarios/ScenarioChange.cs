using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Core.Scenarios;

/// <summary>One change a scenario makes to the measures, from a date.</summary>
public abstract record ScenarioChange
{
    /// <summary>Where the change was written (file:line), for error messages.</summary>
    public string Origin { get; init; } = "";
}

/// <summary>Adds a new measure.</summary>
/// <param name="Measure">The measure added.</param>
public sealed record AddMeasure(Measure Measure) : ScenarioChange;

/// <summary>
/// Changes a measure's rate or status from a date: the measure ends the day before, and a copy with the change
/// (id <paramref name="NewId"/>) runs from <paramref name="From"/> to the original end. A change from the measure's
/// own start date changes it whole and keeps its id.
/// </summary>
/// <param name="MeasureId">The measure changed.</param>
/// <param name="From">First entry date of the change.</param>
/// <param name="Rate">The new rate, or null to keep it.</param>
/// <param name="Status">The new status, or null to keep it.</param>
/// <param name="NewId">Id of the changed part; null gives <c>{id}@{from}</c>.</param>
public sealed record ChangeMeasure(string MeasureId, DateOnly From, DutyRate? Rate, MeasureStatus? Status, string? NewId) : ScenarioChange;

/// <summary>Ends measures from a date: those named, or every measure of a kind (of one importer, if given).</summary>
/// <param name="MeasureIds">Measures to end (empty when <paramref name="Kind"/> selects them).</param>
/// <param name="Kind">Ends every measure of this kind, if set.</param>
/// <param name="From">First entry date without them.</param>
/// <param name="Importer">Limits <paramref name="Kind"/> to this importer's measures, if set.</param>
public sealed record EndMeasures(IReadOnlyList<string> MeasureIds, MeasureKind? Kind, DateOnly From, CountryCode? Importer = null) : ScenarioChange;
