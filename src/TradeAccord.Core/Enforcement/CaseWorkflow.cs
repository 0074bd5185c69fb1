using TradeAccord.Core.Agreements;
using TradeAccord.Core.Common;

namespace TradeAccord.Core.Enforcement;

/// <summary>The outcome of asking for an action: the event to append, or a refusal with what is permitted instead.</summary>
/// <param name="Event">The event to append (sealed), or null when refused.</param>
/// <param name="Refusal">Why the action was refused.</param>
/// <param name="Permitted">The actions permitted in the current stage on that date.</param>
/// <param name="RecordedRefusal">Whether the event records a refusal the process prescribes (a counter-measure rejected).</param>
public sealed record Step(CaseEvent? Event, string? Refusal, IReadOnlyList<StageAction> Permitted, bool RecordedRefusal = false);

/// <summary>
/// Runs cases on an agreement's process template: which stage a case is in (from its log), which actions are
/// permitted now, which deadlines apply, and what event an action produces. Nothing here knows Chapter 7: change the
/// template and the process changes.
/// </summary>
public sealed class CaseWorkflow
{
    /// <summary>The event that opens every case.</summary>
    public const string AppealFiled = "appeal-filed";

    /// <summary>The event recorded when a counter-measure is refused because the process does not allow one.</summary>
    public const string CounterResponseRejected = "counter-response-rejected";

    private readonly Dictionary<string, EnforcementStage> _stages;

    /// <summary>Creates the workflow of <paramref name="process"/>.</summary>
    public CaseWorkflow(EnforcementProcess process)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (process.Stages.Count == 0)
        {
            throw new ArgumentException($"the process '{process.Id}' has no stages", nameof(process));
        }

        Process = process;
        _stages = process.Stages.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    /// <summary>The template.</summary>
    public EnforcementProcess Process { get; }

    /// <summary>The stage <paramref name="id"/>.</summary>
    public EnforcementStage Stage(string id) => _stages[id];

    /// <summary>The first event of a case: the appeal, which puts the case in the first stage.</summary>
    public CaseEvent Open(CaseHeader header, string headerJson)
    {
        ArgumentNullException.ThrowIfNull(header);
        return CaseChain.Seal(header.Id, new CaseEvent(1, AppealFiled, header.Opened, header.Complainant, "", Process.Stages[0].Id,
            header.Summary, headerJson, CaseChain.Genesis, ""));
    }

    /// <summary>The stage a case is in: where its last event left it.</summary>
    public static string StageOf(IReadOnlyList<CaseEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Count == 0 ? throw new ArgumentException("a case has at least its appeal", nameof(events)) : events[^1].ToStage;
    }

    /// <summary>
    /// The deadlines in force: each time limit whose starting stage the case has entered, for a stage it has not
    /// yet left, while the case is open.
    /// </summary>
    public IReadOnlyList<Deadline> Deadlines(IReadOnlyList<CaseEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (_stages[StageOf(events)].IsFinal)
        {
            return [];
        }

        var deadlines = new List<Deadline>();
        foreach (var stage in Process.Stages.Where(s => s.TimeLimit is not null))
        {
            var limit = stage.TimeLimit!;
            var entered = events.LastOrDefault(e => e.ToStage == limit.After && e.FromStage != limit.After);
            var left = events.Any(e => e.FromStage == stage.Id && e.ToStage != stage.Id);
            if (entered is not null && !left)
            {
                deadlines.Add(new Deadline(stage.Id, limit.Basis.Add(entered.At, limit.Days), limit.Confirmed, limit.Basis == DayBasis.Working));
            }
        }

        return deadlines;
    }

    /// <summary>Whether a deadline in force has passed on <paramref name="at"/>.</summary>
    public bool IsOverdue(IReadOnlyList<CaseEvent> events, DateOnly at) =>
        Deadlines(events).Any(d => at > d.Due && !_stages[d.Stage].Actions.Any(a => a.When == ActionTiming.AfterDeadline));

    /// <summary>The actions of the current stage that timing permits on <paramref name="at"/>.</summary>
    public IReadOnlyList<StageAction> Permitted(IReadOnlyList<CaseEvent> events, DateOnly at)
    {
        var stage = _stages[StageOf(events)];
        var due = Deadlines(events).FirstOrDefault(d => d.Stage == stage.Id)?.Due;
        return [.. stage.Actions.Where(a => a.When switch
        {
            ActionTiming.BeforeDeadline => due is null || at <= due,
            ActionTiming.AfterDeadline => due is not null && at >= due,
            _ => true,
        })];
    }

    /// <summary>The event that taking <paramref name="actionId"/> produces, or why it is refused.</summary>
    /// <param name="header">The case.</param>
    /// <param name="events">Its log so far.</param>
    /// <param name="actionId">The action.</param>
    /// <param name="by">Who takes it; may be omitted when only one party can.</param>
    /// <param name="at">The date.</param>
    /// <param name="note">Free text.</param>
    /// <param name="data">Structured detail (a response's terms).</param>
    public Step Advance(CaseHeader header, IReadOnlyList<CaseEvent> events, string actionId, CountryCode? by, DateOnly at, string? note = null, string? data = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(events);
        var current = _stages[StageOf(events)];
        var permitted = Permitted(events, at);
        if (current.IsFinal)
        {
            return new(null, $"the case is closed ({current.Id}: {current.Title}): no action is possible", []);
        }

        if (at < events[^1].At)
        {
            return new(null, $"{at:yyyy-MM-dd} is before the last event ({events[^1].Kind} on {events[^1].At:yyyy-MM-dd}): events are recorded in date order", permitted);
        }

        var action = current.Actions.FirstOrDefault(a => a.Id == actionId);
        if (action is null)
        {
            return new(null, $"'{actionId}' is not an action of stage {current.Id}", permitted);
        }

        if (!permitted.Contains(action))
        {
            var due = Deadlines(events).First(d => d.Stage == current.Id).Due;
            return new(null, action.When == ActionTiming.AfterDeadline
                ? $"'{actionId}' is possible from {due:yyyy-MM-dd}, when the time limit of {current.Id} has passed"
                : $"'{actionId}' was possible until {due:yyyy-MM-dd}, when the time limit of {current.Id} passed", permitted);
        }

        var actor = Actor(header, action.By, by);
        if (!actor.TryGetValue(out var who))
        {
            return new(null, actor.Error, permitted);
        }

        if (action.Response && data is null)
        {
            return new(null, $"'{actionId}' is a responsive action: it is recorded with its terms, as a response", permitted);
        }

        var previous = events[^1];
        if (action.CounterMeasure && !Process.CounterMeasuresAllowed)
        {
            var rejected = new CaseEvent(previous.Sequence + 1, CounterResponseRejected, at, who, current.Id, current.Id,
                $"counter-measures are not allowed under {Process.Id}: the remedy against a response taken in bad faith is withdrawal" + (note is null ? "" : $"; {note}"),
                data, previous.Hash, "");
            return new(CaseChain.Seal(header.Id, rejected), null, permitted, RecordedRefusal: true);
        }

        var e = new CaseEvent(previous.Sequence + 1, action.Id, at, who, current.Id, action.To, note, data, previous.Hash, "");
        return new(CaseChain.Seal(header.Id, e), null, permitted);
    }

    // Who takes an action: the role's party, checked against the one named.
    private static Result<CountryCode?> Actor(CaseHeader header, ProcessRole role, CountryCode? by)
    {
        CountryCode? required = role switch
        {
            ProcessRole.ComplainingParty => header.Complainant,
            ProcessRole.PartyComplainedAgainst => header.Respondent,
            _ => null,
        };
        if (by is { } named && named != header.Complainant && named != header.Respondent)
        {
            return Result<CountryCode?>.Fail($"{named} is not a party to this case: expected {header.Complainant} or {header.Respondent}");
        }

        if (required is { } r && by is { } b && b != r)
        {
            return Result<CountryCode?>.Fail($"only the {role.ToKebab()} ({r}) may take this action, not {b}");
        }

        if (role == ProcessRole.EitherParty && by is null)
        {
            return Result<CountryCode?>.Fail($"either party may take this action: say which with --by {header.Complainant} or --by {header.Respondent}");
        }

        return Result<CountryCode?>.Ok(required ?? by);
    }
}
