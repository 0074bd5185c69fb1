using TradeAccord.Core.Common;

namespace TradeAccord.Core.Enforcement;

/// <summary>What a case is about, fixed when it is opened (and sealed into its first event).</summary>
/// <param name="Id">Case id.</param>
/// <param name="Agreement">The agreement's id.</param>
/// <param name="AgreementFile">The agreement file the process template came from.</param>
/// <param name="Complainant">The complaining party.</param>
/// <param name="Respondent">The party complained against.</param>
/// <param name="Article">The article said not to be kept, if named.</param>
/// <param name="Summary">The complaint in a sentence or two.</param>
/// <param name="Confidential">Whether only the two offices may read it.</param>
/// <param name="Opened">Date the appeal was filed.</param>
public sealed record CaseHeader(string Id, string Agreement, string AgreementFile, CountryCode Complainant, CountryCode Respondent,
    string? Article, string Summary, bool Confidential, DateOnly Opened);

/// <summary>
/// One entry of a case's append-only log: an action taken, by whom, on which date, moving the case from one stage to
/// another. Each event carries the hash of the one before and its own, so an edit to stored history shows.
/// </summary>
/// <param name="Sequence">1 for the appeal, then one more per event.</param>
/// <param name="Kind">The action (or "appeal-filed", "counter-response-rejected").</param>
/// <param name="At">The date it took effect.</param>
/// <param name="By">Who took it, or null when both did.</param>
/// <param name="FromStage">Stage before (empty for the appeal).</param>
/// <param name="ToStage">Stage after.</param>
/// <param name="Note">Free text.</param>
/// <param name="Data">Structured detail as JSON: the case header on the appeal, the response's terms on a response.</param>
/// <param name="PreviousHash">Hash of the event before (64 zeros for the first).</param>
/// <param name="Hash">SHA-256 of this event's fields and <paramref name="PreviousHash"/>.</param>
public sealed record CaseEvent(long Sequence, string Kind, DateOnly At, CountryCode? By, string FromStage, string ToStage,
    string? Note, string? Data, string PreviousHash, string Hash);

/// <summary>A deadline of a case: the stage it bounds and the day it falls due.</summary>
/// <param name="Stage">The stage that must be left by then.</param>
/// <param name="Due">The last day.</param>
/// <param name="Confirmed">Whether the time limit is read from the primary text.</param>
/// <param name="Approximate">Whether it counts working days without public holidays.</param>
public sealed record Deadline(string Stage, DateOnly Due, bool Confirmed, bool Approximate);
