using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using TradeAccord.Core.Scenarios;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Agreements;
using TradeAccord.Sources.Compiled;
using TradeAccord.Sources.References;
using TradeAccord.Sources.Scenarios;

namespace TradeAccord.Sources;

/// <summary>
/// Loads the built-in measures once and compiles schedules from them: the baseline, or the baseline with a scenario
/// applied (a <see cref="DocumentRef"/>: a built-in scenario, a user's file, or a posted document; an agreement's
/// tariff obligations act as a scenario).
/// </summary>
/// <remarks>
/// Compiled schedules are cached only where the set is bounded: built-in scenarios by name (the shipped set), and a
/// user's files by the SHA-256 of their text in a cache of <see cref="MaxCachedFiles"/>. A posted document is compiled
/// for its request only, so no number of spellings or documents can grow the process.
/// </remarks>
public sealed class ScheduleLoader
{
    /// <summary>How many compiled schedules of users' files are kept (each is tens of megabytes).</summary>
    public const int MaxCachedFiles = 4;

    private readonly Lazy<StoredScheduleResult> _baselineSchedule;
    private readonly Lazy<AgreementContext> _agreementContext;
    private readonly ConcurrentDictionary<string, Lazy<TariffSchedule>> _builtIn = new(StringComparer.Ordinal);
    private readonly BoundedCache<string, TariffSchedule> _files = new(MaxCachedFiles);

    /// <summary>Creates a loader over <paramref name="paths"/> that stores the compiled baseline in the default cache folder.</summary>
    public ScheduleLoader(DataPaths paths)
        : this(paths, StoredSchedules.DefaultDirectory())
    {
    }

    /// <summary>Creates a loader over <paramref name="paths"/> that stores the compiled baseline in <paramref name="scheduleCache"/> (null: nowhere).</summary>
    public ScheduleLoader(DataPaths paths, string? scheduleCache)
    {
        Paths = paths;
        Documents = new BuiltInDocuments(paths);
        // PublicationOnly: a failed load (a file being edited) is not cached; the next call reads again.
        _baselineSchedule = new Lazy<StoredScheduleResult>(
            () => StoredSchedules.LoadOrCompile(paths.Data, scheduleCache, () => TariffSchedule.Compile(BuiltInData.Load(paths.Data))),
            LazyThreadSafetyMode.PublicationOnly);
        _agreementContext = new Lazy<AgreementContext>(() => new AgreementContext(Baseline, paths.Data), LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>Where the data are.</summary>
    public DataPaths Paths { get; }

    /// <summary>The shipped scenarios, agreements and negotiation domains.</summary>
    public BuiltInDocuments Documents { get; }

    /// <summary>The measures as read from the sources (or from the schedule stored for them).</summary>
    public MeasureSet Baseline => _baselineSchedule.Value.Schedule.Set;

    /// <summary>How the baseline was obtained: read from its stored file, or compiled (and stored).</summary>
    public StoredScheduleResult BaselineStorage => _baselineSchedule.Value;

    /// <summary>What agreement files are checked against: these measures and this data folder.</summary>
    public AgreementContext AgreementContext => _agreementContext.Value;

    /// <summary>Names of the built-in scenarios.</summary>
    public IReadOnlyList<string> ScenarioNames => Documents.Names(ReferenceKind.Scenario);

    /// <summary>The schedule for <paramref name="scenario"/>, or the baseline when null.</summary>
    /// <exception cref="SourceException">The scenario is unreadable or names measures that do not exist.</exception>
    /// <exception cref="AgreementException">An agreement used as the scenario has problems.</exception>
    public TariffSchedule Load(DocumentRef? scenario = null) => scenario switch
    {
        null => _baselineSchedule.Value.Schedule,
        DocumentRef.BuiltIn shipped => Cached(_builtIn, shipped.Name, () => Compile(shipped)),
        DocumentRef.LocalFile file => FromFile(file),
        _ => Compile(scenario),
    };

    /// <summary>Reads a scenario (or an agreement's tariff obligations as one).</summary>
    public Scenario ReadScenario(DocumentRef scenario) => ReadScenario(scenario, DocumentTexts.Of(Documents, scenario));

    private TariffSchedule FromFile(DocumentRef.LocalFile file)
    {
        // Keyed by content: an edited file is read afresh, and two paths to one text share a schedule.
        var text = DocumentTexts.Of(Documents, file);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return _files.GetOrAdd(key, () => Compile(file, text));
    }

    private TariffSchedule Compile(DocumentRef scenario) => Compile(scenario, DocumentTexts.Of(Documents, scenario));

    private TariffSchedule Compile(DocumentRef scenario, string text)
    {
        var parsed = ReadScenario(scenario, text);
        var applied = parsed.ApplyTo(Baseline);
        return applied.TryGetValue(out var set)
            ? TariffSchedule.Compile(set, parsed.Name)
            : throw new SourceException(scenario.Label, 0, null, applied.Error!);
    }

    private Scenario ReadScenario(DocumentRef scenario, string text)
    {
        var label = DocumentTexts.DisplayName(scenario);
        return scenario is not DocumentRef.BuiltIn && AgreementFiles.IsAgreementText(text)
            ? AgreementFiles.ToScenario(text, label, AgreementContext)
            : ScenarioReader.Parse(text, label, Baseline);
    }

    private static T Cached<T>(ConcurrentDictionary<string, Lazy<T>> cache, string key, Func<T> make)
    {
        var lazy = cache.GetOrAdd(key, _ => new Lazy<T>(make));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // Forget this failed attempt only, not a value another caller has since made.
            cache.TryRemove(new KeyValuePair<string, Lazy<T>>(key, lazy));
            throw;
        }
    }
}
