using System.Collections.Concurrent;
using TradeAccord.Core.Common;

namespace TradeAccord.Core.Tariffs;

/// <summary>The compiled measures of one importer, indexed by product line.</summary>
/// <remarks>
/// A lookup hashes the line and each ancestor, then filters the few measures found by date. Lines carry at most
/// a dozen measures (four HTS revisions, their column 2 twins, the Section 301 steps), so a linear filter beats a
/// binary search there; the per-line candidate list is cached because batch files repeat lines. Thread-safe.
/// </remarks>
public sealed class ImporterSchedule
{
    private readonly Dictionary<ProductCode, int[]> _byLine;
    private readonly Measure[] _nomenclature;
    private readonly Dictionary<string, ProductCode[]> _sortedLines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ProductCode, CandidateMeasure[]> _candidates = new();

    internal ImporterSchedule(CountryCode importer, IReadOnlyList<Measure> measures)
    {
        Importer = importer;
        Measures = measures;
        var byLine = new Dictionary<ProductCode, List<int>>();
        for (var i = 0; i < measures.Count; i++)
        {
            foreach (var line in measures[i].Coverage.Lines)
            {
                if (!byLine.TryGetValue(line, out var list))
                {
                    byLine[line] = list = [];
                }

                list.Add(i);
            }
        }

        _byLine = byLine.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
        _nomenclature = [.. measures.Where(m => m.DefinesNomenclature).OrderBy(m => m.Validity.Start)];
        foreach (var measure in _nomenclature)
        {
            if (!_sortedLines.ContainsKey(measure.Coverage.Id))
            {
                _sortedLines[measure.Coverage.Id] = [.. measure.Coverage.Lines.Order()];
            }
        }
    }

    /// <summary>The importing country.</summary>
    public CountryCode Importer { get; }

    /// <summary>Every measure of the importer.</summary>
    public IReadOnlyList<Measure> Measures { get; }

    /// <summary>The measures whose coverage defines the importer's lines (MFN by revision), in date order.</summary>
    public IReadOnlyList<Measure> NomenclatureLayers => _nomenclature;

    /// <summary>
    /// The nomenclature layer (HTS revision) in force on <paramref name="date"/>, or the nearest one when the date
    /// precedes them all; null when the importer has none.
    /// </summary>
    public Measure? NomenclatureOn(DateOnly date)
    {
        Measure? found = null;
        foreach (var layer in _nomenclature)
        {
            if (layer.Validity.Start > date)
            {
                break;
            }

            found = layer;
        }

        return found ?? _nomenclature.FirstOrDefault();
    }

    /// <summary>The lines listed in <paramref name="layer"/>'s coverage that lie strictly below <paramref name="code"/>.</summary>
    public IReadOnlyList<ProductCode> LinesBelow(Measure layer, ProductCode code)
    {
        if (!_sortedLines.TryGetValue(layer.Coverage.Id, out var sorted))
        {
            return [];
        }

        var start = Array.BinarySearch(sorted, code);
        start = start < 0 ? ~start : start + 1;
        var result = new List<ProductCode>();
        for (var i = start; i < sorted.Length && sorted[i].IsWithin(code); i++)
        {
            result.Add(sorted[i]);
        }

        return result;
    }

    /// <summary>Every measure covering <paramref name="line"/> at any date, with the rate it gives the line.</summary>
    public IReadOnlyList<CandidateMeasure> CandidatesFor(ProductCode line) => _candidates.GetOrAdd(line, Collect);

    private CandidateMeasure[] Collect(ProductCode line)
    {
        var seen = new List<int>();
        foreach (var code in line.SelfAndAncestors())
        {
            if (_byLine.TryGetValue(code, out var indexes))
            {
                foreach (var index in indexes)
                {
                    if (!seen.Contains(index))
                    {
                        seen.Add(index);
                    }
                }
            }
        }

        seen.Sort();
        return [.. seen.Select(i => new CandidateMeasure(Measures[i], Measures[i].RateFor(line)))];
    }
}
