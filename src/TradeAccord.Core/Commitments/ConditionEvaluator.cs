using TradeAccord.Core.Agreements;
using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Core.Commitments;

/// <summary>
/// Finds when an agreement's conditions suspend its purchase commitments, from the tariff schedule: a commitment
/// "suspended by" the other party raising tariffs is suspended from the first day a tariff of that party on the
/// first party's goods goes up; one "conditional on" a tariff obligation is suspended from the first month the
/// obligation is broken. Triggers the data cannot show (an unforeseen event, talks failing) are listed, not guessed.
/// </summary>
public static class ConditionEvaluator
{
    private static readonly MeasureKind[] TariffKinds = [MeasureKind.Section301, MeasureKind.Retaliation];

    /// <summary>The suspensions in [<paramref name="from"/>, <paramref name="to"/>], and the conditions not evaluated.</summary>
    public static IReadOnlyList<Suspension> Suspensions(Agreement agreement, MeasureSet baseline, MeasureSet schedule, DateOnly from, DateOnly to, out IReadOnlyList<string> notEvaluated)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(schedule);
        var suspensions = new List<Suspension>();
        var skipped = new List<string>();
        foreach (var condition in agreement.Conditions)
        {
            var governed = condition.Governs.Where(id => agreement.Find(id) is PurchaseCommitment).ToList();
            if (governed.Count == 0 || condition.Link is LinkageKind.ExchangedFor or LinkageKind.ConsultIf)
            {
                continue;
            }

            var start = condition.Link switch
            {
                LinkageKind.SuspendedBy when condition.Trigger.Action is TriggerAction.RaisesTariffs or TriggerAction.EscalatesTensions
                    => FirstIncrease(schedule, condition.Trigger.Actor, agreement, from, to),
                LinkageKind.ConditionalOn when condition.Trigger.Provision is { } id && agreement.Find(id) is TariffObligation
                    => FirstBreach(agreement, id, baseline, schedule, from, to),
                _ => null,
            };
            if (start is null && !Evaluable(condition))
            {
                skipped.Add($"{condition.Id} ({condition.Link.ToKebab()} {condition.Trigger}): the data cannot show this trigger");
                continue;
            }

            if (start is { } s)
            {
                suspensions.AddRange(governed.Select(g => new Suspension(g, s.Date, condition.Id, s.Reason)));
            }
        }

        notEvaluated = skipped;
        return suspensions;
    }

    private static bool Evaluable(Linkage condition) =>
        condition.Link == LinkageKind.SuspendedBy && condition.Trigger.Action is TriggerAction.RaisesTariffs or TriggerAction.EscalatesTensions
        || condition.Link == LinkageKind.ConditionalOn && condition.Trigger.Provision is not null;

    // The first day in the window a tariff of the actor (on the other party's goods) starts or goes up.
    private static (DateOnly Date, string Reason)? FirstIncrease(MeasureSet schedule, CountryCode? actor, Agreement agreement, DateOnly from, DateOnly to)
    {
        var candidates = schedule.Measures
            .Where(m => TariffKinds.Contains(m.Kind) && m.Status == MeasureStatus.InForce && (actor is null || m.Importer == actor))
            .Where(m => m.Validity.Start >= from && m.Validity.Start <= to)
            .Where(m => agreement.Parties.Any(p => p.Code != m.Importer && m.Origins.Includes(p.Code)))
            .OrderBy(m => m.Validity.Start);
        foreach (var measure in candidates)
        {
            var before = schedule.Measures.Where(p => MeasureLineage.Continues(measure, p) && p.Status == MeasureStatus.InForce && p.Validity.Contains(measure.Validity.Start.AddDays(-1))).ToList();
            var previous = before.Select(p => p.Rate?.AdValorem ?? 0m).DefaultIfEmpty(0m).Max();
            if ((measure.Rate?.AdValorem ?? decimal.MaxValue) > previous)
            {
                return (measure.Validity.Start, $"{measure.Importer} {measure.Title} ({measure.Id}) at {measure.Rate?.Text ?? "its rates"} from {measure.Validity.Start:yyyy-MM-dd}");
            }
        }

        return null;
    }

    private static (DateOnly Date, string Reason)? FirstBreach(Agreement agreement, string obligationId, MeasureSet baseline, MeasureSet schedule, DateOnly from, DateOnly to)
    {
        var only = agreement with { Tariffs = [.. agreement.Tariffs.Where(t => t.Id == obligationId)] };
        for (var day = from; day <= to; day = day.AddMonths(1))
        {
            var check = TariffCheck.Run(only, baseline, schedule, day).Single();
            if (check.Verdict == Verdict.Broken)
            {
                return (day, $"{obligationId} broken on {day:yyyy-MM-dd}: {check.Reason}");
            }
        }

        return null;
    }
}
