namespace TradeAccord.Core.Tariffs;

/// <summary>The figures of a quote that needed no warning and no special rule, computed without allocating.</summary>
/// <param name="BaseAdValorem">Ad valorem fraction of the general (MFN or column 2) layer.</param>
/// <param name="TotalAdValorem">Sum of the ad valorem fractions of all layers.</param>
/// <param name="TotalDuty">Sum of the layer amounts, each rounded to the cent.</param>
/// <param name="Headings">The headings of the layers, space-separated (empty when none).</param>
public readonly record struct PlainQuote(decimal BaseAdValorem, decimal TotalAdValorem, decimal TotalDuty, string Headings)
{
    /// <summary>Ad valorem fraction of every additional layer.</summary>
    public decimal AdditionalAdValorem => TotalAdValorem - BaseAdValorem;
}
