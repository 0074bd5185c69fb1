using TradeAccord.Core.Common;

namespace TradeAccord.Core.Tariffs;

/// <summary>
/// The compiled, validated form of a <see cref="MeasureSet"/>: per importer, each product line mapped to the dated
/// measures that cover it. Names the sources it was built from and the scenario (if any) applied.
/// </summary>
public sealed class TariffSchedule
{
    private readonly Dictionary<CountryCode, ImporterSchedule> _importers;

    private TariffSchedule(MeasureSet set, string name)
    {
        Set = set;
        Name = name;
        _importers = set.Measures.GroupBy(m => m.Importer)
            .ToDictionary(g => g.Key, g => new ImporterSchedule(g.Key, [.. g]));
    }

    /// <summary>"baseline", or the name of the scenario applied.</summary>
    public string Name { get; }

    /// <summary>The measures compiled.</summary>
    public MeasureSet Set { get; }

    /// <summary>The entry dates the schedule answers for.</summary>
    public DateInterval DataPeriod => Set.DataPeriod;

    /// <summary>The sources the schedule was compiled from.</summary>
    public IReadOnlyList<SourceVersion> Sources => Set.Sources;

    /// <summary>Whether a stacking rule names a family that matches <paramref name="family"/> (as trigger or as removed).</summary>
    /// <remarks>Lets the allocation-free batch path leave the few entries rules can touch to the full quote.</remarks>
    public bool IsStackingFamily(string family) => _stackingFamilies.GetOrAdd(family, f =>
        Set.StackingRules.Any(r => r.TriggeredBy(f) || r.RemovesFamily(f)));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _stackingFamilies = new(StringComparer.Ordinal);

    /// <summary>The importers with measures.</summary>
    public IEnumerable<CountryCode> Importers => _importers.Keys;

    /// <summary>Compiles a measure set after validating it.</summary>
    /// <exception cref="ScheduleDataException">The set has problems; the message lists all of them.</exception>
    public static TariffSchedule Compile(MeasureSet set, string name = "baseline")
    {
        var problems = set.Validate();
        if (problems.Count > 0)
        {
            throw new ScheduleDataException($"The measures for schedule '{name}' are inconsistent:{Environment.NewLine}- " +
                string.Join(Environment.NewLine + "- ", problems));
        }

        return new TariffSchedule(set, name);
    }

    /// <summary>The compiled measures of <paramref name="importer"/>.</summary>
    public bool TryGetImporter(CountryCode importer, out ImporterSchedule schedule) =>
        _importers.TryGetValue(importer, out schedule!);
}
