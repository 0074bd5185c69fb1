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
public sealed record EndMeasures(IReadOnlyList<string> MeasureIds, MeasureKind? Kind, DateOnly From, CountryCode? Importer = null) : ScenarioChange
{
    /// <summary>Also end every measure reported under these authorities (e.g. both IEEPA programmes, their exemptions included).</summary>
    public IReadOnlyList<TariffAuthority> Authorities { get; init; } = [];
}

/// <summary>
/// From a date, replaces a measure and every measure continuing it (see <see cref="MeasureLineage"/>) by one
/// open-ended measure at a new rate or status, or by nothing when <paramref name="Remove"/> is set. This is how a
/// tariff obligation ("List 4A at 7.5% from 2020-02-14") becomes a scenario: whatever the record did later on
/// that line gives way to the obligation.
/// </summary>
/// <param name="MeasureId">A measure of the line replaced.</param>
/// <param name="From">First entry date of the replacement.</param>
/// <param name="Rate">The new rate, or null to keep the template's.</param>
/// <param name="Status">The new status, or null for in force.</param>
/// <param name="NewId">Id of the replacement; null gives <c>{base id}@{from}</c>.</param>
/// <param name="Remove">End the line from <paramref name="From"/> with no replacement.</param>
/// <param name="LegalBase">Why the replacement exists, for quotes; null keeps the template's.</param>
public sealed record ReplaceMeasure(string MeasureId, DateOnly From, DutyRate? Rate, MeasureStatus? Status, string? NewId = null, bool Remove = false, string? LegalBase = null) : ScenarioChange;
