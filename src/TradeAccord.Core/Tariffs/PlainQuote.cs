namespace TradeAccord.Core.Tariffs;

/// <summary>The figures of a quote that needed no warning and no special rule, computed without allocating.</summary>
/// <param name="BaseAdValorem">Ad valorem fraction of the general (MFN or column 2) layer.</param>
/// <param name="TotalAdValorem">Sum of the ad valorem fractions of all layers.</param>
/// <param name="TotalDuty">Sum of the layer amounts, each rounded to the cent.</param>
/// <param name="Headings">The headings of the layers, space-separated (empty when none).</param>
/// <param name="SourceWarning">The warning about the source's dates (nearest revision, data end), or null.</param>
/// <param name="CodeWarning">The warning about the declared code (suffix not in the revision, coverage below), or null.</param>
/// <param name="IeepaDuty">The part of <paramref name="TotalDuty"/> levied under IEEPA.</param>
public readonly record struct PlainQuote(
    decimal BaseAdValorem, decimal TotalAdValorem, decimal TotalDuty, string Headings, string? SourceWarning, string? CodeWarning,
    decimal IeepaDuty = 0m)
{
    /// <summary>The warnings in the order <see cref="DutyCalculator.Quote"/> gives them.</summary>
    public IEnumerable<string> Warnings => new[] { SourceWarning, CodeWarning }.OfType<string>();

    /// <summary>Ad valorem fraction of every additional layer.</summary>
    public decimal AdditionalAdValorem => TotalAdValorem - BaseAdValorem;
}
