namespace TradeAccord.Core.Tariffs;

/// <summary>
/// Which of an importer's measures list each product line: every listed line once, in
/// <see cref="ProductCode.SortKey"/> order, with the positions of the measures listing it (in ascending order).
/// </summary>
/// <remarks>
/// Three flat arrays (lines, where each line's measures start, the measures) in place of a dictionary of lists:
/// built once from the coverages, or read back as they are from a stored schedule.
/// </remarks>
public sealed class LineIndex
{
    private readonly ReadOnlyMemory<long> _lines;
    private readonly ReadOnlyMemory<int> _starts;
    private readonly ReadOnlyMemory<int> _measures;

    private LineIndex(ReadOnlyMemory<long> lines, ReadOnlyMemory<int> starts, ReadOnlyMemory<int> measures)
    {
        _lines = lines;
        _starts = starts;
        _measures = measures;
    }

    private const int PositionBits = 20;
    private const int MaxMeasures = (1 << PositionBits) - 1;

    /// <summary>The listed lines' sort keys, ascending.</summary>
    public ReadOnlySpan<long> Lines => _lines.Span;

    /// <summary>Where each line's measures start in <see cref="MeasurePositions"/>; one more entry than lines.</summary>
    public ReadOnlySpan<int> Starts => _starts.Span;

    /// <summary>Positions of measures in the importer's list, line after line.</summary>
    public ReadOnlySpan<int> MeasurePositions => _measures.Span;

    /// <summary>Indexes the lines of <paramref name="measures"/>.</summary>
    public static LineIndex Build(IReadOnlyList<Measure> measures)
    {
        ArgumentNullException.ThrowIfNull(measures);
        var total = 0;
        foreach (var measure in measures)
        {
            total += measure.Coverage.Count;
        }

        // One (line, measure) pair per listed line, packed in one number (a sort key takes 43 bits, a position 20) so a
        // plain sort of numbers brings equal lines together with their measures ascending.
        if (measures.Count > MaxMeasures)
        {
            throw new ArgumentException($"an importer has {measures.Count} measures: the line index holds at most {MaxMeasures}");
        }

        var pairs = new long[total];
        var at = 0;
        for (var m = 0; m < measures.Count; m++)
        {
            foreach (var key in measures[m].Coverage.SortKeys)
            {
                pairs[at++] = (key << PositionBits) | (long)m;
            }
        }

        Array.Sort(pairs);
        var lines = new List<long>();
        var starts = new List<int>();
        var positions = new int[total];
        for (var i = 0; i < pairs.Length; i++)
        {
            var line = pairs[i] >> PositionBits;
            if (i == 0 || line != pairs[i - 1] >> PositionBits)
            {
                lines.Add(line);
                starts.Add(i);
            }

            positions[i] = (int)(pairs[i] & MaxMeasures);
        }

        starts.Add(total);
        return new LineIndex(lines.ToArray(), starts.ToArray(), positions);
    }

    /// <summary>
    /// An index read back from storage (in place: the memory may be a slice of the stored file), checked for the shape
    /// <see cref="Build"/> gives: lines valid and strictly ascending, each line's measures strictly ascending, and each
    /// measure named by as many lines as its coverage lists.
    /// </summary>
    /// <exception cref="ArgumentException">The arrays are inconsistent with each other or with <paramref name="measures"/>.</exception>
    public static LineIndex FromStored(ReadOnlyMemory<long> lineKeys, ReadOnlyMemory<int> lineStarts, ReadOnlyMemory<int> positions, IReadOnlyList<Measure> measures)
    {
        ArgumentNullException.ThrowIfNull(measures);
        var lines = lineKeys.Span;
        var starts = lineStarts.Span;
        var measurePositions = positions.Span;
        if (starts.Length != lines.Length + 1 || starts[0] != 0 || starts[^1] != measurePositions.Length)
        {
            throw new ArgumentException("the line index's starts do not span its measures");
        }

        var named = new int[measures.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            if ((i > 0 && lines[i] <= lines[i - 1]) || starts[i + 1] <= starts[i] || !ProductCode.IsValidSortKey(lines[i]))
            {
                throw new ArgumentException($"the line index is out of order or holds no code at line {i}");
            }

            for (var at = starts[i]; at < starts[i + 1]; at++)
            {
                var position = measurePositions[at];
                if ((uint)position >= (uint)measures.Count || (at > starts[i] && position <= measurePositions[at - 1]))
                {
                    throw new ArgumentException($"the line index names measure {position} of {measures.Count} out of order at line {i}");
                }

                named[position]++;
            }
        }

        for (var m = 0; m < named.Length; m++)
        {
            if (named[m] != measures[m].Coverage.Count)
            {
                throw new ArgumentException($"the line index names measure {measures[m].Id} on {named[m]} lines; its coverage lists {measures[m].Coverage.Count}");
            }
        }

        return new LineIndex(lineKeys, lineStarts, positions);
    }

    /// <summary>The positions of the measures listing exactly <paramref name="sortKey"/>; empty when none does.</summary>
    public ReadOnlySpan<int> MeasuresListing(long sortKey)
    {
        var at = _lines.Span.BinarySearch(sortKey);
        return at < 0 ? [] : MeasuresAt(at);
    }

    /// <summary>Where the lines strictly below <paramref name="sortKey"/> begin (they run while still within it).</summary>
    public int FirstBelow(long sortKey)
    {
        var at = _lines.Span.BinarySearch(sortKey);
        return at < 0 ? ~at : at + 1;
    }

    /// <summary>The positions of the measures listing the line at <paramref name="index"/> in <see cref="Lines"/>.</summary>
    public ReadOnlySpan<int> MeasuresAt(int index)
    {
        var starts = _starts.Span;
        return _measures.Span.Slice(starts[index], starts[index + 1] - starts[index]);
    }
}
