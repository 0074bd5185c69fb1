using TradeAccord.Core.Common;

namespace TradeAccord.Core.Agreements;

/// <summary>
/// A condition tying provisions to something else: they hold only if it happens (conditional on), stop if it happens
/// (suspended by), are offered in exchange for it, or oblige the parties to consult when it happens. Structured, so
/// the tracker, the enforcement process and the negotiation analysis can evaluate it.
/// </summary>
public sealed record Linkage : Provision
{
    /// <summary>How the provisions depend on the trigger.</summary>
    public required LinkageKind Link { get; init; }

    /// <summary>Ids of the provisions it governs.</summary>
    public required IReadOnlyList<string> Governs { get; init; }

    /// <summary>What triggers it.</summary>
    public required Trigger Trigger { get; init; }

    /// <inheritdoc/>
    public override string Kind => "condition";

    /// <inheritdoc/>
    protected override IEnumerable<ProvisionField> OwnTerms()
    {
        yield return new("link", Link.ToKebab());
        yield return new("governs", string.Join(", ", Governs));
        yield return new("trigger", Trigger.ToString());
    }
}

/// <summary>How provisions depend on a trigger.</summary>
public enum LinkageKind
{
    /// <summary>The provisions hold only if the trigger holds.</summary>
    ConditionalOn,

    /// <summary>The provisions stop when the trigger happens.</summary>
    SuspendedBy,

    /// <summary>The provisions are offered in exchange for the trigger (negotiation linkage).</summary>
    ExchangedFor,

    /// <summary>The parties consult when the trigger happens; nothing stops by itself.</summary>
    ConsultIf,
}

/// <summary>
/// What a condition waits for: another provision (optionally in one of some forms), or an action of a party.
/// Exactly one of <paramref name="Provision"/> and <paramref name="Action"/> is set.
/// </summary>
/// <param name="Provision">Id of a provision that must hold.</param>
/// <param name="Forms">For a purchase provision: the forms that satisfy it (empty: any).</param>
/// <param name="Actor">The party whose action triggers it; null for either party or neither (an outside event).</param>
/// <param name="Action">The action.</param>
/// <param name="At">Where it was written.</param>
public sealed record Trigger(string? Provision, IReadOnlyList<CommitmentForm> Forms, CountryCode? Actor, TriggerAction? Action, Position At = default)
{
    /// <inheritdoc/>
    public override string ToString() => Provision is not null
        ? Forms.Count == 0 ? $"provision {Provision}" : $"provision {Provision} as {string.Join(" or ", Forms.Select(f => f.ToKebab()))}"
        : Actor is { } actor ? $"{actor} {Action!.Value.ToKebab()}" : Action!.Value.ToKebab();
}

/// <summary>Actions a condition can wait for.</summary>
public enum TriggerAction
{
    /// <summary>Raises tariffs on the other party's goods.</summary>
    RaisesTariffs,

    /// <summary>Fails to meet its obligations under the agreement.</summary>
    BreachesAgreement,

    /// <summary>Withdraws from the agreement.</summary>
    Withdraws,

    /// <summary>Escalates trade tensions (reported positions use this wider term).</summary>
    EscalatesTensions,

    /// <summary>The negotiation ends without an agreement.</summary>
    TalksFail,

    /// <summary>A natural disaster or other unforeseeable event outside the parties' control.</summary>
    UnforeseenEvent,
}
