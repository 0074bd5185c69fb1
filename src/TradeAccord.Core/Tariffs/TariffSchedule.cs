using TradeAccord.Core.Common;

namespace TradeAccord.Core.Tariffs;

/// <summary>
/// The compiled, validated form of a <see cref="MeasureSet"/>: per importer, each product line mapped to the dated
/// measures that cover it. Names the sources it was built from and the scenario (if any) applied.
/// </summary>
public sealed class TariffSchedule
{
    // An array, not a dictionary: two importers, and a dictionary keyed by a struct costs a one-shot quote its compile.
    private readonly ImporterSchedule[] _importers;

    private TariffSchedule(MeasureSet set, string name, IReadOnlyDictionary<CountryCode, LineIndex>? indexes = null)
    {
        Set = set;
        Name = name;
        var importers = new List<ImporterSchedule>();
        foreach (var importer in set.Measures.Select(m => m.Importer).Distinct())
        {
            importers.Add(new ImporterSchedule(importer, [.. set.Measures.Where(m => m.Importer == importer)], indexes?[importer]));
        }

        _importers = [.. importers];
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
    public IEnumerable<CountryCode> Importers => _importers.Select(i => i.Importer);

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

    /// <summary>
    /// A schedule as stored after <see cref="Compile"/>: the same set (validated before it was stored) and each
    /// importer's line index as built then, so nothing is validated or indexed again.
    /// </summary>
    /// <param name="set">The measures, in the order they were compiled in.</param>
    /// <param name="name">The schedule's name.</param>
    /// <param name="indexes">Each importer's <see cref="ImporterSchedule.Index"/>, over its measures in set order.</param>
    /// <exception cref="ArgumentException">An importer of the set has no index.</exception>
    public static TariffSchedule FromStored(MeasureSet set, string name, IReadOnlyDictionary<CountryCode, LineIndex> indexes)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(indexes);
        foreach (var importer in set.Measures.Select(m => m.Importer).Distinct())
        {
            if (!indexes.ContainsKey(importer))
            {
                throw new ArgumentException($"no line index for importer {importer}");
            }
        }

        return new TariffSchedule(set, name, indexes);
    }

    /// <summary>The compiled measures of <paramref name="importer"/>.</summary>
    public bool TryGetImporter(CountryCode importer, out ImporterSchedule schedule)
    {
        foreach (var candidate in _importers)
        {
            if (candidate.Importer == importer)
            {
                schedule = candidate;
                return true;
            }
        }

        schedule = null!;
        return false;
    }
}
