using System.Collections.Concurrent;
using TradeAccord.Core.Scenarios;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Agreements;
using TradeAccord.Sources.Scenarios;

namespace TradeAccord.Sources;

/// <summary>
/// Loads the built-in measures once and compiles schedules from them: the baseline, or the baseline with a scenario
/// applied (a built-in scenario by name, a scenario file by path, or an agreement file, whose tariff obligations
/// become the scenario).
/// </summary>
public sealed class ScheduleLoader
{
    private readonly Lazy<MeasureSet> _baseline;
    private readonly Lazy<AgreementContext> _agreementContext;
    private readonly ConcurrentDictionary<string, Lazy<TariffSchedule>> _compiled = new(StringComparer.Ordinal);

    /// <summary>Creates a loader over <paramref name="paths"/>.</summary>
    public ScheduleLoader(DataPaths paths)
    {
        Paths = paths;
        // PublicationOnly: a failed load (a file being edited) is not cached; the next call reads again.
        _baseline = new Lazy<MeasureSet>(() => BuiltInData.Load(paths.Data), LazyThreadSafetyMode.PublicationOnly);
        _agreementContext = new Lazy<AgreementContext>(() => new AgreementContext(Baseline, paths.Data), LazyThreadSafetyMode.PublicationOnly);
    }

    /// <summary>Where the data are.</summary>
    public DataPaths Paths { get; }

    /// <summary>The measures as read from the sources.</summary>
    public MeasureSet Baseline => _baseline.Value;

    /// <summary>What agreement files are checked against: these measures and this data folder.</summary>
    public AgreementContext AgreementContext => _agreementContext.Value;

    /// <summary>Names of the built-in scenarios.</summary>
    public IReadOnlyList<string> ScenarioNames =>
        Directory.Exists(Paths.Scenarios)
            ? [.. Directory.EnumerateFiles(Paths.Scenarios, "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order()]
            : [];

    /// <summary>The schedule for <paramref name="scenario"/> (a built-in name or a file path), or the baseline when null.</summary>
    /// <exception cref="SourceException">The scenario is unknown, unreadable, or names measures that do not exist.</exception>
    public TariffSchedule Load(string? scenario = null)
    {
        var key = scenario is null ? "\0baseline" : scenario;
        var lazy = _compiled.GetOrAdd(key, _ => new Lazy<TariffSchedule>(() => Compile(scenario)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // Forget this failed attempt only, not a schedule another caller has since compiled.
            _compiled.TryRemove(new KeyValuePair<string, Lazy<TariffSchedule>>(key, lazy));
            throw;
        }
    }

    private TariffSchedule Compile(string? scenario)
    {
        if (scenario is null)
        {
            return TariffSchedule.Compile(Baseline);
        }

        var parsed = ReadScenario(scenario);
        var applied = parsed.ApplyTo(Baseline);
        return applied.TryGetValue(out var set)
            ? TariffSchedule.Compile(set, parsed.Name)
            : throw new SourceException(scenario, 0, null, applied.Error!);
    }

    /// <summary>Reads a scenario by built-in name or path.</summary>
    public Scenario ReadScenario(string scenario)
    {
        var builtIn = Path.Combine(Paths.Scenarios, scenario + ".yaml");
        if (File.Exists(builtIn))
        {
            return ScenarioReader.Read(builtIn, Baseline, $"scenarios/{scenario}.yaml");
        }

        if (File.Exists(scenario))
        {
            return AgreementFiles.IsAgreement(scenario)
                ? AgreementFiles.ToScenario(scenario, AgreementContext)
                : ScenarioReader.Read(scenario, Baseline, scenario);
        }

        throw new SourceException(scenario, 0, "scenario",
            $"no such scenario: expected a file or one of {string.Join(", ", ScenarioNames)}");
    }
}
