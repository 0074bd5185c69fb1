namespace TradeAccord.Core.Agreements;

/// <summary>
/// Two agreements compared on one kind of provision (tariff obligations, purchase commitments, structural
/// commitments, conditions, enforcement) when their provision ids do not match: how many each has, which ids only
/// one has, and, term by term, the values each side's provisions of that kind take.
/// </summary>
/// <param name="Kind">tariff, purchase, structural, condition or enforcement.</param>
/// <param name="CountA">Provisions of the kind in the first agreement.</param>
/// <param name="CountB">In the second.</param>
/// <param name="OnlyA">Ids only the first has.</param>
/// <param name="OnlyB">Ids only the second has.</param>
/// <param name="Terms">Per term name, the distinct values over the kind's provisions on each side, where they differ.</param>
public sealed record KindComparison(string Kind, int CountA, int CountB, IReadOnlyList<string> OnlyA, IReadOnlyList<string> OnlyB, IReadOnlyList<TermChange> Terms)
{
    /// <summary>The kinds, in the order of an agreement's sections.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["tariff", "purchase", "structural", "condition", "enforcement"];

    /// <summary>Compares <paramref name="first"/> and <paramref name="second"/> kind by kind; kinds neither has are left out.</summary>
    public static IReadOnlyList<KindComparison> Compare(Agreement first, Agreement second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var result = new List<KindComparison>();
        foreach (var kind in Kinds)
        {
            var a = first.Provisions.Where(p => p.Kind == kind).ToList();
            var b = second.Provisions.Where(p => p.Kind == kind).ToList();
            if (a.Count + b.Count == 0)
            {
                continue;
            }

            var idsB = b.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            var idsA = a.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            result.Add(new(kind, a.Count, b.Count, [.. a.Select(p => p.Id).Where(id => !idsB.Contains(id))],
                [.. b.Select(p => p.Id).Where(id => !idsA.Contains(id))], Differing(a, b)));
        }

        return result;
    }

    // Terms numbered per period ("targets.2020") are one term ("targets") whose values keep the period, so periods of
    // different lengths and years still line up under one name.
    // A kind only one side has is said by the counts; its terms against "none" would only repeat the provisions.
    private static List<TermChange> Differing(List<Provision> a, List<Provision> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return [];
        }

        var valuesA = Values(a);
        var valuesB = Values(b);
        return [.. valuesA.Keys.Concat(valuesB.Keys).Distinct(StringComparer.Ordinal)
            .Select(name => new TermChange(name, Join(valuesA, name), Join(valuesB, name)))
            .Where(t => t.Old != t.New)];
    }

    private static Dictionary<string, SortedSet<string>> Values(List<Provision> provisions)
    {
        var values = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var term in provisions.SelectMany(p => p.Terms()))
        {
            var dot = term.Name.IndexOf('.', StringComparison.Ordinal);
            var (name, value) = dot < 0 ? (term.Name, term.Value) : (term.Name[..dot], $"{term.Name[(dot + 1)..]}: {term.Value}");
            if (!values.TryGetValue(name, out var set))
            {
                values[name] = set = new SortedSet<string>(StringComparer.Ordinal);
            }

            set.Add(value);
        }

        return values;
    }

    private static string Join(Dictionary<string, SortedSet<string>> values, string name) =>
        values.TryGetValue(name, out var set) ? string.Join("; ", set) : "none";
}
