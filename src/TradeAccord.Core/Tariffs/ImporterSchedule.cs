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
    private readonly LineIndex _index;
    private readonly Measure[] _measures;
    private readonly Measure[] _nomenclature;
    private readonly HashSet<string> _nomenclatureCoverages;
    private readonly int[] _byReportRank;
    private readonly int[] _reportRank;

    // Per nomenclature layer, the warning for an entry before its source was in force or after its data end.
    private readonly string?[] _beforeSource;
    private readonly string?[] _afterSource;
    private readonly ConcurrentDictionary<ProductCode, LineResolution[]> _lookups = new();

    internal ImporterSchedule(CountryCode importer, IReadOnlyList<Measure> measures, LineIndex? index = null)
    {
        Importer = importer;
        Measures = measures;
        _measures = [.. measures];
        _byReportRank = InReportOrder(_measures);
        _reportRank = new int[_measures.Length];
        for (var rank = 0; rank < _byReportRank.Length; rank++)
        {
            _reportRank[_byReportRank[rank]] = rank;
        }

        _index = index ?? LineIndex.Build(measures);
        _nomenclature = [.. measures.Where(m => m.DefinesNomenclature).OrderBy(m => m.Validity.Start)];
        _nomenclatureCoverages = _nomenclature.Select(m => m.Coverage.Id).ToHashSet(StringComparer.Ordinal);
        _beforeSource = [.. _nomenclature.Select(m => m.DocumentedFrom is { } from
            ? $"no shipped revision was in force on the entry date: using the nearest, {m.Title} (in force from {from:yyyy-MM-dd})"
            : null)];
        _afterSource = [.. _nomenclature.Select(m => m.DocumentedUntil is { } until
            ? $"{m.Title}: the data end {until:yyyy-MM-dd}; {m.CarriedForwardNote ?? "rates in force then are carried forward, and changes after that date are not in the data"}"
            : null)];
    }

    /// <summary>Which measures list each line (what a stored schedule keeps, so loading it builds nothing).</summary>
    public LineIndex Index => _index;

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
        return _nomenclatureCoverages.Contains(layer.Coverage.Id) ? layer.Coverage.LinesBelow(code) : [];
    }

    private bool HasLinesBelow(Measure layer, ProductCode code) => layer.Coverage.HasLinesBelow(code);

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
        // Two lists, not a dictionary keyed by code: a code resolves to one or two lines, and a one-shot quote would
        // pay more to compile the dictionary's code than the search costs.
        var collectedLines = new List<long>(2);
        var collected = new List<CandidateMeasure[]>(2);
        CandidateMeasure[] CollectOnce(ProductCode line)
        {
            var at = collectedLines.IndexOf(line.SortKey);
            if (at >= 0)
            {
                return collected[at];
            }

            collectedLines.Add(line.SortKey);
            collected.Add(Collect(line));
            return collected[^1];
        }

        // Each revision keeps only the measures that overlap its own period: a date is priced under the revision
        // in force, so the other revisions' rates (and Section 301 steps outside it) can never apply there.
        var byLayer = new LineResolution[_nomenclature.Length];
        for (var i = 0; i < byLayer.Length; i++)
        {
            var layer = _nomenclature[i];
            // The first revision also prices dates before it (the nearest one), so its period reaches back.
            var start = i == 0 ? DateOnly.MinValue : layer.Validity.Start;
            var period = i + 1 < _nomenclature.Length ? new DateInterval(start, _nomenclature[i + 1].Validity.Start) : DateInterval.From(start);
            byLayer[i] = Resolve(layer, declared, period, line => Overlapping(CollectOnce(line), period));
        }

        return byLayer.Length > 0 ? byLayer : [new LineResolution(declared, Collect(declared), null, null)];
    }

    private static CandidateMeasure[] Overlapping(CandidateMeasure[] candidates, DateInterval period)
    {
        var count = 0;
        foreach (var candidate in candidates)
        {
            count += candidate.Measure.Validity.Overlaps(period) ? 1 : 0;
        }

        var result = new CandidateMeasure[count];
        count = 0;
        foreach (var candidate in candidates)
        {
            if (candidate.Measure.Validity.Overlaps(period))
            {
                result[count++] = candidate;
            }
        }

        return result;
    }

    // The line itself when the revision lists it with a rate; the declared 10-digit code priced at its 8-digit
    // parent's rates when only the statistical suffix is unknown; otherwise the lines below are compared.
    private LineResolution Resolve(Measure layer, ProductCode code, DateInterval period, Func<ProductCode, CandidateMeasure[]> collect)
    {
        // A listed line without a rate of its own whose lines below carry the rates (the HTS prints some 8-digit
        // subheadings that way) is answered from the lines below, like a shorter code.
        if (layer.Coverage.Lists(code) && (layer.RateFor(code) is not null || !HasLinesBelow(layer, code)))
        {
            return new LineResolution(code, collect(code), null, null, Below: CoveredBelow(code, period));
        }

        // A code with lines of its own below (China's A/B splits) is answered from those lines.
        if (HasLinesBelow(layer, code))
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

            if (HasLinesBelow(layer, parent))
            {
                return new LineResolution(null, [], unknown, null, parent);
            }
        }

        return HasLinesBelow(layer, code)
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

        var key = line.SortKey;
        var below = new SortedSet<string>(StringComparer.Ordinal);
        var origins = new List<OriginScope>();
        var lines = _index.Lines;
        for (var i = _index.FirstBelow(key); i < lines.Length && ProductCode.IsWithin(lines[i], key); i++)
        {
            foreach (var position in _index.MeasuresAt(i))
            {
                var measure = _measures[position];
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
            foreach (var position in _index.MeasuresListing(code.SortKey))
            {
                if (!seen.Contains(position))
                {
                    seen.Add(position);
                }
            }
        }

        // Sorted once here in the order layers are reported (general rate first, then by heading), so a quote
        // never sorts: by each measure's rank in that order, worked out once for the importer.
        var ranks = new int[seen.Count];
        for (var i = 0; i < ranks.Length; i++)
        {
            ranks[i] = _reportRank[seen[i]];
        }

        Array.Sort(ranks);
        var result = new CandidateMeasure[ranks.Length];
        for (var i = 0; i < ranks.Length; i++)
        {
            var measure = _measures[_byReportRank[ranks[i]]];
            result[i] = new CandidateMeasure(measure, measure.RateFor(line));
        }

        return result;
    }

    // Positions of the measures in reporting order: by kind, then heading (ordinal), then position in the list.
    private static int[] InReportOrder(Measure[] measures)
    {
        var order = new int[measures.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
            measures[a].Kind != measures[b].Kind ? measures[a].Kind.CompareTo(measures[b].Kind)
            : string.CompareOrdinal(measures[a].Heading, measures[b].Heading) is var byHeading and not 0 ? byHeading
            : a.CompareTo(b));
        return order;
    }
}
