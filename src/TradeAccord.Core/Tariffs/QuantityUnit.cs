namespace TradeAccord.Core.Tariffs;

/// <summary>Canonical names for units of quantity, so that "No.", "each" and "pcs" all mean one thing.</summary>
public static class QuantityUnit
{
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kg"] = "kg", ["kgs"] = "kg", ["kilogram"] = "kg", ["kilograms"] = "kg",
        ["t"] = "t", ["ton"] = "t", ["tonne"] = "t", ["tonnes"] = "t", ["mt"] = "t",
        ["l"] = "l", ["liter"] = "l", ["liters"] = "l", ["litre"] = "l", ["litres"] = "l",
        ["pf.liter"] = "pf.l", ["pf. liter"] = "pf.l", ["pf.l"] = "pf.l", ["proof liter"] = "pf.l",
        ["no"] = "each", ["no."] = "each", ["each"] = "each", ["pcs"] = "each", ["pc"] = "each", ["unit"] = "each", ["units"] = "each",
        ["doz"] = "doz", ["doz."] = "doz", ["dozen"] = "doz",
        ["pr"] = "pr", ["pr."] = "pr", ["pair"] = "pr", ["pairs"] = "pr", ["prs"] = "pr",
        ["gross"] = "gross", ["bbl"] = "bbl", ["barrel"] = "bbl", ["barrels"] = "bbl",
        ["m2"] = "m2", ["m²"] = "m2", ["m3"] = "m3", ["m³"] = "m3", ["head"] = "head", ["jewel"] = "jewel",
        ["clean kg"] = "clean kg", ["line/gross"] = "line/gross", ["line/ gross"] = "line/gross",
    };

    /// <summary>The canonical unit for <paramref name="unit"/>, or the trimmed lower-case text when it is not a known synonym.</summary>
    public static string Normalize(string unit)
    {
        var trimmed = unit.Trim();
        return Synonyms.TryGetValue(trimmed, out var canonical) ? canonical : trimmed.ToLowerInvariant();
    }
}
