using System.Globalization;

namespace TradeAccord.Core.Agreements;

/// <summary>How a provision differs between two drafts.</summary>
public enum ChangeKind
{
    /// <summary>Only in the second.</summary>
    Added,

    /// <summary>Only in the first.</summary>
    Removed,

    /// <summary>In both, with different terms.</summary>
    Changed,
}

/// <summary>One term that differs.</summary>
/// <param name="Name">The term.</param>
/// <param name="Old">Its value in the first draft ("none" when absent).</param>
/// <param name="New">Its value in the second.</param>
public sealed record TermChange(string Name, string Old, string New);

/// <summary>One provision that differs.</summary>
/// <param name="Id">Provision id (or "agreement" for the header).</param>
/// <param name="Kind">Added, removed or changed.</param>
/// <param name="Section">tariff, purchase, structural, condition, enforcement or agreement.</param>
/// <param name="Title">Its title (from the second draft when in both).</param>
/// <param name="Terms">The terms that differ; for an added or removed provision, all its terms.</param>
public sealed record ProvisionChange(string Id, ChangeKind Kind, string Section, string Title, IReadOnlyList<TermChange> Terms);

/// <summary>Compares two agreements provision by provision, matching provisions by id.</summary>
public static class AgreementDiff
{
    /// <summary>The provisions that differ from <paramref name="first"/> to <paramref name="second"/>, header first.</summary>
    public static IReadOnlyList<ProvisionChange> Compare(Agreement first, Agreement second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var changes = new List<ProvisionChange>();
        var header = Changed(Header(first), Header(second));
        if (header.Count > 0)
        {
            changes.Add(new("agreement", ChangeKind.Changed, "agreement", second.Title, header));
        }

        var inSecond = second.Provisions.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var inFirst = first.Provisions.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var old in first.Provisions)
        {
            if (!inSecond.TryGetValue(old.Id, out var now))
            {
                changes.Add(new(old.Id, ChangeKind.Removed, old.Kind, old.Title, [.. old.Terms().Where(t => t.Value != "none").Select(t => new TermChange(t.Name, t.Value, "none"))]));
                continue;
            }

            var terms = Changed(old.Terms().ToList(), now.Terms().ToList());
            if (old.Kind != now.Kind)
            {
                terms.Insert(0, new("kind", old.Kind, now.Kind));
            }

            if (terms.Count > 0)
            {
                changes.Add(new(old.Id, ChangeKind.Changed, now.Kind, now.Title, terms));
            }
        }

        changes.AddRange(second.Provisions.Where(p => !inFirst.ContainsKey(p.Id))
            .Select(p => new ProvisionChange(p.Id, ChangeKind.Added, p.Kind, p.Title, [.. p.Terms().Where(t => t.Value != "none").Select(t => new TermChange(t.Name, "none", t.Value))])));
        return changes;
    }

    private static List<ProvisionField> Header(Agreement a) =>
    [
        new("status", a.Status.ToString().ToLowerInvariant()),
        new("positionOf", a.PositionOf?.ToString() ?? "none"),
        new("parties", string.Join(", ", a.Parties.Select(p => p.Code))),
        new("signed", Date(a.Signed)),
        new("entryIntoForce", Date(a.EntryIntoForce)),
        new("phases", a.Phases.Count == 0 ? "none" : string.Join(", ", a.Phases.Select(p => $"{p.Id} ({(p.Covered ? "covered" : "deferred")})"))),
    ];

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "none";

    // Terms are matched by name, keeping the order of the second list and then names only in the first.
    private static List<TermChange> Changed(List<ProvisionField> old, List<ProvisionField> now)
    {
        var oldByName = old.ToDictionary(t => t.Name, t => t.Value, StringComparer.Ordinal);
        var nowNames = now.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var changes = now
            .Select(t => new TermChange(t.Name, oldByName.GetValueOrDefault(t.Name, "none"), t.Value))
            .Where(c => c.Old != c.New)
            .ToList();
        changes.AddRange(old.Where(t => !nowNames.Contains(t.Name)).Select(t => new TermChange(t.Name, t.Value, "none")));
        return changes;
    }
}
