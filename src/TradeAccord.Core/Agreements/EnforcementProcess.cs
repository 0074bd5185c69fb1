using TradeAccord.Core.Common;

namespace TradeAccord.Core.Agreements;

/// <summary>
/// How the agreement is enforced: the stages a dispute goes through, who acts at each, the time limits, the
/// responses allowed at the end, and how a party leaves. The enforcement workflow runs cases on this template.
/// </summary>
public sealed record EnforcementProcess : Provision
{
    /// <summary>The body that receives complaints.</summary>
    public required string Office { get; init; }

    /// <summary>What is kept confidential, and from whom.</summary>
    public required string Confidentiality { get; init; }

    /// <summary>The stages, first one first.</summary>
    public required IReadOnlyList<EnforcementStage> Stages { get; init; }

    /// <summary>The responses allowed when a dispute is not resolved.</summary>
    public IReadOnlyList<EnforcementResponse> Responses { get; init; } = [];

    /// <summary>Whether the party complained against may answer a response with measures of its own.</summary>
    public required bool CounterMeasuresAllowed { get; init; }

    /// <summary>How a party leaves the agreement, if the process provides for it.</summary>
    public Withdrawal? Withdrawal { get; init; }

    /// <inheritdoc/>
    public override string Kind => "enforcement";

    /// <inheritdoc/>
    protected override IEnumerable<ProvisionField> OwnTerms()
    {
        yield return new("office", Office);
        yield return new("stages", string.Join(" → ", Stages.Select(s => s.Id)));
        foreach (var stage in Stages)
        {
            yield return new($"stages.{stage.Id}", $"{stage.Actor.ToKebab()} ({stage.Level}); {stage.TimeLimit?.ToString() ?? "no time limit"}; "
                + (stage.IsFinal ? "final" : string.Join(", ", stage.Actions.Select(a => $"{a.Id} by {a.By.ToKebab()} → {a.To}"))));
        }

        yield return new("responses", Responses.Count == 0 ? "none" : string.Join(", ", Responses.Select(r => r.Id)));
        foreach (var response in Responses)
        {
            yield return new($"responses.{response.Id}", response.ToString());
        }

        yield return new("counterMeasures", CounterMeasuresAllowed ? "allowed" : "not allowed");
        yield return new("withdrawal", Withdrawal?.ToString() ?? "none");
        yield return new("confidentiality", Confidentiality);
    }
}

/// <summary>
/// One stage (state) of a dispute, and the actions that leave it. A stage without actions ends the case. The first
/// stage is where a case starts when the appeal is filed.
/// </summary>
/// <param name="Id">Short id, unique in the process.</param>
/// <param name="Title">What happens.</param>
/// <param name="Actor">Who is expected to act.</param>
/// <param name="Level">At what level (office, officials).</param>
/// <param name="TimeLimit">How long it may take, if limited.</param>
/// <param name="Actions">The actions that may be taken in this stage.</param>
/// <param name="At">Where it was written.</param>
public sealed record EnforcementStage(string Id, string Title, ProcessRole Actor, string Level, TimeLimit? TimeLimit, IReadOnlyList<StageAction> Actions, Position At = default)
{
    /// <summary>Stages that may follow.</summary>
    public IReadOnlyList<string> Next => [.. Actions.Select(a => a.To).Where(t => t != Id).Distinct()];

    /// <summary>Whether a case in this stage is over.</summary>
    public bool IsFinal => Actions.Count == 0;
}

/// <summary>An action a party may take in a stage, and the stage it leads to.</summary>
/// <param name="Id">Action name, as given to <c>accord case advance --action</c>; also the event recorded.</param>
/// <param name="Title">What it means.</param>
/// <param name="By">Who may take it.</param>
/// <param name="To">The stage it leads to (the same stage for an action that only records, such as a meeting held).</param>
/// <param name="When">Whether it depends on the stage's time limit having passed.</param>
/// <param name="Response">Whether it is the responsive action (its terms come from the process's responses).</param>
/// <param name="CounterMeasure">Whether it is a counter-measure against a response (refused when they are not allowed).</param>
public sealed record StageAction(string Id, string Title, ProcessRole By, string To, ActionTiming When = ActionTiming.Any, bool Response = false, bool CounterMeasure = false);

/// <summary>When an action may be taken relative to its stage's time limit.</summary>
public enum ActionTiming
{
    /// <summary>At any time.</summary>
    Any,

    /// <summary>Only before the time limit passes.</summary>
    BeforeDeadline,

    /// <summary>Only once the time limit has passed.</summary>
    AfterDeadline,
}

/// <summary>Who acts in a dispute.</summary>
public enum ProcessRole
{
    /// <summary>The party that complains.</summary>
    ComplainingParty,

    /// <summary>The party complained against.</summary>
    PartyComplainedAgainst,

    /// <summary>Both, together (either may record it).</summary>
    BothParties,

    /// <summary>Either party, alone.</summary>
    EitherParty,
}

/// <summary>
/// A time limit: a number of days counted from the start of a stage. <paramref name="Confirmed"/> is false when the
/// figure is not read from the primary text (reported by officials or the press), and <paramref name="Note"/> says
/// where it comes from.
/// </summary>
/// <param name="Days">Number of days.</param>
/// <param name="Basis">Calendar or working days.</param>
/// <param name="After">Id of the stage it counts from.</param>
/// <param name="Confirmed">Whether it is read from the primary text.</param>
/// <param name="Note">Where it comes from, when not confirmed.</param>
/// <param name="At">Where it was written.</param>
public sealed record TimeLimit(int Days, DayBasis Basis, string After, bool Confirmed, string? Note, Position At = default)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{Days} {Basis.ToKebab()} days after {After}{(Confirmed ? "" : " (unconfirmed)")}";
}

/// <summary>A response the process allows when a dispute is not resolved.</summary>
/// <param name="Id">Short id.</param>
/// <param name="Title">What it is.</param>
/// <param name="By">Who may take it.</param>
/// <param name="Kind">Suspension of an obligation, a remedial measure, or withdrawal.</param>
/// <param name="Proportionate">Whether it must be proportionate.</param>
/// <param name="AfterStage">The stage after which it is allowed.</param>
/// <param name="At">Where it was written.</param>
public sealed record EnforcementResponse(string Id, string Title, ProcessRole By, ResponseKind Kind, bool Proportionate, string AfterStage, Position At = default)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{By.ToKebab()} may {Kind.ToKebab()}{(Proportionate ? " (proportionate)" : "")} after {AfterStage}";
}

/// <summary>Kinds of response to an unresolved dispute.</summary>
public enum ResponseKind
{
    /// <summary>Suspend an obligation of the agreement.</summary>
    SuspendObligation,

    /// <summary>Adopt a remedial measure, such as a tariff.</summary>
    RemedialMeasure,

    /// <summary>Raise tariffs as a penalty fixed in advance ("snapback").</summary>
    Snapback,
}

/// <summary>How a party leaves the agreement.</summary>
/// <param name="By">Who may withdraw.</param>
/// <param name="NoticeDays">Written notice required, in days, if known.</param>
/// <param name="Confirmed">Whether the notice period is read from the primary text.</param>
/// <param name="When">In what circumstances (e.g. a response taken in bad faith).</param>
/// <param name="Note">Where the figure comes from, when not confirmed.</param>
public sealed record Withdrawal(string By, int? NoticeDays, bool Confirmed, string When, string? Note)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{By}, {(NoticeDays is { } d ? $"{d} days' written notice" : "notice not stated")}{(Confirmed ? "" : " (unconfirmed)")}; {When}";
}
