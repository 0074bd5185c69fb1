namespace TradeAccord.Core.Common;

/// <summary>A span of calendar days.</summary>
/// <remarks>
/// Half-open: <see cref="Start"/> is included, <see cref="End"/> is excluded. An open end is explicit:
/// check <see cref="HasEnd"/>; reading <see cref="End"/> when there is none throws.
/// </remarks>
public readonly record struct DateInterval
{
    private readonly DateOnly? _end;

    /// <summary>Creates an interval; <paramref name="end"/> null means open-ended.</summary>
    /// <exception cref="ArgumentException">The end is not after the start.</exception>
    public DateInterval(DateOnly start, DateOnly? end)
    {
        if (end is { } e && e <= start)
        {
            throw new ArgumentException($"Interval end {e:yyyy-MM-dd} must be after its start {start:yyyy-MM-dd}.", nameof(end));
        }

        Start = start;
        _end = end;
    }

    /// <summary>First day of the interval (inclusive).</summary>
    public DateOnly Start { get; }

    /// <summary>Whether the interval has an end.</summary>
    public bool HasEnd => _end.HasValue;

    /// <summary>First day after the interval (exclusive).</summary>
    /// <exception cref="InvalidOperationException">The interval is open-ended.</exception>
    public DateOnly End => _end ?? throw new InvalidOperationException($"The interval from {Start:yyyy-MM-dd} has no end.");

    /// <summary>The exclusive end, or null when open-ended.</summary>
    public DateOnly? EndOrNull => _end;

    /// <summary>The last day inside the interval, or null when open-ended.</summary>
    public DateOnly? LastDay => _end?.AddDays(-1);

    /// <summary>Whether <paramref name="date"/> lies in <c>[Start, End)</c>.</summary>
    public bool Contains(DateOnly date) => date >= Start && (_end is null || date < _end.Value);

    /// <summary>Whether the two intervals share at least one day.</summary>
    public bool Overlaps(DateInterval other) =>
        (other._end is null || Start < other._end.Value) && (_end is null || other.Start < _end.Value);

    /// <summary>Creates an interval starting at <paramref name="start"/> with no end.</summary>
    public static DateInterval From(DateOnly start) => new(start, null);

    /// <inheritdoc />
    public override string ToString() => $"[{Start:yyyy-MM-dd}, {(_end is { } e ? e.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "open")})";
}
