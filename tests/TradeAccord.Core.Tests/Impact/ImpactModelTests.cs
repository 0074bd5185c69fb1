using CsCheck;
using TradeAccord.Core.Impact;

namespace TradeAccord.Core.Tests.Impact;

/// <summary>The impact model on textbook cases (one synthetic product, given elasticities) and its properties.</summary>
public class ImpactModelTests
{
    private static ImpactLine Line(double partner, double rest, double t0, double t1, double eta = 2, double sigma = 3, double tRest = 0) =>
        new("synthetic", "synthetic", partner, rest, t0, t1, tRest, eta, sigma);

    [Fact]
    public void A_ten_point_tariff_on_one_product_without_other_sources()
    {
        // M = 100, tariff 0 → 10%, import-demand elasticity 2, supply infinitely elastic.
        var e = ImpactModel.Effect(Line(100, 0, 0, 0.10));
        e.TradeCreation.ShouldBe(100 * (Math.Pow(1.1, -2) - 1), 1e-9);   // −17.355
        e.PartnerAfter.ShouldBe(82.6446, 1e-4);
        e.TradeDiversion.ShouldBe(0);
        e.RevenueBefore.ShouldBe(0);
        e.RevenueAfter.ShouldBe(8.26446, 1e-5);
        e.ImporterDutyBurden.ShouldBe(e.RevenueAfter, 1e-12);
        // The textbook loss for a price rise of 10% on imports falling from 100 to 82.6446: the rectangle on what is still
        // bought, 0.1 × 82.6446 = 8.26446, plus the Harberger triangle, ½ × 0.1 × (100 − 82.6446) = 0.86777.
        e.ConsumerSurplusChange.ShouldBe(-(8.26446 + 0.86777), 1e-4);
    }

    [Fact]
    public void Small_changes_agree_with_the_linear_smart_formula()
    {
        var e = ImpactModel.Effect(Line(100, 0, 0.05, 0.0505, eta: 1.5));
        var smart = 100 * -1.5 * 0.0005 / 1.05;
        e.TradeCreation.ShouldBe(smart, Math.Abs(smart) * 0.01);
    }

    [Fact]
    public void Diversion_follows_the_ces_share_shift()
    {
        // Equal shares, σ = 3: a cut from 10% to 0 lowers the partner's relative price to 1/1.1 and moves its quantity
        // share to 0.5·1.1^3 / (0.5·1.1^3 + 0.5) = 0.5710.
        var e = ImpactModel.Effect(Line(50, 50, 0.10, 0.0, eta: 0, sigma: 3));
        var share = 0.5 * Math.Pow(1.1, 3) / (0.5 * Math.Pow(1.1, 3) + 0.5);
        share.ShouldBe(0.5710, 1e-4);
        e.TradeDiversion.ShouldBe((share - 0.5) * 100, 1e-9);
        e.RestAfter.ShouldBe(100 - share * 100, 1e-9);
    }

    [Fact]
    public void Finite_supply_shares_the_tariff_with_exporters()
    {
        // A 20% tariff, demand elasticity η = 2, supply elasticity ε = 2: importers bear ε/(ε+η) = ½ of it (the incidence
        // rule of any partial-equilibrium text), so their price rises 10% and imports fall as in the first case, to
        // 100 × 1.1^−2 = 82.6446, of which they pay 10%: 8.26446. With infinitely elastic supply they bear all 20%:
        // 100 × 1.2^−2 = 69.4444.
        var infinite = ImpactModel.Effect(Line(100, 0, 0, 0.2));
        var finite = ImpactModel.Effect(Line(100, 0, 0, 0.2), supplyElasticity: 2);
        infinite.PartnerAfter.ShouldBe(69.4444, 1e-4);
        finite.PartnerAfter.ShouldBe(82.6446, 1e-4);
        finite.ImporterDutyBurden.ShouldBe(8.26446, 1e-5);
    }

    [Fact]
    public void A_cut_moves_trade_towards_the_partner_even_when_substitution_is_weak()
    {
        // σ < 1 once sent trade away from the partner after a cut (an expenditure-share exponent on values held at world prices).
        var e = ImpactModel.Effect(Line(83, 8_098_361, 1.0 / 3, 0.0145, eta: 0.387, sigma: 0.474));
        e.TradeDiversion.ShouldBeGreaterThan(0);
        e.PartnerAfter.ShouldBeGreaterThan(83);
    }

    private static readonly Gen<ImpactLine> Lines =
        Gen.Select(Gen.Double[0, 1e9], Gen.Double[0, 1e9], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Double[0.05, 10], Gen.Double[0.05, 10])
            .Select((m, r, t0, t1, eta, sigma) => Line(m, r, t0, t1, eta, sigma));

    [Fact]
    public void A_tariff_cut_never_lowers_imports_from_the_partner() =>
        Lines.Where(l => l.TariffAfter <= l.TariffBefore).Sample(l => ImpactModel.Effect(l).PartnerAfter.ShouldBeGreaterThanOrEqualTo(l.ImportsPartner * (1 - 1e-12)));

    [Fact]
    public void Diversion_never_exceeds_the_trade_it_moves() =>
        Lines.Sample(l =>
        {
            var e = ImpactModel.Effect(l);
            e.TradeDiversion.ShouldBeLessThanOrEqualTo(l.ImportsRest * (1 + 1e-12) + 1e-6);
            e.TradeDiversion.ShouldBeGreaterThanOrEqualTo(-l.ImportsPartner * (1 + 1e-12) - 1e-6);
            e.RestAfter.ShouldBeGreaterThanOrEqualTo(0);
        });

    [Fact]
    public void A_tariff_rise_never_raises_imports_from_the_partner() =>
        Lines.Where(l => l.TariffAfter >= l.TariffBefore).Sample(l => ImpactModel.Effect(l).PartnerAfter.ShouldBeLessThanOrEqualTo(l.ImportsPartner * (1 + 1e-12) + 1e-6));

    [Fact]
    public void Creation_and_diversion_together_never_take_more_than_the_partner_supplied() =>
        Lines.Sample(l =>
        {
            var e = ImpactModel.Effect(l);
            (l.ImportsPartner + e.TradeCreation + e.TradeDiversion).ShouldBeGreaterThanOrEqualTo(-1e-6);
            e.ImportsAfter.ShouldBe(e.PartnerAfter + e.RestAfter);
        });
}
