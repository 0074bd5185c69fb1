using TradeAccord.Core.Tariffs;

namespace TradeAccord.Sources.Hts;

/// <summary>The rates of one HTS revision: general (column 1) and column 2, per 8- or 10-digit line.</summary>
/// <param name="Name">"HTS 2019 revision 15".</param>
/// <param name="File">The file read.</param>
/// <param name="General">General rate per line (null = inherits from its 8-digit parent).</param>
/// <param name="Column2">Column 2 rate per line (null = inherits).</param>
public sealed record HtsRevision(
    string Name,
    string File,
    IReadOnlyDictionary<ProductCode, DutyRate?> General,
    IReadOnlyDictionary<ProductCode, DutyRate?> Column2);
