using TradeAccord.App.Requests;
using TradeAccord.App.Tariffs.History;
using TradeAccord.Core.Errors;

namespace TradeAccord.App.Tariffs.Effective;

/// <summary>
/// The import-weighted effective rate on a partner's goods, as either host receives it: on one date, or as a series
/// by day from <c>from</c> to <c>to</c>. <see cref="Validate"/> checks every field at once.
/// </summary>
/// <param name="Partner">An ISO alpha-2 code of a partner in the imports file, <c>EU</c> (the aggregate) or <c>all</c>.</param>
/// <param name="Date">The entry date, yyyy-MM-dd (or give From and To).</param>
/// <param name="From">First date of a series.</param>
/// <param name="To">Last date of a series.</param>
/// <param name="By">null for the total, or <c>authority</c> for the total split by authority.</param>
public sealed record EffectiveRequest(string? Partner, string? Date, string? From = null, string? To = null, string? By = null)
{
    /// <summary>The word that weights over every partner of the file.</summary>
    public const string AllPartners = "all";

    /// <summary>The validated question, or every problem at once, named as <paramref name="style"/> names fields.</summary>
    /// <exception cref="ValidationException">One or more fields are wrong.</exception>
    public EffectiveQuestion Validate(FieldStyle style, ImportWeights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var fields = new Fields(style);
        IReadOnlyList<PartnerImports> partners = [];
        if (string.IsNullOrWhiteSpace(Partner))
        {
            fields.Problem("partner", $"is required: expected a partner of the imports file ({string.Join(", ", weights.Words)}) or {AllPartners}");
        }
        else if (string.Equals(Partner.Trim(), AllPartners, StringComparison.OrdinalIgnoreCase))
        {
            // Slovakia is listed on its own and inside the EU aggregate: counted once, in the aggregate.
            partners = [.. weights.Partners.Where(p => p.Partner.CensusCode != CensusPartner.SlovakiaCensusCode)];
        }
        else if (weights.Find(Partner.Trim()) is { } one)
        {
            partners = [one];
        }
        else
        {
            fields.Problem("partner", $"'{Partner}' has no 2024 imports in the file: expected one of {string.Join(", ", weights.Words)} or {AllPartners}" +
                " (EU members other than SK are only in the EU aggregate)");
        }

        var date = fields.OptionalDate("date", Date);
        var (from, to) = fields.Period(From, To);
        if (Date is null && (From is null || To is null))
        {
            fields.Problem(Date is null && From is null && To is null ? "date" : From is null ? "from" : "to",
                $"is required: expected {fields.Name("date")}, or {fields.Name("from")} and {fields.Name("to")} for a series by day");
        }
        else if (Date is not null && (From is not null || To is not null))
        {
            fields.Problem("date", $"excludes {fields.Name("from")} and {fields.Name("to")}: expected one date or a series");
        }

        var byAuthority = false;
        if (By is not null)
        {
            byAuthority = string.Equals(By.Trim(), "authority", StringComparison.OrdinalIgnoreCase);
            if (!byAuthority)
            {
                fields.Problem("by", $"'{By}' is not supported: expected authority");
            }
        }

        fields.ThrowIfInvalid();
        var word = partners.Count == 1 ? partners[0].Partner.Word : AllPartners;
        return date is { } d
            ? new EffectiveQuestion(word, partners, d, d, byAuthority, IsSeries: false)
            : new EffectiveQuestion(word, partners, from!.Value, to!.Value, byAuthority, IsSeries: true);
    }
}

/// <summary>A validated effective-rate question.</summary>
/// <param name="Partner">The partner as named (<c>CN</c>, <c>EU</c>, <c>all</c>).</param>
/// <param name="Partners">The partners weighted.</param>
/// <param name="From">The date, or the first date of the series.</param>
/// <param name="To">The date, or the last date of the series (inclusive).</param>
/// <param name="ByAuthority">Whether the figure is split by authority.</param>
/// <param name="IsSeries">Whether a series by day was asked.</param>
public sealed record EffectiveQuestion(string Partner, IReadOnlyList<PartnerImports> Partners, DateOnly From, DateOnly To, bool ByAuthority, bool IsSeries);
