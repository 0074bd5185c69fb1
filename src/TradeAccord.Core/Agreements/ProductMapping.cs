namespace TradeAccord.Core.Agreements;

/// <summary>One product line of a purchase annex: a code, and the category and subcategory it counts toward.</summary>
/// <param name="Code">The code as the annex writes it (HS4, or longer for some energy lines).</param>
/// <param name="Hs4">Its HS4 heading.</param>
/// <param name="Category">Category, e.g. "Agriculture".</param>
/// <param name="Subcategory">Subcategory, e.g. "Cereals".</param>
public sealed record AnnexLine(string Code, string Hs4, string Category, string Subcategory);

/// <summary>The products of a purchase annex (such as Annex 6.1), by category and subcategory.</summary>
public sealed class ProductMapping
{
    private readonly Dictionary<string, IReadOnlyList<string>> _subcategories;

    /// <summary>Creates the mapping from its lines.</summary>
    /// <param name="source">The file it was read from, as commitments name it.</param>
    /// <param name="lines">The lines.</param>
    public ProductMapping(string source, IReadOnlyList<AnnexLine> lines)
    {
        Source = source;
        Lines = lines;
        _subcategories = lines.GroupBy(l => l.Category, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(l => l.Subcategory).Distinct(StringComparer.Ordinal)], StringComparer.Ordinal);
    }

    /// <summary>The file it was read from.</summary>
    public string Source { get; }

    /// <summary>Every line.</summary>
    public IReadOnlyList<AnnexLine> Lines { get; }

    /// <summary>The categories, in file order.</summary>
    public IEnumerable<string> Categories => _subcategories.Keys;

    /// <summary>The subcategories of <paramref name="category"/>, or empty when it is not in the mapping.</summary>
    public IReadOnlyList<string> SubcategoriesOf(string category) => _subcategories.GetValueOrDefault(category, []);

    /// <summary>Whether <paramref name="category"/> is in the mapping.</summary>
    public bool HasCategory(string category) => _subcategories.ContainsKey(category);
}
