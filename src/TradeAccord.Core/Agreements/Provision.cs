using TradeAccord.Core.Common;

namespace TradeAccord.Core.Agreements;

/// <summary>
/// One provision of an agreement, with an id that stays the same across drafts, so two drafts can be compared
/// provision by provision.
/// </summary>
public abstract record Provision
{
    /// <summary>Id, unique in the file and stable across drafts.</summary>
    public required string Id { get; init; }

    /// <summary>What the provision says, in a few words.</summary>
    public required string Title { get; init; }

    /// <summary>The party bound by it, or null when it binds both.</summary>
    public CountryCode? Party { get; init; }

    /// <summary>Whether it is documented or only reported.</summary>
    public Evidence Evidence { get; init; }

    /// <summary>Where it comes from; null only when the file gave none (a validation error).</summary>
    public SourceRef? Source { get; init; }

    /// <summary>Free notes: caveats, why a figure is unconfirmed.</summary>
    public string? Note { get; init; }

    /// <summary>Where it was written.</summary>
    public Position At { get; init; }

    /// <summary>The kind of provision, as named in the file's sections.</summary>
    public abstract string Kind { get; }

    /// <summary>
    /// The provision's terms as named values, in a fixed order, for comparing drafts. Titles, sources and notes are
    /// left out: two drafts differ where their terms differ, not where their wording does.
    /// </summary>
    public IEnumerable<ProvisionField> Terms()
    {
        yield return new("party", Party?.ToString() ?? "both");
        yield return new("evidence", Evidence == Evidence.Reported ? "reported" : "documented");
        foreach (var term in OwnTerms())
        {
            yield return term;
        }
    }

    /// <summary>The terms particular to the provision's kind.</summary>
    protected abstract IEnumerable<ProvisionField> OwnTerms();
}

/// <summary>A named value of a provision.</summary>
/// <param name="Name">Term name, e.g. "targets.2020.increase".</param>
/// <param name="Value">Its value as text; "none" when absent.</param>
public sealed record ProvisionField(string Name, string Value);
