using System.Collections.Concurrent;
using TradeAccord.Core.Common;

namespace TradeAccord.Core.Tariffs;

/// <summary>The compiled measures of one importer, indexed by product line.</summary>
/// <remarks>
/// A quote costs one hash lookup of the declared code, which yields (cached after the first time) the line it stands
/// for under each HTS revision and the few measures covering that line; the quote then filters those by date, origin
/// and condition. Lines carry at most a dozen measures (four revisions, their column 2 twins, the Section 301 steps),
/// so a linear filter over a contiguous array beats a binary search there. Thread-safe.
/// </remarks>
public sealed class ImporterSchedule
{
    private readonly Dictionary<ProductCode, int[]> _byLine;
    private readonly ProductCode[] _listedLines;
    private readonly Measure[] _nomenclature;

    // Per nomenclature layer, the warning for an entry before its source was in force or after its data end.
    private readonly string?[] _beforeSource;
    private readonly string?[] _afterSource;
    private readonly Dictionary<string, ProductCode[]> _sortedLines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<ProductCode, LineResolution[]> _lookups = new();

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
        _listedLines = [.. _byLine.Keys.Order()];
        _nomenclature = [.. measures.Where(m => m.DefinesNomenclature).OrderBy(m => m.Validity.Start)];
        _beforeSource = [.. _nomenclature.Select(m => m.DocumentedFrom is { } from
            ? $"no shipped revision was in force on the entry date: using the nearest, {m.Title} (in force from {from:yyyy-MM-dd})"
            : null)];
        _afterSource = [.. _nomenclature.Select(m => m.DocumentedUntil is { } until
            ? $"{m.Title}: the data end {until:yyyy-MM-dd}; {m.CarriedForwardNote ?? "rates in force then are carried forward, and changes after that date are not in the data"}"
            : null)];
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
    /// The index of the nomenclature layer (HTS revision) in force on <paramref name="date"/>, or of the nearest one
    /// when the date precedes them all; -1 when the importer has none.
    /// </summary>
    internal int NomenclatureIndexOn(DateOnly date)
    {
        var found = _nomenclature.Length > 0 ? 0 : -1;
        for (var i = 1; i < _nomenclature.Length && _nomenclature[i].Validity.Start <= date; i++)
        {
            found = i;
        }

        return found;
    }

    /// <summary>The warning a date outside what layer <paramref name="index"/>'s source documents calls for, or null.</summary>
    internal string? SourceWarning(int index, DateOnly date)
    {
        var layer = _nomenclature[index];
        return layer.DocumentedFrom > date ? _beforeSource[index] : layer.DocumentedUntil < date ? _afterSource[index] : null;
    }

    /// <summary>The lines listed in <paramref name="layer"/>'s coverage that lie strictly below <paramref name="code"/>.</summary>
    public IReadOnlyList<ProductCode> LinesBelow(Measure layer, ProductCode code)
    {
        ArgumentNullException.ThrowIfNull(layer);
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
    internal CandidateMeasure[] CandidatesFor(ProductCode line) => Collect(line);

    /// <summary>What <paramref name="declared"/> stands for under each nomenclature layer (or, without layers, itself).</summary>
    internal LineResolution[] Lookup(ProductCode declared)
    {
        // TryGetValue first: the generic GetOrAdd overload costs a runtime generic-dictionary lookup on every call
        // (measured: a third of a quote's time), the plain read does not.
        if (_lookups.TryGetValue(declared, out var found))
        {
            return found;
        }

        // Bounded: valid codes number some tens of thousands, but a file of made-up codes must not grow the cache.
        var built = BuildLookup(declared);
        if (Volatile.Read(ref _lookupCount) >= LookupCacheLimit)
        {
            return built;
        }

        Interlocked.Increment(ref _lookupCount); // counts attempts, not entries: close enough for a bound
        return _lookups.GetOrAdd(declared, built);
    }

    private const int LookupCacheLimit = 250_000;
    private int _lookupCount;

    private LineResolution[] BuildLookup(ProductCode declared)
    {
        // Revisions usually resolve a code to the same line: share one candidate array between them.
        var collected = new Dictionary<ProductCode, CandidateMeasure[]>();
        CandidateMeasure[] CollectOnce(ProductCode line) =>
            collected.TryGetValue(line, out var found) ? found : collected[line] = Collect(line);

        // Each revision keeps only the measures that overlap its own period: a date is priced under the revision
        // in force, so the other revisions' rates (and Section 301 steps outside it) can never apply there.
        var byLayer = new LineResolution[_nomenclature.Length];
        for (var i = 0; i < byLayer.Length; i++)
        {
            var layer = _nomenclature[i];
            // The first revision also prices dates before it (the nearest one), so its period reaches back.
            var start = i == 0 ? DateOnly.MinValue : layer.Validity.Start;
            var period = i + 1 < _nomenclature.Length ? new DateInterval(start, _nomenclature[i + 1].Validity.Start) : DateInterval.From(start);
            byLayer[i] = Resolve(layer, declared, period, line => [.. CollectOnce(line).Where(c => c.Measure.Validity.Overlaps(period))]);
        }

        return byLayer.Length > 0 ? byLayer : [new LineResolution(declared, Collect(declared), null, null)];
    }

    // The line itself when the revision lists it with a rate; the declared 10-digit code priced at its 8-digit
    // parent's rates when only the statistical suffix is unknown; otherwise the lines below are compared.
    private LineResolution Resolve(Measure layer, ProductCode code, DateInterval period, Func<ProductCode, CandidateMeasure[]> collect)
    {
        // A listed line without a rate of its own whose lines below carry the rates (the HTS prints some 8-digit
        // subheadings that way) is answered from the lines below, like a shorter code.
        if (layer.Coverage.Lists(code) && (layer.RateFor(code) is not null || LinesBelow(layer, code).Count == 0))
        {
            return new LineResolution(code, collect(code), null, null, Below: CoveredBelow(code, period));
        }

        // A code with lines of its own below (China's A/B splits) is answered from those lines.
        if (LinesBelow(layer, code).Count > 0)
        {
            return new LineResolution(null, [], null, null, code);
        }

        if (code.DigitCount == 10)
        {
            var parent = code.Truncate(8);
            var unknown = $"{code.ToDotted()} is not a statistical line of {layer.Title}";

            // The declared code keeps any coverage of its own (a 10-digit Section 301 listing) and takes its
            // parent's general rate.
            if (layer.Coverage.Lists(parent) && layer.RateFor(parent) is not null)
            {
                return new LineResolution(code, collect(code), $"{unknown}: rates of {parent.ToDotted()} used", null);
            }

            if (LinesBelow(layer, parent).Count > 0)
            {
                return new LineResolution(null, [], unknown, null, parent);
            }
        }

        return LinesBelow(layer, code).Count > 0
            ? new LineResolution(null, [], null, null, code)
            : new LineResolution(null, [], null, $"unknown code {code.ToDotted()}: not a line of {layer.Title}");
    }

    // A line declared above the 10-digit level owes only what covers it or its ancestors; measures that list some
    // of its 10-digit lines (9903.88.04, the 10-digit items of Lists 4A and 4B, exclusions) are named so the
    // declarant can give the full line rather than miss them silently.
    private BelowNote? CoveredBelow(ProductCode line, DateInterval period)
    {
        if (line.DigitCount >= 10)
        {
            return null;
        }

        var start = Array.BinarySearch(_listedLines, line);
        start = start < 0 ? ~start : start + 1;
        var below = new SortedSet<string>(StringComparer.Ordinal);
        var origins = new List<OriginScope>();
        for (var i = start; i < _listedLines.Length && _listedLines[i].IsWithin(line); i++)
        {
            foreach (var index in _byLine[_listedLines[i]])
            {
                var measure = Measures[index];
                if (!measure.DefinesNomenclature && measure.Kind is not (MeasureKind.Mfn or MeasureKind.Column2) && measure.Validity.Overlaps(period))
                {
                    below.Add(measure.Heading is { } heading ? $"{measure.Title} ({heading})" : measure.Title);
                    origins.Add(measure.Origins);
                }
            }
        }

        return below.Count == 0
            ? null
            : new BelowNote([.. origins.Distinct()],
                $"some lines under {line.ToDotted()} are also covered by {string.Join("; ", below)}: give the full line to price them");
    }

    private CandidateMeasure[] Collect(ProductCode line)
    {
        var seen = new List<int>();
        foreach (var code in line.SelfAndAncestors())
        {
            if (_byLine.TryGetValue(code, out var indexes))
            {
                seen.AddRange(indexes.Where(i => !seen.Contains(i)));
            }
        }

        // Sorted once here in the order layers are reported (general rate first, then by heading), so a quote
        // never sorts.
        return [.. seen.Order()
            .Select(i => new CandidateMeasure(Measures[i], Measures[i].RateFor(line)))
            .OrderBy(c => c.Measure.Kind)
            .ThenBy(c => c.Measure.Heading, StringComparer.Ordinal)];
    }
}
