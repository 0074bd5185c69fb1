using System.Security.Cryptography;
using System.Text;
using TradeAccord.Core.Negotiation;
using TradeAccord.Sources.References;

namespace TradeAccord.Sources.Negotiation;

/// <summary>Reading negotiation domains, with their derived values.</summary>
public static class NegotiationFiles
{
    /// <summary>How many domains are kept read (deriving values runs the impact model over every US import line).</summary>
    public const int MaxCached = 8;

    // Keyed by the data folder and the document's content: an edited file is read afresh, and no spelling of a name
    // adds an entry. A posted document is read for its request only.
    private static readonly BoundedCache<(string Data, string Content), NegotiationDomain> Cache = new(MaxCached);

    /// <summary>The shipped domains, by name.</summary>
    public static IReadOnlyList<string> Names(ScheduleLoader loader)
    {
        ArgumentNullException.ThrowIfNull(loader);
        return loader.Documents.Names(ReferenceKind.Negotiation);
    }

    /// <summary>The domain <paramref name="domain"/> refers to.</summary>
    /// <exception cref="SourceException">A malformed domain.</exception>
    public static NegotiationDomain Load(ScheduleLoader loader, DocumentRef domain)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(domain);
        var text = DocumentTexts.Of(loader.Documents, domain);
        var label = DocumentTexts.DisplayName(domain);
        NegotiationDomain Read() => NegotiationReader.Parse(text, label, new ImpactDeriver(loader).Derive);
        return domain is DocumentRef.Inline
            ? Read()
            : Cache.GetOrAdd((loader.Paths.Data, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(label + "\n" + text)))), Read);
    }
}
