using TradeAccord.Storage.Cases;
using TradeAccord.Core.Errors;
using System.Globalization;
using System.Text.Json;
using TradeAccord.Core.Agreements;
using TradeAccord.Core.Common;
using TradeAccord.Core.Enforcement;
using TradeAccord.Sources;
using TradeAccord.Sources.Agreements;
using TradeAccord.Sources.References;

namespace TradeAccord.App.Cases;

/// <summary>Who is looking at a case: one of the two offices, or an observer.</summary>
/// <param name="Party">The office's party, or null for an observer.</param>
public sealed record Viewer(CountryCode? Party)
{
    /// <summary>An observer: sees cases that are not confidential.</summary>
    public static Viewer Observer { get; } = new((CountryCode?)null);

    /// <summary>Whether this viewer may read <paramref name="header"/>.</summary>
    public bool MayRead(CaseHeader header) =>
        !header.Confidential || Party is { } p && (p == header.Complainant || p == header.Respondent);
}

/// <summary>A case as its reader sees it: its log, stage, deadlines, and what may happen next.</summary>
/// <param name="Header">What the case is about.</param>
/// <param name="Events">The log.</param>
/// <param name="Stage">The current stage.</param>
/// <param name="Deadlines">Deadlines in force.</param>
/// <param name="Overdue">Whether one has passed on the date asked about.</param>
/// <param name="Permitted">The actions permitted on that date.</param>
/// <param name="Termination">When withdrawal has been noticed: the day the agreement's obligations end.</param>
public sealed record CaseView(CaseHeader Header, IReadOnlyList<CaseEvent> Events, EnforcementStage Stage, IReadOnlyList<Deadline> Deadlines,
    bool Overdue, IReadOnlyList<StageAction> Permitted, DateOnly? Termination);

/// <summary>
/// Cases on the agreement's process: open, advance, respond, verify, view. The CLI and the web API both go through
/// here, on whichever store they were given.
/// </summary>
/// <param name="store">The case store.</param>
/// <param name="loader">The data.</param>
/// <param name="localFiles">Whether a case may run under a user's own agreement file (the command line); the server
/// passes false, so no case makes it open a path.</param>
public sealed class CaseService(ICaseStore store, ScheduleLoader loader, bool localFiles = false)
{
    /// <summary>The store.</summary>
    public ICaseStore Store => store;

    /// <summary>Opens a case: the appeal, sealed with the case header as the first event of the chain.</summary>
    /// <exception cref="CaseException">The parties or the process do not allow it.</exception>
    public CaseView Open(DocumentRef agreementRef, CountryCode complainant, CountryCode respondent, string? article, string summary, DateOnly at, bool confidential)
    {
        var (agreement, reference) = Agreement(agreementRef);
        var process = agreement.Enforcement ?? throw new CaseException($"{agreement.Id} has no enforcement process: no case can be opened under it");
        foreach (var party in new[] { complainant, respondent }.Where(p => agreement.Parties.All(x => x.Code != p)))
        {
            throw new CaseException($"{party} is not a party to {agreement.Id}: expected {string.Join(" or ", agreement.Parties.Select(p => p.Code))}");
        }

        if (complainant == respondent)
        {
            throw new CaseException("the complainant and the respondent are the same party");
        }

        for (var attempt = 0; ; attempt++)
        {
            var id = $"{complainant}-{respondent}-{at.Year}-{store.CountOpened(complainant.ToString(), respondent.ToString(), at.Year) + 1:000}";
            var header = new CaseHeader(id, agreement.Id, reference, complainant, respondent, article, summary, confidential, at);
            var appeal = new CaseWorkflow(process).Open(header, Sealed(header));
            try
            {
                store.Create(header, appeal);
                return View(id, at, new Viewer(complainant));
            }
            catch (CaseConflictException) when (attempt < 5)
            {
                // Another office opened a case with this number at the same moment: take the next one.
            }
        }
    }

    /// <summary>The case as <paramref name="viewer"/> sees it on <paramref name="at"/>.</summary>
    /// <exception cref="CaseException">No such case, or the viewer may not read it.</exception>
    public CaseView View(string id, DateOnly at, Viewer viewer)
    {
        var stored = Load(id, viewer);
        if (stored.Header.Opened > at)
        {
            throw new CaseException($"case {id} was opened on {Day(stored.Header.Opened)}, after {Day(at)}", notFound: true);
        }

        // A replay: the case as it stood at the end of that day, whatever was recorded later.
        var events = stored.Events.TakeWhile(e => e.At <= at).ToList();
        var workflow = Workflow(stored.Header);
        var stage = workflow.Stage(CaseWorkflow.StageOf(events));
        // The day a notice takes effect: a stage left only once its time limit has passed, counted from entering it.
        DateOnly? termination = null;
        foreach (var e in events)
        {
            var entered = workflow.Stage(e.ToStage);
            if (e.FromStage != e.ToStage && entered.TimeLimit is { } limit && limit.After == entered.Id && entered.Actions.Any(a => a.When == ActionTiming.AfterDeadline))
            {
                termination = limit.Basis.Add(e.At, limit.Days);
            }
        }

        return new CaseView(stored.Header, events, stage, workflow.Deadlines(events), workflow.IsOverdue(events, at),
            workflow.Permitted(events, at), termination);
    }

    /// <summary>Every case the viewer may read that was open by <paramref name="at"/>, as it stood then.</summary>
    /// <remarks>Where local files are not read (the server), a case opened on the command line under a user's own
    /// agreement file is left out rather than failing the whole list.</remarks>
    public IReadOnlyList<CaseView> List(DateOnly at, Viewer viewer) =>
        [.. store.List().Where(h => viewer.MayRead(h) && h.Opened <= at && Readable(h)).Select(h => View(h.Id, at, viewer))];

    private bool Readable(CaseHeader header) => localFiles || loader.Documents.Find(ReferenceKind.Agreement, header.AgreementFile) is not null;

    /// <summary>
    /// Takes an action as <paramref name="by"/> (null: an action no party takes, such as one the process takes on a
    /// deadline); returns the new view, or the refusal with the permitted actions. The actor must be able to read the
    /// case: an observer cannot act on a confidential one, nor learn anything of it by trying.
    /// </summary>
    /// <exception cref="CaseException">No such case, or the actor may not read it or is not a party to it.</exception>
    /// <exception cref="CaseConflictException">Another writer changed the case since it was read.</exception>
    public (CaseView View, Step Step) Advance(string id, string action, CountryCode? by, DateOnly at, string? note, string? data = null)
    {
        var actor = new Viewer(by);
        var stored = Load(id, actor);
        if (by is { } party && party != stored.Header.Complainant && party != stored.Header.Respondent)
        {
            throw new CaseException($"{party} is not a party to case {id}: expected {stored.Header.Complainant} or {stored.Header.Respondent}");
        }

        var step = Workflow(stored.Header).Advance(stored.Header, stored.Events, action, by, at, note, data);
        if (step.Event is { } e)
        {
            store.Append(id, stored.Version, e);
        }

        return (View(id, Latest(at, stored.Events), actor), step);
    }

    /// <summary>Checks the case's chain as <paramref name="viewer"/>: null when intact, else the first bad event and why.</summary>
    /// <exception cref="CaseException">No such case, or the viewer may not read it.</exception>
    public (CaseEvent Event, string Problem)? Verify(string id, Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var stored = Load(id, viewer);
        return Verify(stored);
    }

    /// <summary>
    /// Checks the case's chain without reading it, for an auditor who may check any case's integrity but not its
    /// content: null when intact, else the first bad event and why.
    /// </summary>
    /// <exception cref="CaseException">No such case.</exception>
    public (CaseEvent Event, string Problem)? VerifyAsAuditor(string id) =>
        Verify(store.Load(id) ?? throw new CaseException($"no case {id} in {store.Description}", notFound: true));

    // A refused action dated before the last event still shows the case as it now stands.
    private static DateOnly Latest(DateOnly at, IReadOnlyList<CaseEvent> events) => events.Count == 0 || events[^1].At <= at ? at : events[^1].At;

    private (CaseEvent Event, string Problem)? Verify(StoredCase stored)
    {
        var id = stored.Header.Id;
        if (CaseChain.FirstBreak(id, stored.Events) is { } broken)
        {
            return broken;
        }

        return stored.Events.Count > 0 && stored.Events[0].Data != Sealed(stored.Header)
            ? (stored.Events[0], "the stored case header differs from the one sealed in the appeal")
            : null;
    }

    // The header as sealed into the appeal: plain values, so the stored header can be checked against it.
    private static string Sealed(CaseHeader h) => JsonSerializer.Serialize(new
    {
        id = h.Id, agreement = h.Agreement, agreementFile = h.AgreementFile, complainant = h.Complainant.ToString(), respondent = h.Respondent.ToString(),
        article = h.Article, summary = h.Summary, confidential = h.Confidential, opened = h.Opened,
    });

    /// <summary>The agreement a case runs under.</summary>
    public Agreement AgreementOf(CaseHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var shipped = loader.Documents.Find(ReferenceKind.Agreement, header.AgreementFile);
        if (shipped is null && !localFiles)
        {
            throw new CaseException($"case {header.Id} runs under an agreement file that is not shipped: it can be read on the command line only", ErrorKind.Forbidden);
        }

        return Agreement(shipped ?? DocumentRefs.FromCommandLine(loader.Documents, ReferenceKind.Agreement, "agreement", header.AgreementFile)).Agreement;
    }

    private StoredCase Load(string id, Viewer viewer)
    {
        var stored = store.Load(id) ?? throw new CaseException($"no case {id} in {store.Description}", notFound: true);
        return viewer.MayRead(stored.Header)
            ? stored
            : throw new CaseException($"case {id} is confidential: readable only by the offices of {stored.Header.Complainant} and {stored.Header.Respondent}", notFound: true);
    }

    private CaseWorkflow Workflow(CaseHeader header) =>
        new(AgreementOf(header).Enforcement ?? throw new CaseException($"{header.Agreement} no longer has an enforcement process"));

    // Agreements in an agreements/ folder are recorded by name (us-china-phase-one, positions-2019-11/us), so a case
    // survives the checkout moving and reads the same file from the program's copy; others by full path.
    private (Agreement Agreement, string Reference) Agreement(DocumentRef agreementRef)
    {
        var agreement = AgreementFiles.ReadValid(loader, agreementRef);
        if (agreementRef is DocumentRef.BuiltIn shipped)
        {
            return (agreement, shipped.Name);
        }

        if (agreementRef is not DocumentRef.LocalFile file || !localFiles)
        {
            throw new CaseException("a case runs under a shipped agreement (or, on the command line, an agreement file): a posted document is not kept");
        }

        var path = Path.GetFullPath(file.Path).Replace('\\', '/');
        var marker = path.LastIndexOf("/agreements/", StringComparison.Ordinal);
        var name = marker < 0 ? null : Path.ChangeExtension(path[(marker + "/agreements/".Length)..], null);
        return (agreement, loader.Documents.Find(ReferenceKind.Agreement, name) is not null ? name! : path);
    }

    /// <summary>Formats a date for messages.</summary>
    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>A case operation was refused; the message says why.</summary>
public sealed class CaseException : AccordException
{
    /// <summary>A refused operation; <paramref name="notFound"/> when the case does not exist for the caller.</summary>
    public CaseException(string message, bool notFound = false)
        : base(notFound ? ErrorKind.NotFound : ErrorKind.BadInput, message)
    {
    }

    /// <summary>A refused operation of another kind (e.g. forbidden here).</summary>
    public CaseException(string message, ErrorKind kind)
        : base(kind, message)
    {
    }

    /// <summary>Whether the case does not exist for the caller: an API answers 404 and says no more.</summary>
    public bool NotFound => Kind == ErrorKind.NotFound;
}
