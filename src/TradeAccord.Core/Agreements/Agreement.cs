using TradeAccord.Core.Common;

namespace TradeAccord.Core.Agreements;

/// <summary>
/// An agreement, signed or draft, as data: its parties and dates, its documents and data series, and its provisions.
/// A draft (a side's position) has the same shape, so two drafts can be compared provision by provision.
/// </summary>
public sealed record Agreement
{
    /// <summary>Short id, e.g. "us-china-phase-one".</summary>
    public required string Id { get; init; }

    /// <summary>Full title.</summary>
    public required string Title { get; init; }

    /// <summary>Signed, or a draft.</summary>
    public required AgreementStatus Status { get; init; }

    /// <summary>For a draft: the party whose position it is.</summary>
    public CountryCode? PositionOf { get; init; }

    /// <summary>What the file describes, when it needs saying (e.g. "as reported in November 2019").</summary>
    public string? Description { get; init; }

    /// <summary>The parties.</summary>
    public required IReadOnlyList<Party> Parties { get; init; }

    /// <summary>Date of signing, if signed.</summary>
    public DateOnly? Signed { get; init; }

    /// <summary>Date of entry into force, if known.</summary>
    public DateOnly? EntryIntoForce { get; init; }

    /// <summary>For an amendment or addition: the id of the agreement it adds to.</summary>
    public string? Amends { get; init; }

    /// <summary>Later events that bear on the provisions (a ruling, an order ending measures).</summary>
    public IReadOnlyList<LaterEvent> Events { get; init; } = [];

    /// <summary>The documents provisions cite.</summary>
    public IReadOnlyList<AgreementDocument> Documents { get; init; } = [];

    /// <summary>The data series that measure commitments.</summary>
    public IReadOnlyList<DataSeries> Series { get; init; } = [];

    /// <summary>Phases: covered here or deferred.</summary>
    public IReadOnlyList<Phase> Phases { get; init; } = [];

    /// <summary>Chapters and articles.</summary>
    public IReadOnlyList<Chapter> Chapters { get; init; } = [];

    /// <summary>Tariff obligations.</summary>
    public IReadOnlyList<TariffObligation> Tariffs { get; init; } = [];

    /// <summary>Purchase commitments.</summary>
    public IReadOnlyList<PurchaseCommitment> Purchases { get; init; } = [];

    /// <summary>Structural commitments.</summary>
    public IReadOnlyList<StructuralCommitment> Structural { get; init; } = [];

    /// <summary>Conditions and linkage between provisions and actions.</summary>
    public IReadOnlyList<Linkage> Conditions { get; init; } = [];

    /// <summary>The enforcement process, if any.</summary>
    public EnforcementProcess? Enforcement { get; init; }

    /// <summary>Every provision, in file order by section.</summary>
    public IEnumerable<Provision> Provisions =>
        Tariffs.Cast<Provision>().Concat(Purchases).Concat(Structural).Concat(Conditions)
            .Concat(Enforcement is null ? [] : [Enforcement]);

    /// <summary>The provision with <paramref name="id"/>, or null.</summary>
    public Provision? Find(string id) => Provisions.FirstOrDefault(p => p.Id == id);
}

/// <summary>A dated event after the agreement that bears on its provisions, e.g. a ruling that ended the measures an obligation governs.</summary>
/// <param name="Id">Id, unique among the events.</param>
/// <param name="Title">What happened.</param>
/// <param name="Date">The day it happened.</param>
/// <param name="Source">The document that records it.</param>
public sealed record LaterEvent(string Id, string Title, DateOnly Date, SourceRef? Source);

/// <summary>Whether an agreement is signed or a draft.</summary>
public enum AgreementStatus
{
    /// <summary>Signed by the parties.</summary>
    Signed,

    /// <summary>A draft or a side's position.</summary>
    Draft,
}
