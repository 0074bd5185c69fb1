using System.Globalization;
using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Core.Agreements;

/// <summary>
/// A party's obligation on one tariff measure of the engine: from a date, the measure must be at a rate, suspended,
/// or removed. The measure is named by its id, never copied, so the obligation is checked against the schedule.
/// </summary>
public sealed record TariffObligation : Provision
{
    /// <summary>Id of the measure governed, or null when the measure is not in the shipped data.</summary>
    public string? Measure { get; init; }

    /// <summary>Why the measure is not in the data, when <see cref="Measure"/> is null.</summary>
    public string? OutsideData { get; init; }

    /// <summary>What the obligation requires.</summary>
    public required TariffRequirement Requires { get; init; }

    /// <summary>First day the requirement applies (entry date basis), or null when it counts from an event.</summary>
    public DateOnly? From { get; init; }

    /// <summary>The event the requirement starts on, when <see cref="From"/> is null (a draft not yet signed).</summary>
    public AgreementEvent? FromEvent { get; init; }

    /// <summary>
    /// The day the requirement expires (excluded), for a time-limited suspension or cut; null when it has no end.
    /// </summary>
    public DateOnly? Until { get; init; }

    /// <summary>What the texts say happens after <see cref="Until"/>: the requirement lapses, or they do not say.</summary>
    public AfterExpiry AfterExpiry { get; init; }

    /// <summary>
    /// Id of a later event (under <c>events</c>) that made the obligation moot, e.g. a ruling that ended the measure
    /// it governs; null when none did.
    /// </summary>
    public string? MootBy { get; init; }

    /// <summary>The first day, given the agreement's dates; null when the event has no date yet.</summary>
    public DateOnly? StartsOn(Agreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return From ?? (FromEvent == AgreementEvent.Signing ? agreement.Signed : agreement.EntryIntoForce);
    }

    /// <summary>E.g. "2020-02-14" or "signing".</summary>
    public string DescribeFrom() =>
        From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? FromEvent?.ToKebab() ?? "none";

    /// <inheritdoc/>
    public override string Kind => "tariff";

    /// <inheritdoc/>
    protected override IEnumerable<ProvisionField> OwnTerms()
    {
        yield return new("measure", Measure ?? $"none ({OutsideData})");
        yield return new("requires", Requires.ToString());
        yield return new("from", DescribeFrom());
        yield return new("until", Until is { } u ? $"{u:yyyy-MM-dd} (after it: {AfterExpiry.ToKebab()})" : "none");
        yield return new("mootBy", MootBy ?? "none");
    }
}

/// <summary>What happens to a time-limited requirement after it expires.</summary>
public enum AfterExpiry
{
    /// <summary>The texts do not say: the status after expiry is unknown.</summary>
    Unknown,

    /// <summary>The requirement simply ends.</summary>
    Lapses,
}

/// <summary>What a tariff obligation requires of its measure.</summary>
/// <param name="Kind">A rate, a suspension or a removal.</param>
/// <param name="Rate">The rate required when <paramref name="Kind"/> is <see cref="RequirementKind.Rate"/>.</param>
public sealed record TariffRequirement(RequirementKind Kind, DutyRate? Rate)
{
    /// <summary>The measure is suspended: announced but not applied.</summary>
    public static TariffRequirement Suspended { get; } = new(RequirementKind.Suspended, null);

    /// <summary>The measure is ended.</summary>
    public static TariffRequirement Removed { get; } = new(RequirementKind.Removed, null);

    /// <summary>The measure applies at <paramref name="rate"/>.</summary>
    public static TariffRequirement AtRate(DutyRate rate) => new(RequirementKind.Rate, rate);

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        RequirementKind.Rate => Rate!.Text,
        RequirementKind.Suspended => "suspended",
        _ => "removed",
    };
}

/// <summary>The kinds of tariff requirement.</summary>
public enum RequirementKind
{
    /// <summary>Applied at a given rate.</summary>
    Rate,

    /// <summary>Suspended: kept on the books, not applied.</summary>
    Suspended,

    /// <summary>Removed.</summary>
    Removed,
}
