using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Sources.Tests.China;

/// <summary>
/// China's tariffs on US soybeans (line 1201.90.10.00 of the PIIE schedule: yellow soybeans other than for seed, MFN 3%,
/// 25% since the retaliation round of 2018-07-06) through the 2025 steps of data/cn/measures.
/// </summary>
public class China2025Tests
{
    private static readonly ProductCode Soybeans = ProductCode.FromDigits("1201901000");

    private static DutyQuote Quote(string date, string code = "1201901000", string origin = "US") =>
        DutyCalculator.Quote(BuiltIn.Schedule(), CountryCode.CN,
            new Shipment(ProductCode.FromDigits(code), CountryCode.Parse(origin).GetValueOrThrow(), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Value: 100m))
            .GetValueOrThrow();

    private static string[] Ids(DutyQuote quote) => [.. quote.Layers.Select(l => l.Measure.Id)];

    [Fact]
    public void Soybeans_2025_03_09_PiieRatesCarriedForward_Mfn3PlusRound2018Of25()
    {
        var quote = Quote("2025-03-09");

        quote.TotalAdValorem.ShouldBe(0.28m);
        Ids(quote).ShouldBe(["cn-mfn-2019-01-01@2025-02-10", "cn-ret-301-34b@2019-01-01"]);
    }

    [Fact]
    public void Soybeans_2025_03_10_FarmList10Percent_FromTheAnnex2OfTheMarch2025Notice()
    {
        var quote = Quote("2025-03-10");

        quote.TotalAdValorem.ShouldBe(0.38m);
        Ids(quote).ShouldContain("cn-ret-2025-farm-10");
    }

    [Fact]
    public void Soybeans_2025_04_10_All84Percent_AsReportedInEo14266_Replaces34()
    {
        var quote = Quote("2025-04-10");

        quote.TotalAdValorem.ShouldBe(1.22m);
        Ids(quote).ShouldContain("cn-ret-2025-all-84");
        Ids(quote).ShouldNotContain("cn-ret-2025-all-34");
    }

    [Fact]
    public void Soybeans_2025_04_12_All125Percent_SecondarySourcesOnly()
    {
        var quote = Quote("2025-04-12");

        quote.TotalAdValorem.ShouldBe(1.63m);
        Ids(quote).ShouldContain("cn-ret-2025-all-125");
        quote.Layers.Single(l => l.Measure.Id == "cn-ret-2025-all-125").Measure.Note!.ShouldContain("Secondary sources only");
    }

    [Fact]
    public void Soybeans_2025_05_14_All10Percent_With24PointsSuspended_SecondarySourcesOnly()
    {
        var quote = Quote("2025-05-14");

        quote.TotalAdValorem.ShouldBe(0.48m);
        Ids(quote).ShouldContain("cn-ret-2025-all-10");
        quote.Warnings.ShouldContain(w => w.Contains("suspended part (24 points)", StringComparison.Ordinal) && w.Contains("suspended: not applied", StringComparison.Ordinal));
    }

    [Fact]
    public void Soybeans_2025_11_10_FarmListEnded_10PercentKept_PerFactSheet2025_11_01()
    {
        var quote = Quote("2025-11-10");

        quote.TotalAdValorem.ShouldBe(0.38m);
        Ids(quote).ShouldBe(["cn-mfn-2019-01-01@2025-02-10", "cn-ret-2025-all-10@2025-11-10", "cn-ret-301-34b@2019-01-01"], ignoreOrder: true);
    }

    [Fact]
    public void AllGoodsSteps_ApplyOnlyToUsGoods()
    {
        Ids(Quote("2025-04-12", origin: "DE")).ShouldNotContain(id => id.StartsWith("cn-ret", StringComparison.Ordinal));
    }

    [Fact]
    public void FarmList_2025Codes_PlacedOnThe2019Line_OnlyWhenBothPartsOfASplitLineAreListed()
    {
        var farm = BuiltIn.Schedule().Set.Measures.Single(m => m.Id == "cn-ret-2025-farm-10");

        // 12019011 and 12019019 (non-GMO and other yellow soybeans, 2025) together are the 2019 line 12019010.
        farm.Coverage.Covers(Soybeans).ShouldBeTrue();
        farm.Coverage.Lists(ProductCode.FromDigits("12019011")).ShouldBeFalse();
        // 0309 (HS 2022) has no line in the 2019 schedule: left out, and said in the source version.
        BuiltIn.Schedule().Set.Sources.Single(s => s.File == "cn/measures/retaliation-2025.yaml").Version.ShouldContain("03091000");
    }

    [Fact]
    public void Quote_2019_09_01_NamesTheMissingSeptember2019List_TheDayBeforeDoesNot()
    {
        var before = Quote("2019-08-31");
        var from = Quote("2019-09-01");

        before.Warnings.ShouldNotContain(w => w.Contains("2019-09-01", StringComparison.Ordinal));
        before.Warnings.ShouldContain(w => w.Contains("the data end 2019-06-12", StringComparison.Ordinal));
        from.Warnings.ShouldContain(w => w.Contains("not in the data: China's additional tariffs of 2019-09-01", StringComparison.Ordinal));
        from.TotalAdValorem.ShouldBe(before.TotalAdValorem);
    }

    [Fact]
    public void Quote_2025_02_10_NamesEveryMissingMeasureOpenThen()
    {
        var warning = Quote("2025-02-10").Warnings.Single(w => w.Contains("the data end 2019-06-12", StringComparison.Ordinal));

        foreach (var date in new[] { "2019-09-01", "2019-12-15", "2020-02-14", "2020-02-17", "2025-02-10" })
        {
            warning.ShouldContain($"(from {date})");
        }

        warning.ShouldContain("China's 2025 measures on US goods are");
    }
}
