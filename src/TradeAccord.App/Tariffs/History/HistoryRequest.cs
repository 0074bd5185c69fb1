using TradeAccord.App.Requests;
using TradeAccord.Core.Common;
using TradeAccord.Core.Errors;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.App.Tariffs.History;

/// <summary>A line's duty over a period, as either host receives it: the text typed, checked by <see cref="Validate"/>.</summary>
/// <param name="Hts">The declared code.</param>
/// <param name="Origin">Country of origin.</param>
/// <param name="From">First entry date, yyyy-MM-dd (default: the start of the data).</param>
/// <param name="To">Last entry date, yyyy-MM-dd (default: the last day of the data).</param>
/// <param name="Importer">Importing country (US default).</param>
/// <param name="ClaimExclusion">Whether a product exclusion is claimed on every date.</param>
public sealed record HistoryRequest(string? Hts, string? Origin, string? From = null, string? To = null, string? Importer = null, bool ClaimExclusion = false)
{
    /// <summary>The validated question, or every problem at once, named as <paramref name="style"/> names fields.</summary>
    /// <exception cref="ValidationException">One or more fields are wrong.</exception>
    public HistoryQuestion Validate(FieldStyle style)
    {
        var fields = new Fields(style);
        var product = default(ProductCode);
        if (string.IsNullOrWhiteSpace(Hts))
        {
            fields.Problem("hts", "is required: expected an HTS code such as 9503.00.0073");
        }
        else if (!ProductCode.Parse(Hts).TryGetValue(out product))
        {
            fields.Problem("hts", ProductCode.Parse(Hts).Error!);
        }

        var origin = fields.Country("origin", Origin);
        var importer = fields.Country("importer", Importer ?? "US");
        var (from, to) = fields.Period(From, To);
        fields.ThrowIfInvalid();
        return new HistoryQuestion(importer, product, origin, from, to, ClaimExclusion);
    }
}

/// <summary>A validated history question.</summary>
/// <param name="Importer">The importing country.</param>
/// <param name="Code">The declared code.</param>
/// <param name="Origin">Country of origin.</param>
/// <param name="From">First entry date, or null for the start of the data.</param>
/// <param name="To">Last entry date (inclusive), or null for the last day of the data.</param>
/// <param name="ClaimExclusion">Whether a product exclusion is claimed.</param>
public sealed record HistoryQuestion(CountryCode Importer, ProductCode Code, CountryCode Origin, DateOnly? From, DateOnly? To, bool ClaimExclusion);
