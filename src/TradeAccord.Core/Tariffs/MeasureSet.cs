using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs.Stacking;

namespace TradeAccord.Core.Tariffs;

/// <summary>
/// Every measure of every importer as read from the sources (or as changed by a scenario), before compilation.
/// </summary>
/// <param name="Measures">The measures.</param>
/// <param name="DataPeriod">The entry dates the data answer for; outside it the engine refuses to guess.</param>
/// <param name="Sources">The sources the measures came from.</param>
public sealed record MeasureSet(IReadOnlyList<Measure> Measures, DateInterval DataPeriod, IReadOnlyList<SourceVersion> Sources)
{
    /// <summary>The rules on how layers combine (which layer keeps another off an entry), in the order they are applied.</summary>
    public IReadOnlyList<StackingRule> StackingRules { get; init; } = [];

    /// <summary>Measures known to take effect after the data end that the data do not carry (said with every carried-forward quote).</summary>
    public IReadOnlyList<string> MissingAfterEnd { get; init; } = [];

    /// <summary>Checks the set for problems a compiled schedule must not carry; returns every problem found.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var group in Measures.GroupBy(m => m.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"measure id '{group.Key}' is used {group.Count()} times");
        }

        foreach (var group in StackingRules.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"stacking rule id '{group.Key}' is used {group.Count()} times");
        }

        var ids = Measures.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var measure in Measures)
        {
            problems.AddRange(measure.Supersedes.Where(s => !ids.Contains(s))
                .Select(s => $"measure '{measure.Id}' supersedes unknown measure '{s}'"));
            if (measure.Rate is null && measure.Coverage.Entries.All(e => e.Value is null))
            {
                problems.Add($"measure '{measure.Id}' has no rate, neither its own nor per line");
            }
        }

        // Nomenclature layers of one importer and origin scope must not overlap in time, or a date would have two MFN rates.
        foreach (var group in Measures.Where(m => m.DefinesNomenclature).GroupBy(m => (m.Importer, m.Kind)))
        {
            var ordered = group.OrderBy(m => m.Validity.Start).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i - 1].Validity.Overlaps(ordered[i].Validity))
                {
                    problems.Add($"measures '{ordered[i - 1].Id}' and '{ordered[i].Id}' overlap in time");
                }
            }
        }

        return problems;
    }
}
