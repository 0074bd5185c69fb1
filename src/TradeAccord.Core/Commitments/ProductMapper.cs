using TradeAccord.Core.Agreements;

namespace TradeAccord.Core.Commitments;

/// <summary>How an annex code relates to the trade data's codes.</summary>
public enum AnnexMatch
{
    /// <summary>Some trade codes fall under it.</summary>
    Matched,

    /// <summary>It is finer than the data: trade codes contain it but also other goods, so they are not counted.</summary>
    FinerThanData,

    /// <summary>No trade code falls under it or contains it.</summary>
    NoTrade,
}

/// <summary>An annex code that does not map cleanly onto the trade data, and the trade codes involved.</summary>
/// <param name="Line">The annex line.</param>
/// <param name="Match">How it relates to the data.</param>
/// <param name="TradeCodes">For <see cref="AnnexMatch.FinerThanData"/>, the coarser trade codes that contain it.</param>
public sealed record AnnexGap(AnnexLine Line, AnnexMatch Match, IReadOnlyList<string> TradeCodes);

/// <summary>
/// Maps trade codes onto an annex's product lines. A trade code is covered by the annex line whose code is its
/// longest prefix (an HS4 line covers every HS6 code under it; a 9-digit energy line covers only a code that
/// carries those 9 digits). An annex line finer than the data's codes cannot be separated out and is reported, never
/// guessed.
/// </summary>
public sealed class ProductMapper
{
    private readonly Dictionary<string, AnnexLine> _byCode;
    private readonly int _maxLength;

    /// <summary>Creates the mapper over <paramref name="mapping"/>.</summary>
    public ProductMapper(ProductMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        Mapping = mapping;
        _byCode = mapping.Lines.ToDictionary(l => l.Code, StringComparer.Ordinal);
        _maxLength = mapping.Lines.Max(l => l.Code.Length);
    }

    /// <summary>The mapping.</summary>
    public ProductMapping Mapping { get; }

    /// <summary>The annex line covering <paramref name="code"/>, or null when it is not covered.</summary>
    public AnnexLine? LineFor(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        for (var length = Math.Min(code.Length, _maxLength); length >= 2; length--)
        {
            if (_byCode.TryGetValue(code[..length], out var line))
            {
                return line;
            }
        }

        return null;
    }

    /// <summary>The annex lines that do not map cleanly onto <paramref name="tradeCodes"/>.</summary>
    public IReadOnlyList<AnnexGap> Gaps(IEnumerable<string> tradeCodes)
    {
        ArgumentNullException.ThrowIfNull(tradeCodes);
        var codes = tradeCodes.Distinct(StringComparer.Ordinal).ToList();
        var matched = codes.Select(LineFor).OfType<AnnexLine>().Select(l => l.Code).ToHashSet(StringComparer.Ordinal);
        var gaps = new List<AnnexGap>();
        foreach (var line in Mapping.Lines.Where(l => !matched.Contains(l.Code)))
        {
            var coarser = codes.Where(c => c.Length < line.Code.Length && line.Code.StartsWith(c, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            gaps.Add(new AnnexGap(line, coarser.Count > 0 ? AnnexMatch.FinerThanData : AnnexMatch.NoTrade, coarser));
        }

        return gaps;
    }
}
