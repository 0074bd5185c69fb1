namespace TradeAccord.Core.Impact;

/// <summary>One product of one importing market: its trade by source, its tariffs before and after, its elasticities.</summary>
/// <param name="Code">The product code of the base trade data.</param>
/// <param name="Group">What it is reported under (a Section 301 list, a chapter, an HS6).</param>
/// <param name="ImportsPartner">Imports from the partner whose tariff changes, USD at world prices.</param>
/// <param name="ImportsRest">Imports from the rest of the world, USD.</param>
/// <param name="TariffBefore">Ad valorem tariff on the partner's goods before (0.25 = 25%).</param>
/// <param name="TariffAfter">Ad valorem tariff on the partner's goods after.</param>
/// <param name="TariffRest">Tariff on the rest of the world (unchanged).</param>
/// <param name="DemandElasticity">Import-demand elasticity, as a positive number.</param>
/// <param name="SubstitutionElasticity">Elasticity of substitution between the partner's and others' varieties.</param>
public sealed record ImpactLine(string Code, string Group, double ImportsPartner, double ImportsRest, double TariffBefore, double TariffAfter,
    double TariffRest, double DemandElasticity, double SubstitutionElasticity);

/// <summary>The effects on one product (USD; positive creation and diversion move trade towards the partner).</summary>
/// <param name="Line">The product.</param>
/// <param name="PartnerAfter">Imports from the partner after.</param>
/// <param name="RestAfter">Imports from the rest of the world after.</param>
/// <param name="TradeCreation">Change in total imports from the partner's price change.</param>
/// <param name="TradeDiversion">Imports shifted from the rest of the world to the partner (negative: away from it).</param>
/// <param name="RevenueBefore">Tariff revenue before.</param>
/// <param name="RevenueAfter">Tariff revenue after.</param>
/// <param name="ImporterDutyBurden">Duty on the partner's goods after that the importers bear.</param>
/// <param name="ConsumerSurplusChange">Change in the importing country's consumer surplus on the partner's goods.</param>
public sealed record ImpactEffect(ImpactLine Line, double PartnerAfter, double RestAfter, double TradeCreation, double TradeDiversion,
    double RevenueBefore, double RevenueAfter, double ImporterDutyBurden, double ConsumerSurplusChange)
{
    /// <summary>Imports before, all sources.</summary>
    public double ImportsBefore => Line.ImportsPartner + Line.ImportsRest;

    /// <summary>Imports after, all sources.</summary>
    public double ImportsAfter => PartnerAfter + RestAfter;
}

/// <summary>
/// A partial-equilibrium model of one importing market in the manner of WITS SMART: imperfect substitutes by source
/// (Armington), one import-demand elasticity and one substitution elasticity per product, export supply infinitely
/// elastic unless a supply elasticity is given.
/// <list type="bullet">
/// <item>Importer price change of the partner's goods: p = φ·((1+t1)/(1+t0) − 1), with pass-through φ = 1, or ε/(ε+η) for a finite supply elasticity ε.</item>
/// <item>Trade creation: M′·((1+p)^(−η) − 1) — the constant-elasticity form of SMART's M·η·dt/(1+t) — on M′, what the partner
/// supplies once diversion has moved trade (M′ = M when no other source is known), so creation and diversion together
/// never take more than the partner supplied and nothing has to be cut off at zero.</item>
/// <item>Trade diversion, applied first: the exact CES shift of the partner's quantity share s to s(1+p)^(−σ)/(s(1+p)^(−σ)+1−s) of the base total,
/// so it never exceeds what the other sources supplied (a cut) or the partner supplied (a rise). The exponent is −σ, not the
/// 1−σ of expenditure shares, because values are held at base world prices and so move with quantities: a cut then always
/// moves trade towards the partner, even when σ &lt; 1.</item>
/// <item>Consumer surplus: −(M·p + ½·p·creation), the Harberger triangle with the rectangle on base imports.</item>
/// </list>
/// Values stay at base world prices.
/// </summary>
public static class ImpactModel
{
    /// <summary>The effects on each line.</summary>
    /// <param name="lines">The products.</param>
    /// <param name="supplyElasticity">Export supply elasticity, or null for infinitely elastic supply.</param>
    public static IReadOnlyList<ImpactEffect> Run(IEnumerable<ImpactLine> lines, double? supplyElasticity = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return [.. lines.Select(l => Effect(l, supplyElasticity))];
    }

    /// <summary>The effects on one line.</summary>
    public static ImpactEffect Effect(ImpactLine line, double? supplyElasticity = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        var eta = line.DemandElasticity;
        var passThrough = supplyElasticity is { } e ? e / (e + eta) : 1.0;
        var p = passThrough * ((1 + line.TariffAfter) / (1 + line.TariffBefore) - 1);
        var m = line.ImportsPartner;
        var total = m + line.ImportsRest;
        var share = total > 0 ? m / total : 0;
        var shifted = share * Math.Pow(1 + p, -line.SubstitutionElasticity);
        var diversion = total > 0 && share < 1 ? (shifted / (shifted + 1 - share) - share) * total : 0;
        var creation = (m + diversion) * (Math.Pow(1 + p, -eta) - 1);
        // Both terms are bounded (diversion by the shares, creation by what is left), so these stay ≥ 0 but for rounding.
        var partnerAfter = Math.Max(0, m + diversion + creation);
        var restAfter = Math.Max(0, line.ImportsRest - diversion);
        var revenueBefore = line.TariffBefore * m + line.TariffRest * line.ImportsRest;
        var revenueAfter = line.TariffAfter * partnerAfter + line.TariffRest * restAfter;
        // With finite supply the exporters absorb part of a change: importers pay the old rate plus their share of the change.
        var importerRate = line.TariffBefore + passThrough * (line.TariffAfter - line.TariffBefore);
        var burden = importerRate * partnerAfter;
        var surplus = -(m * p + 0.5 * p * creation);
        return new ImpactEffect(line, partnerAfter, restAfter, creation, diversion, revenueBefore, revenueAfter, burden, surplus);
    }
}
