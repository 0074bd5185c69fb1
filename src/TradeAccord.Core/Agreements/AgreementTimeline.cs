using TradeAccord.Core.Common;

namespace TradeAccord.Core.Agreements;

/// <summary>A dated event of an agreement.</summary>
/// <param name="Date">When.</param>
/// <param name="What">What happens.</param>
/// <param name="Provision">The provision it belongs to, if any.</param>
/// <param name="Approximate">Whether the date is approximate (working days counted without public holidays).</param>
public sealed record TimelineEvent(DateOnly Date, string What, string? Provision, bool Approximate = false);

/// <summary>A time limit counted from an event of a dispute, which has no date until a case opens.</summary>
/// <param name="What">The limit, e.g. "consultations: 30 calendar days after appeal".</param>
/// <param name="Provision">The provision it belongs to.</param>
/// <param name="Confirmed">Whether it is read from the primary text.</param>
public sealed record RelativeEvent(string What, string Provision, bool Confirmed);

/// <summary>An agreement's events in order: dated ones, then time limits that count from events of a case.</summary>
/// <param name="Dated">Dated events, earliest first.</param>
/// <param name="Relative">Time limits of the enforcement process.</param>
/// <param name="Undated">Events that cannot be dated (a draft without an entry-into-force date).</param>
public sealed record AgreementTimeline(IReadOnlyList<TimelineEvent> Dated, IReadOnlyList<RelativeEvent> Relative, IReadOnlyList<string> Undated)
{
    /// <summary>The timeline of <paramref name="agreement"/>.</summary>
    public static AgreementTimeline Of(Agreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var dated = new List<TimelineEvent>();
        var undated = new List<string>();
        if (agreement.Signed is { } signed)
        {
            dated.Add(new(signed, "signed", null));
        }

        if (agreement.EntryIntoForce is { } inForce)
        {
            dated.Add(new(inForce, "enters into force", null));
        }

        foreach (var tariff in agreement.Tariffs)
        {
            var measure = tariff.Measure ?? "measure not in data";
            var what = $"{tariff.Party}: {tariff.Title} ({measure}: {tariff.Requires})";
            if (tariff.StartsOn(agreement) is { } from)
            {
                dated.Add(new(from, what, tariff.Id));
            }
            else
            {
                undated.Add($"{what}, from {tariff.DescribeFrom()} [{tariff.Id}]");
            }
        }

        foreach (var purchase in agreement.Purchases)
        {
            foreach (var target in purchase.Targets)
            {
                dated.Add(new(target.Period.Start, $"{purchase.Party}: {purchase.Category} target period {target.Year} begins ({target.Describe()} {purchase.Unit})", purchase.Id));
                dated.Add(new(target.Period.LastDay!.Value, $"{purchase.Party}: {purchase.Category} target period {target.Year} ends", purchase.Id));
            }
        }

        foreach (var structural in agreement.Structural)
        {
            foreach (var milestone in structural.Milestones)
            {
                var what = $"{structural.Party}: due: {milestone.Action} (status {milestone.Status.ToKebab()})";
                if (milestone.Due.Resolve(agreement) is { } due)
                {
                    dated.Add(new(due, what, structural.Id, milestone.Due.IsApproximate));
                }
                else
                {
                    undated.Add($"{what}, {milestone.Due.Describe()} [{structural.Id}]");
                }
            }
        }

        var relative = new List<RelativeEvent>();
        if (agreement.Enforcement is { } process)
        {
            foreach (var stage in process.Stages.Where(s => s.TimeLimit is not null))
            {
                relative.Add(new($"{stage.Title}: {stage.TimeLimit}", process.Id, stage.TimeLimit!.Confirmed));
            }

            // The notice period is usually also the time limit of the stage a notice opens (the workflow runs on that
            // one): listed once.
            if (process.Withdrawal is { NoticeDays: not null } withdrawal
                && !process.Stages.Any(s => s.TimeLimit is { } limit && limit.Days == withdrawal.NoticeDays && s.Actions.Any(a => a.When == ActionTiming.AfterDeadline)))
            {
                relative.Add(new($"withdrawal takes effect {withdrawal.NoticeDays} days after written notice", process.Id, withdrawal.Confirmed));
            }
        }

        return new([.. dated.OrderBy(e => e.Date)], relative, undated);
    }
}
