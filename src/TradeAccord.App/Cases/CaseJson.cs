using TradeAccord.Core.Common;
using TradeAccord.Core.Enforcement;
using TradeAccord.Storage.Cases;

namespace TradeAccord.App.Cases;

/// <summary>The JSON shape of a case: fixed names (id, state, events, deadlines, overdue) and more.</summary>
public static class CaseJson
{
    /// <summary>The JSON shape of a case view.</summary>
    public static object Of(CaseView v) => new
    {
        id = v.Header.Id,
        state = v.Stage.Id,
        stateTitle = v.Stage.Title,
        final = v.Stage.IsFinal,
        agreement = v.Header.Agreement,
        complainant = v.Header.Complainant.ToString(),
        respondent = v.Header.Respondent.ToString(),
        article = v.Header.Article,
        summary = v.Header.Summary,
        confidential = v.Header.Confidential,
        opened = v.Header.Opened,
        events = v.Events.Select(Event),
        deadlines = v.Deadlines.Select(d => new { stage = d.Stage, due = d.Due, confirmed = d.Confirmed, approximate = d.Approximate }),
        overdue = v.Overdue,
        permitted = v.Permitted.Select(a => new { action = a.Id, title = a.Title, by = a.By.ToKebab(), to = a.To }),
        termination = v.Termination,
    };

    /// <summary>The JSON shape of a case event.</summary>
    public static object Event(CaseEvent e) => new
    {
        sequence = e.Sequence, kind = e.Kind, at = e.At, by = e.By?.ToString(), from = e.FromStage, to = e.ToStage,
        note = e.Note, data = e.Data, previousHash = e.PreviousHash, hash = e.Hash,
    };
}
