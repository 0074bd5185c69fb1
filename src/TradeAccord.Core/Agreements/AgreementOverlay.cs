using TradeAccord.Core.Scenarios;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Core.Agreements;

/// <summary>
/// Turns an agreement's tariff obligations into a scenario: from each obligation's date, its measure's line is
/// replaced by what the obligation requires. A proposal on the table can then be priced on real entries like any
/// other scenario.
/// </summary>
public static class AgreementOverlay
{
    /// <summary>The scenario of <paramref name="agreement"/>; obligations on measures outside the data are skipped and listed.</summary>
    /// <param name="agreement">The agreement or draft.</param>
    /// <param name="name">Scenario name.</param>
    /// <param name="skipped">Obligations that could not be turned into changes, with why.</param>
    public static Scenario ToScenario(Agreement agreement, string name, out IReadOnlyList<string> skipped)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var changes = new List<ScenarioChange>();
        var notApplied = new List<string>();
        foreach (var obligation in agreement.Tariffs)
        {
            if (obligation.Measure is null)
            {
                notApplied.Add($"{obligation.Id}: measure not in data ({obligation.OutsideData})");
                continue;
            }

            if (obligation.StartsOn(agreement) is not { } from)
            {
                notApplied.Add($"{obligation.Id}: starts on {obligation.DescribeFrom()}, which the draft does not date");
                continue;
            }

            var legalBase = $"{agreement.Title}, {obligation.Title}{(obligation.Source is { } s ? $" ({s})" : "")}";
            changes.Add(new ReplaceMeasure(
                obligation.Measure,
                from,
                obligation.Requires.Rate,
                obligation.Requires.Kind == RequirementKind.Suspended ? MeasureStatus.Suspended : null,
                Remove: obligation.Requires.Kind == RequirementKind.Removed,
                LegalBase: legalBase) { Origin = $"{agreement.Id}: {obligation.Id}" });
        }

        skipped = notApplied;
        var description = $"The tariff obligations of {agreement.Title}"
                          + (agreement.PositionOf is { } party ? $" as {party} proposed it" : "")
                          + ", applied from their dates.";
        return new Scenario(name, description, changes);
    }
}
