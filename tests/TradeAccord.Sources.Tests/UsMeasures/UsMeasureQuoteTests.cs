namespace TradeAccord.Sources.Tests.UsMeasures;

/// <summary>
/// The US measure layers a quote picks up on either side of a step (the 2025 nomenclature is being added elsewhere, so
/// codes here exist in the 2020 HTS; the assertions are about which measures apply, not totals).
/// </summary>
public class UsMeasureQuoteTests
{
    private static string[] Ids(string hts, string origin, string entry, string? export = null) =>
        [.. BuiltIn.Quote(hts, origin, entry, export).Layers.Select(l => l.Measure.Id)];

    [Fact]
    public void China_April2025_ReciprocalReplacesTheBaseline_AndFentanylStacks()
    {
        var ids = Ids("7326.90.8688", "CN", "2025-04-10");

        ids.ShouldContain("ieepa-recip-cn-125");
        ids.ShouldContain("ieepa-fent-cn-20");
        ids.ShouldNotContain("ieepa-recip-all-10");
        Ids("7326.90.8688", "CN", "2025-05-14").ShouldContain("ieepa-recip-all-10");
        Ids("7326.90.8688", "CN", "2025-05-13").ShouldContain("ieepa-recip-cn-125");
    }

    [Fact]
    public void GoodsInTransit_PayTheEarlierRate()
    {
        Ids("7326.90.8688", "CN", "2025-04-10", export: "2025-04-01").ShouldNotContain("ieepa-recip-cn-125");
        Ids("7326.90.8688", "VN", "2025-08-20", export: "2025-08-01").ShouldContain("ieepa-recip-2025-08-transit");
        Ids("7326.90.8688", "VN", "2025-08-20", export: "2025-08-10").ShouldContain("ieepa-recip-vn-20");
        Ids("7326.90.8688", "DE", "2026-02-26", export: "2026-02-20").ShouldNotContain("s122-10");
    }

    [Fact]
    public void AnnexIIProducts_AreExempt_AndTheSurchargeFollowsIeepa()
    {
        // 2504.10.50: natural graphite, listed in Annex II of EO 14257.
        var exempt = BuiltIn.Quote("2504.10.5000", "DE", "2025-06-02");
        exempt.Layers.Select(l => l.Measure.Id).ShouldNotContain("ieepa-recip-all-10");

        Ids("7326.90.8688", "DE", "2026-02-23").ShouldContain("ieepa-recip-all-10");
        Ids("7326.90.8688", "DE", "2026-02-24").ShouldContain("s122-10");
        Ids("7326.90.8688", "DE", "2026-02-24").ShouldNotContain("ieepa-recip-all-10");
    }
}
