using TradeAccord.Core.Tariffs;

namespace TradeAccord.App.Tariffs.Effective;

/// <summary>
/// The JSON shape of an effective rate (<c>accord schedule effective --format json</c> and GET /api/schedule/effective):
/// one point for a date, or the first date and each date on which a figure changed for a series.
/// </summary>
/// <param name="Partner">The partner as named (CN, EU, all).</param>
/// <param name="Origins">The origins the goods were priced as.</param>
/// <param name="From">The date, or the first date of the series.</param>
/// <param name="To">The date, or the last date of the series.</param>
/// <param name="Scenario">The schedule used.</param>
/// <param name="Weights">What weights the lines.</param>
/// <param name="Points">The figures; in a series each holds until the next point's date.</param>
/// <param name="Warnings">What the reader must know.</param>
public sealed record EffectiveJson(string Partner, IReadOnlyList<string> Origins, string From, string To, string Scenario, string Weights,
    IReadOnlyList<EffectivePointJson> Points, IReadOnlyList<string> Warnings)
{
    /// <summary>Decimals kept in rates and shares: enough to read a basis point's hundredth, few enough to be stable.</summary>
    public const int Digits = 6;

    /// <summary>The JSON shape of <paramref name="rates"/>.</summary>
    public static EffectiveJson Of(EffectiveRates rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        var q = rates.Question;
        return new EffectiveJson(q.Partner, [.. q.Partners.Select(p => p.Partner.Origin.Value).Distinct()], DutyJson.Iso(q.From), DutyJson.Iso(q.To),
            rates.ScheduleName, ImportWeights.Description, [.. rates.Points.Select(p => EffectivePointJson.Of(p, q.ByAuthority))], rates.Warnings);
    }

    /// <summary>A fraction rounded for output.</summary>
    public static decimal Round(decimal fraction) => Math.Round(fraction, Digits, MidpointRounding.AwayFromZero);
}

/// <summary>The figures on one date.</summary>
/// <param name="Date">The date from which they hold.</param>
/// <param name="AdValorem">The import-weighted average ad valorem rate over the priced lines (a fraction).</param>
/// <param name="ByAuthority">Its parts by authority (every authority, in reporting order), or null when not asked.</param>
/// <param name="ImportValue">2024 imports weighted, USD.</param>
/// <param name="PricedValue">Of which on lines the schedule knows on the date.</param>
/// <param name="Lines">Lines weighted.</param>
/// <param name="Partial">Lines with a specific, compound or text rate, of which only the ad valorem part is counted.</param>
/// <param name="Missing">Lines not in the schedule on the date (left out of the rate), with the largest ones.</param>
public sealed record EffectivePointJson(string Date, decimal AdValorem, IReadOnlyList<AuthorityRateJson>? ByAuthority, decimal ImportValue, decimal PricedValue,
    int Lines, LineShareJson Partial, MissingLinesJson Missing)
{
    /// <summary>The JSON shape of <paramref name="figure"/>.</summary>
    public static EffectivePointJson Of(EffectiveFigure figure, bool byAuthority)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return new EffectivePointJson(DutyJson.Iso(figure.Date), EffectiveJson.Round(figure.AdValorem),
            byAuthority ? [.. TariffAuthorities.All.Select(a => new AuthorityRateJson(a.Word(), EffectiveJson.Round(figure.AdValoremOf(a))))] : null,
            figure.ImportValue, figure.PricedValue, figure.Lines,
            new LineShareJson(figure.PartialLines, figure.PartialValue, Share(figure.PartialValue, figure.ImportValue)),
            new MissingLinesJson(figure.MissingLines, figure.MissingValue, Share(figure.MissingValue, figure.ImportValue), figure.MissingExamples));
    }

    private static decimal Share(decimal part, decimal whole) => whole == 0m ? 0m : EffectiveJson.Round(part / whole);
}

/// <summary>One authority's part of the rate.</summary>
/// <param name="Authority">mfn, s301, s232, ieepa-fentanyl, ieepa-reciprocal, s122, retaliation or other.</param>
/// <param name="AdValorem">Its import-weighted ad valorem fraction.</param>
public sealed record AuthorityRateJson(string Authority, decimal AdValorem);

/// <summary>Lines and the share of import value they carry.</summary>
/// <param name="Lines">How many.</param>
/// <param name="ImportValue">Their 2024 imports, USD.</param>
/// <param name="Share">Their share of all imports weighted.</param>
public sealed record LineShareJson(int Lines, decimal ImportValue, decimal Share);

/// <summary>Lines left out because the schedule does not know them on the date.</summary>
/// <param name="Lines">How many.</param>
/// <param name="ImportValue">Their 2024 imports, USD.</param>
/// <param name="Share">Their share of all imports weighted.</param>
/// <param name="Largest">The largest by import value, with their origin.</param>
public sealed record MissingLinesJson(int Lines, decimal ImportValue, decimal Share, IReadOnlyList<string> Largest);
