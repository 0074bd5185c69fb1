using System.Globalization;
using TradeAccord.Core.Common;

namespace TradeAccord.Core.Agreements;

/// <summary>A rule a party undertakes (intellectual property, technology transfer, ...), with checkable milestones.</summary>
public sealed record StructuralCommitment : Provision
{
    /// <summary>The policy area.</summary>
    public required StructuralArea Area { get; init; }

    /// <summary>The commitment in a sentence.</summary>
    public required string Summary { get; init; }

    /// <summary>Actions due by a date.</summary>
    public IReadOnlyList<Milestone> Milestones { get; init; } = [];

    /// <inheritdoc/>
    public override string Kind => "structural";

    /// <inheritdoc/>
    protected override IEnumerable<ProvisionField> OwnTerms()
    {
        yield return new("area", Area.ToKebab());
        yield return new("summary", Summary);
        if (Milestones.Count == 0)
        {
            yield return new("milestones", "none");
        }

        for (var i = 0; i < Milestones.Count; i++)
        {
            var m = Milestones[i];
            yield return new($"milestones.{i + 1}", $"{m.Action}; due {m.Due.Describe()}; status {m.Status.ToKebab()}");
        }
    }
}

/// <summary>The policy areas of structural commitments.</summary>
public enum StructuralArea
{
    /// <summary>Intellectual property.</summary>
    IntellectualProperty,

    /// <summary>Technology transfer.</summary>
    TechnologyTransfer,

    /// <summary>Trade in food and agricultural products (rules, not purchases).</summary>
    Agriculture,

    /// <summary>Financial services and market opening.</summary>
    FinancialServices,

    /// <summary>Exchange rates and transparency.</summary>
    Currency,

    /// <summary>Cross-border data flows.</summary>
    DataFlows,

    /// <summary>Export controls (rare earths, critical minerals, end-user rules).</summary>
    ExportControls,

    /// <summary>Narcotics and their precursors (fentanyl).</summary>
    Narcotics,

    /// <summary>Joint institutions (boards, committees).</summary>
    Institutions,

    /// <summary>Retaliatory measures other than tariffs (entity lists, investigations, sanctions).</summary>
    Countermeasures,
}

/// <summary>An action due by a date, and whether it was done.</summary>
/// <param name="Action">What must be done.</param>
/// <param name="Due">When.</param>
/// <param name="Status">Its status as of the file's date.</param>
/// <param name="At">Where it was written.</param>
public sealed record Milestone(string Action, DueDate Due, MilestoneStatus Status, Position At = default);

/// <summary>The status of a milestone.</summary>
public enum MilestoneStatus
{
    /// <summary>Not yet assessed in this file.</summary>
    Unassessed,

    /// <summary>Not yet due.</summary>
    Pending,

    /// <summary>Done on time.</summary>
    Met,

    /// <summary>Done late or not at all by the due date.</summary>
    Missed,
}

/// <summary>
/// When something is due: a date, or a number of days after an event of the agreement (entry into force,
/// signing). Working days count Monday to Friday; public holidays are not known to the engine, so such a date is
/// marked approximate.
/// </summary>
/// <param name="Date">A fixed date, or null when relative.</param>
/// <param name="Days">Days after <paramref name="After"/>, when relative.</param>
/// <param name="Basis">Calendar or working days.</param>
/// <param name="After">The event counted from.</param>
public sealed record DueDate(DateOnly? Date, int Days = 0, DayBasis Basis = DayBasis.Calendar, AgreementEvent After = AgreementEvent.EntryIntoForce)
{
    /// <summary>The date, given the agreement's event dates; null when the event has no date (an unsigned draft).</summary>
    public DateOnly? Resolve(Agreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        if (Date is { } fixedDate)
        {
            return fixedDate;
        }

        var start = After == AgreementEvent.Signing ? agreement.Signed : agreement.EntryIntoForce;
        return start is { } s ? Basis.Add(s, Days) : null;
    }

    /// <summary>Whether the resolved date ignores holidays.</summary>
    public bool IsApproximate => Date is null && Basis == DayBasis.Working;

    /// <summary>E.g. "2020-04-01" or "30 working days after entry-into-force".</summary>
    public string Describe() => Date is { } d
        ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : $"{Days} {Basis.ToKebab()} days after {After.ToKebab()}";
}

/// <summary>Whether time limits count every day or working days only.</summary>
public enum DayBasis
{
    /// <summary>Every day.</summary>
    Calendar,

    /// <summary>Monday to Friday (public holidays not excluded).</summary>
    Working,
}

/// <summary>Dated events of an agreement that time limits count from.</summary>
public enum AgreementEvent
{
    /// <summary>Signing.</summary>
    Signing,

    /// <summary>Entry into force.</summary>
    EntryIntoForce,
}

/// <summary>Date arithmetic by day basis.</summary>
public static class DayBasisExtensions
{
    /// <summary>The date <paramref name="days"/> days after <paramref name="start"/> on this basis.</summary>
    public static DateOnly Add(this DayBasis basis, DateOnly start, int days)
    {
        if (basis == DayBasis.Calendar)
        {
            return start.AddDays(days);
        }

        var date = start;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                counted++;
            }
        }

        return date;
    }
}
