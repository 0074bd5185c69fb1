using TradeAccord.Core.Common;

namespace TradeAccord.Core.Tariffs;

/// <summary>The origins a measure applies to: all, only some, or all but some.</summary>
public sealed record OriginScope
{
    // One bit per assigned country code: the test runs for every candidate layer of every entry priced.
    private readonly ulong[] _bits = new ulong[4];

    private OriginScope(bool exclusive, IReadOnlySet<CountryCode> countries)
    {
        IsAllExcept = exclusive;
        Countries = countries;
        foreach (var country in countries)
        {
            _bits[country.Index >> 6] |= 1UL << (country.Index & 63);
        }
    }

    /// <summary>True when <see cref="Countries"/> lists the origins left out; false when it lists the only ones covered.</summary>
    public bool IsAllExcept { get; }

    /// <summary>The countries named.</summary>
    public IReadOnlySet<CountryCode> Countries { get; }

    /// <summary>Every origin.</summary>
    public static OriginScope All { get; } = new(true, new HashSet<CountryCode>());

    /// <summary>Only the given origins.</summary>
    public static OriginScope Only(params IEnumerable<CountryCode> countries) => new(false, countries.ToHashSet());

    /// <summary>Every origin but the given ones.</summary>
    public static OriginScope AllExcept(params IEnumerable<CountryCode> countries) => new(true, countries.ToHashSet());

    /// <summary>Whether goods of <paramref name="origin"/> fall in the scope.</summary>
    public bool Includes(CountryCode origin) => ((_bits[origin.Index >> 6] >> (origin.Index & 63)) & 1UL) == 1UL != IsAllExcept;

    /// <inheritdoc />
    public override string ToString() =>
        IsAllExcept
            ? Countries.Count == 0 ? "all" : "all except " + string.Join(",", Countries.Order())
            : string.Join(",", Countries.Select(c => c.Value).Order(StringComparer.Ordinal));
}
