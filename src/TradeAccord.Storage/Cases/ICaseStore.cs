using TradeAccord.Core.Errors;
using TradeAccord.Core.Enforcement;

namespace TradeAccord.Storage.Cases;

/// <summary>A case as stored: its header and its log, in order.</summary>
/// <param name="Header">What the case is about.</param>
/// <param name="Events">The log.</param>
public sealed record StoredCase(CaseHeader Header, IReadOnlyList<CaseEvent> Events)
{
    /// <summary>The number of events: the version an appender must expect.</summary>
    public long Version => Events.Count;
}

/// <summary>
/// Where cases live: an append-only log per case. Appending states the version the writer read; a writer whose
/// version is stale gets a <see cref="CaseConflictException"/>, never a lost or interleaved event.
/// </summary>
public interface ICaseStore : IDisposable
{
    /// <summary>Where the store is, for messages (a file path, or the PostgreSQL host and database).</summary>
    string Description { get; }

    /// <summary>Stores a new case with its appeal, atomically.</summary>
    /// <exception cref="CaseConflictException">A case with this id exists.</exception>
    void Create(CaseHeader header, CaseEvent appeal);

    /// <summary>The case, or null when there is none with that id.</summary>
    StoredCase? Load(string id);

    /// <summary>Every case's header, oldest first.</summary>
    IReadOnlyList<CaseHeader> List();

    /// <summary>The ids of cases opened in <paramref name="year"/> by <paramref name="complainant"/> against <paramref name="respondent"/>.</summary>
    int CountOpened(string complainant, string respondent, int year);

    /// <summary>Appends <paramref name="e"/> if the case still has <paramref name="expectedVersion"/> events.</summary>
    /// <exception cref="CaseConflictException">Another writer appended first.</exception>
    void Append(string caseId, long expectedVersion, CaseEvent e);
}

/// <summary>Another writer changed the case first; reload and decide again.</summary>
public sealed class CaseConflictException : AccordException
{
    /// <summary>Creates the exception.</summary>
    public CaseConflictException(string message, Exception? inner = null)
        : base(ErrorKind.Conflict, message, inner)
    {
    }
}
