using TradeAccord.Core.Agreements;
using TradeAccord.Core.Common;

namespace TradeAccord.Sources.Agreements;

public sealed partial class AgreementReader
{
    private EnforcementProcess? ReadEnforcement(Node node)
    {
        node.OnlyKeys([.. ProvisionKeys, "office", "confidentiality", "stages", "responses", "counterMeasures", "withdrawal"]);
        var common = ReadCommon(node, partyRequired: false);
        var office = node.String("office", required: true, "the body that receives complaints");
        var confidentiality = node.String("confidentiality", required: true, "what is kept confidential");
        var counter = node.String("counterMeasures", required: true, "allowed or not-allowed");
        if (counter is not (null or "allowed" or "not-allowed"))
        {
            node.Get("counterMeasures")!.Report(Rules.InvalidValue, $"'{counter}' is not valid: expected allowed or not-allowed");
        }

        var stageNodes = node.Items("stages", required: true);
        var stageIds = new Dictionary<string, Position>(StringComparer.Ordinal);
        foreach (var stage in stageNodes)
        {
            if (stage.String("id") is { } id && !stageIds.TryAdd(id, stage.At))
            {
                stage.Get("id")!.Report(Rules.DuplicateId, $"'{id}' is already a stage (line {stageIds[id].Line}): expected stage ids unique");
            }
        }

        var stages = stageNodes.Select(s => ReadStage(s, stageIds)).OfType<EnforcementStage>().ToList();
        var responses = node.Items("responses").Select(r => ReadResponse(r, stageIds)).OfType<EnforcementResponse>().ToList();
        var withdrawal = node.Mapping("withdrawal") is { } w ? ReadWithdrawal(w) : null;
        // The workflow ends an agreement on the time limit of the stage a notice opens; a different noticeDays would
        // make the file say one thing and the cases do another.
        if (withdrawal is { NoticeDays: { } notice } && node.Mapping("withdrawal")?.Get("noticeDays") is { } noticeNode)
        {
            foreach (var stage in stages.Where(s => s.TimeLimit is { } l && l.After == s.Id && l.Days != notice && s.Actions.Any(a => a.When == ActionTiming.AfterDeadline)))
            {
                noticeNode.Report(Rules.Inconsistent, $"{notice} days disagrees with the time limit of stage {stage.Id} ({stage.TimeLimit!.Days} days), which cases run on: expected the same number");
            }
        }

        return common is not { } c || office is null || confidentiality is null || counter is not ("allowed" or "not-allowed")
            ? null
            : new EnforcementProcess
            {
                Id = c.Id, Title = c.Title, Evidence = c.Evidence, Source = c.Source, Note = c.Note, At = node.At,
                Office = office, Confidentiality = confidentiality, Stages = stages, Responses = responses,
                CounterMeasuresAllowed = counter == "allowed", Withdrawal = withdrawal,
            };
    }

    private static EnforcementStage? ReadStage(Node item, Dictionary<string, Position> stageIds)
    {
        item.OnlyKeys("id", "title", "actor", "level", "timeLimit", "actions");
        var id = item.Identifier("id", required: true);
        var title = item.String("title", required: true);
        var actor = item.Enum<ProcessRole>("actor", required: true);
        var level = item.String("level", required: true, "who acts, e.g. designated officials");
        TimeLimit? limit = null;
        if (item.Mapping("timeLimit", required: false, "days, basis, after and confirmed") is { } t)
        {
            t.OnlyKeys("days", "basis", "after", "confirmed", "note");
            var days = t.Int("days", required: true, 1, 3650);
            var basis = t.Enum<DayBasis>("basis", required: true);
            var after = StageRef(t, "after", stageIds, required: true);
            var confirmed = t.Bool("confirmed", required: true);
            var note = t.String("note");
            if (confirmed == false && note is null)
            {
                t.Report(Rules.MissingField, "note: is required when a time limit is not confirmed: expected where the figure comes from");
            }

            if (days is not null && basis is not null && after is not null && confirmed is not null)
            {
                limit = new TimeLimit(days.Value, basis.Value, after, confirmed.Value, note, t.At);
            }
        }

        var actions = new List<StageAction>();
        foreach (var node in item.Items("actions"))
        {
            if (ReadAction(node, stageIds) is { } action)
            {
                if (actions.Any(a => a.Id == action.Id))
                {
                    node.Get("id")!.Report(Rules.DuplicateId, $"'{action.Id}' is already an action of this stage: expected action ids unique in a stage");
                }

                if (action.When != ActionTiming.Any && limit is null)
                {
                    node.Get("when")!.Report(Rules.InvalidValue, $"'{action.When.ToKebab()}' needs a time limit on the stage: expected timeLimit, or when: any");
                }

                actions.Add(action);
            }
        }

        return id is null || title is null || actor is null || level is null
            ? null
            : new EnforcementStage(id, title, actor.Value, level, limit, actions, item.At);
    }

    private static StageAction? ReadAction(Node item, Dictionary<string, Position> stageIds)
    {
        item.OnlyKeys("id", "title", "by", "to", "when", "response", "counterMeasure");
        var id = item.Identifier("id", required: true, "the action's name");
        var title = item.String("title", required: true);
        var by = item.Enum<ProcessRole>("by", required: true);
        var to = StageRef(item, "to", stageIds, required: true);
        var when = item.Enum<ActionTiming>("when") ?? ActionTiming.Any;
        var response = item.Bool("response") ?? false;
        var counter = item.Bool("counterMeasure") ?? false;
        return id is null || title is null || by is null || to is null ? null : new StageAction(id, title, by.Value, to, when, response, counter);
    }

    private static EnforcementResponse? ReadResponse(Node item, Dictionary<string, Position> stageIds)
    {
        item.OnlyKeys("id", "title", "by", "kind", "proportionate", "after");
        var id = item.Identifier("id", required: true);
        var title = item.String("title", required: true);
        var by = item.Enum<ProcessRole>("by", required: true);
        var kind = item.Enum<ResponseKind>("kind", required: true);
        var proportionate = item.Bool("proportionate", required: true);
        var after = StageRef(item, "after", stageIds, required: true);
        return id is null || title is null || by is null || kind is null || proportionate is null || after is null
            ? null
            : new EnforcementResponse(id, title, by.Value, kind.Value, proportionate.Value, after, item.At);
    }

    private static Withdrawal? ReadWithdrawal(Node item)
    {
        item.OnlyKeys("by", "noticeDays", "confirmed", "when", "note");
        var by = item.String("by", required: true, "who may withdraw");
        var days = item.Int("noticeDays", required: false, 1, 3650);
        var confirmed = item.Bool("confirmed", required: true);
        var when = item.String("when", required: true, "in what circumstances");
        var note = item.String("note");
        if (confirmed == false && note is null)
        {
            item.Report(Rules.MissingField, "note: is required when the notice period is not confirmed: expected where the figure comes from");
        }

        return by is null || confirmed is null || when is null ? null : new Withdrawal(by, days, confirmed.Value, when, note);
    }

    private static string? StageRef(Node item, string key, Dictionary<string, Position> stageIds, bool required)
    {
        var node = item.Get(key, required, "the id of a stage");
        return node is null ? null : CheckStage(node, stageIds);
    }

    private static string? CheckStage(Node node, Dictionary<string, Position> stageIds)
    {
        var id = node.Text;
        if (id is not null && stageIds.ContainsKey(id))
        {
            return id;
        }

        node.Report(Rules.DanglingReference, $"'{id}' is not a stage of the process: expected one of {string.Join(", ", stageIds.Keys)}");
        return null;
    }
}
