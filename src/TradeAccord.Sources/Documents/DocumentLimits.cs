using System.Globalization;

namespace TradeAccord.Sources.Documents;

/// <summary>
/// How much a YAML or JSON document (a scenario, a negotiation domain, an agreement, a measures file) may hold and
/// describe. The limits are far above anything written by hand, and low enough that a document sent to the server,
/// or a device named on the command line, cannot exhaust memory or the stack.
/// </summary>
public static class DocumentLimits
{
    /// <summary>
    /// The most bytes a document may hold: 1 MiB. The largest shipped document (the Phase One agreement) is about
    /// 21 KB, so this leaves room for fifty times that.
    /// </summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>
    /// The deepest nesting of lists and mappings a document may use: 64. Shipped documents nest at most 6 deep; the
    /// YAML parser builds its tree recursively, so a document nested thousands deep would overflow the stack.
    /// </summary>
    public const int MaxNesting = 64;

    /// <summary>
    /// The most outcomes a negotiation domain may allow (the product of its issues' option counts): 10 million. The
    /// shipped domain allows 131,220; reading a domain enumerates its outcomes, at 24 bytes each, so the limit keeps
    /// a posted domain to a few hundred megabytes instead of the gigabytes a handful more issues would take.
    /// </summary>
    public const long MaxOutcomes = 10_000_000;

    /// <summary>A byte count as people read it: <c>1 MiB</c>, <c>512 KiB</c> or <c>100 bytes</c>.</summary>
    public static string DescribeBytes(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MiB",
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KiB",
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes"),
    };
}
