using TradeAccord.Core.Agreements;
using TradeAccord.Core.Common;

namespace TradeAccord.Sources.Agreements;

public sealed partial class AgreementReader
{
    private StructuralCommitment? ReadStructural(Node item)
    {
        item.OnlyKeys([.. ProvisionKeys, "area", "summary", "milestones"]);
        var common = ReadCommon(item);
        var area = item.Enum<StructuralArea>("area", required: true);
        var summary = item.String("summary", required: true);
        var milestones = item.Items("milestones").Select(ReadMilestone).OfType<Milestone>().ToList();
        return common is not { } c || area is null || summary is null
            ? null
            : new StructuralCommitment
            {
                Id = c.Id, Title = c.Title, Party = c.Party, Evidence = c.Evidence, Source = c.Source, Note = c.Note, At = item.At,
                Area = area.Value, Summary = summary, Milestones = milestones,
            };
    }

    private Milestone? ReadMilestone(Node item)
    {
        item.OnlyKeys("action", "due", "dueWithin", "status");
        var action = item.String("action", required: true, "what must be done");
        var status = item.Enum<MilestoneStatus>("status", required: true);
        DueDate? due = null;
        if (item.Get("due") is not null)
        {
            if (item.Date("due") is { } date)
            {
                due = new DueDate(date);
                if (_signed is { } signed && date < signed)
                {
                    item.Get("due")!.Report(Rules.DateOrder, $"{date:yyyy-MM-dd} is before signing ({signed:yyyy-MM-dd}): expected a due date on or after it");
                }
            }
        }
        else if (item.Mapping("dueWithin", required: false, "days, basis and after") is { } within)
        {
            within.OnlyKeys("days", "basis", "after");
            var days = within.Int("days", required: true, 1, 3650);
            var basis = within.Enum<DayBasis>("basis", required: true);
            var after = within.Enum<AgreementEvent>("after", required: true);
            if (days is not null && basis is not null && after is not null)
            {
                due = new DueDate(null, days.Value, basis.Value, after.Value);
            }
        }
        else
        {
            item.Report(Rules.MissingField, "due: is required: expected due (a date) or dueWithin (days after an event)");
        }

        return action is null || status is null || due is null ? null : new Milestone(action, due, status.Value, item.At);
    }

    private Linkage? ReadCondition(Node item)
    {
        item.OnlyKeys([.. ProvisionKeys, "link", "governs", "trigger"]);
        var common = ReadCommon(item, partyRequired: false);
        var party = item.Get("party") is null ? null : ReadParty(item, "party", required: false);
        var link = item.Enum<LinkageKind>("link", required: true);
        var governs = item.Values("governs", required: true);
        foreach (var id in governs)
        {
            _provisionRefs.Add((id, id.Text!));
        }

        var trigger = item.Mapping("trigger", required: true, "a provision, or a party and an action") is { } t ? ReadTrigger(t) : null;
        return common is not { } c || link is null || trigger is null || governs.Count == 0
            ? null
            : new Linkage
            {
                Id = c.Id, Title = c.Title, Party = party, Evidence = c.Evidence, Source = c.Source, Note = c.Note, At = item.At,
                Link = link.Value, Governs = [.. governs.Select(g => g.Text!)], Trigger = trigger,
            };
    }

    private Trigger? ReadTrigger(Node node)
    {
        node.OnlyKeys("provision", "forms", "party", "action");
        var provision = node.String("provision");
        if (provision is not null)
        {
            _provisionRefs.Add((node.Get("provision")!, provision));
            if (node.Get("action") is not null)
            {
                node.Get("action")!.Report(Rules.InvalidValue, "is given with provision: expected a provision, or a party and an action");
            }

            var forms = new List<CommitmentForm>();
            foreach (var form in node.Values("forms"))
            {
                if (KebabCase.TryParse<CommitmentForm>(form.Text, out var f))
                {
                    forms.Add(f);
                }
                else
                {
                    form.Report(Rules.InvalidValue, $"'{form.Text}' is not a form: expected one of {string.Join(", ", KebabCase.Names<CommitmentForm>())}");
                }
            }

            return new Trigger(provision, forms, null, null, node.At);
        }

        var action = node.Enum<TriggerAction>("action", required: true);
        var actor = node.String("party") is "either" or null ? null : ReadParty(node, "party", required: false);
        if (node.Get("forms") is not null)
        {
            node.Get("forms")!.Report(Rules.InvalidValue, "forms apply to a provision trigger: expected provision with forms, or no forms");
        }

        return action is null ? null : new Trigger(null, [], actor, action, node.At);
    }

    // Forms narrow a trigger on a purchase commitment; on anything else they cannot be met.
    private void CheckConditionForms(Agreement agreement)
    {
        foreach (var condition in agreement.Conditions)
        {
            if (condition.Trigger is { Provision: { } id, Forms.Count: > 0 } && agreement.Find(id) is { } target and not PurchaseCommitment)
            {
                _problems.Add(new Diagnostic(_file, condition.Trigger.At.Line, condition.Trigger.At.Column, Rules.InvalidValue,
                    $"conditions.{condition.Id}.trigger.forms", $"'{id}' is a {target.Kind} provision: expected forms only on a purchase commitment"));
            }
        }
    }
}
