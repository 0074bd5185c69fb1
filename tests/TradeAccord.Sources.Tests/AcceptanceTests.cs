using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using static TradeAccord.Sources.Tests.BuiltIn;

namespace TradeAccord.Sources.Tests;

/// <summary>The tariff engine's acceptance checks, on the shipped data.</summary>
public class AcceptanceTests
{
    [Fact]
    public void Stats_OnTheDateOfTheUsitcTable_MatchItsCountsPerHeading()
    {
        var counts = ScheduleStatistics.On(Schedule(), CountryCode.US, Day("2020-01-01"))
            .Where(c => c.Heading is not null).ToDictionary(c => c.Heading!, c => (c.Lines8, c.Lines10));

        counts["9903.88.01"].ShouldBe((818, 0));
        counts["9903.88.02"].ShouldBe((279, 0));
        counts["9903.88.03"].ShouldBe((5_759, 0));
        counts["9903.88.04"].ShouldBe((0, 43));
        counts["9903.88.15"].ShouldBe((3_229, 14));
        counts["9903.88.16"].ShouldBe((542, 13));
    }

    [Fact]
    public void List1_AbsentOnJuly5_25PercentOnJuly6_2018()
    {
        Layers(Quote("2845.90.00", "CN", "2018-07-05")).ShouldBe(["Mfn Free"]);
        Layers(Quote("2845.90.00", "CN", "2018-07-06")).ShouldBe(["Mfn Free", "9903.88.01 25%"]);
    }

    [Fact]
    public void List3_EnteredAfterTheIncrease_Owes25Percent()
    {
        var quote = Quote("7326.90.8688", "CN", "2019-06-20");

        Layers(quote).ShouldBe(["Mfn 2.9%", "9903.88.03 25%"]);
        quote.TotalAdValorem.ShouldBe(0.279m);
        quote.TotalDuty.ShouldBe(2_790.00m);
    }

    [Fact]
    public void List3_ExportedBeforeMay10AndEnteredByTheDeadline_Owes10Percent()
    {
        var quote = Quote("7326.90.8688", "CN", "2019-06-14", export: "2019-05-01");

        Layers(quote).ShouldBe(["Mfn 2.9%", "9903.88.09 10%"]);
        quote.TotalDuty.ShouldBe(1_290.00m);
    }

    [Fact]
    public void List3_ExportedBeforeMay10ButEnteredAfterTheDeadline_Owes25Percent() =>
        Layers(Quote("7326.90.8688", "CN", "2019-06-15", export: "2019-05-01")).ShouldBe(["Mfn 2.9%", "9903.88.03 25%"]);

    [Fact]
    public void List4A_15PercentInOctober2019_7Point5PercentInMarch2020()
    {
        Quote("0101.29.00", "CN", "2019-10-01").AdditionalAdValorem.ShouldBe(0.15m);
        Quote("0101.29.00", "CN", "2020-03-01").AdditionalAdValorem.ShouldBe(0.075m);
    }

    [Fact]
    public void List4B_OwesNothingUnderPhaseOne_15PercentIfDecember15Proceeds()
    {
        var phaseOne = Quote("8471.30.0100", "CN", "2019-12-16", scenario: "phase-one");
        var proceeds = Quote("8471.30.0100", "CN", "2019-12-16", scenario: "dec15-proceeds");

        phaseOne.AdditionalAdValorem.ShouldBe(0m);
        phaseOne.Warnings.ShouldContain(w => w.Contains("9903.88.16") && w.Contains("suspended"));
        proceeds.AdditionalAdValorem.ShouldBe(0.15m);
        Layers(proceeds).ShouldContain("9903.88.16 15%");
    }

    [Theory]
    [InlineData("VN")]
    [InlineData("DE")]
    [InlineData("MX")]
    public void Section301_OtherOrigins_OweNone(string origin) =>
        Quote("7326.90.8688", origin, "2019-06-20").AdditionalAdValorem.ShouldBe(0m);

    [Fact]
    public void CompoundGeneralRate_ComputedFromQuantity()
    {
        var quote = Quote("0402.99.9000", "DE", "2019-10-01", value: 1_000m, quantity: 100m, unit: "kg");

        Layers(quote).ShouldBe(["Mfn 46.3¢/kg + 14.9%"]);
        quote.TotalDuty.ShouldBe(195.30m); // 1,000 x 14.9% + 100 kg x 46.3¢
    }

    [Fact]
    public void SpecificGeneralRate_ComputedFromQuantity() =>
        Quote("0105.12.00", "CA", "2019-10-01", value: 500m, quantity: 1_000m, unit: "No.").TotalDuty.ShouldBe(9.00m); // 1,000 x 0.9¢

    [Fact]
    public void ColumnTwoCountries_PayColumnTwoRates() =>
        Layers(Quote("7326.90.8688", "KP", "2019-06-20")).ShouldBe(["Column2 45%"]);

    [Fact]
    public void China_Soybeans_3PercentBeforeJuly6_2018_28PercentFrom()
    {
        Quote("1201.90", "US", "2018-07-05", importer: "CN").TotalAdValorem.ShouldBe(0.03m);
        var after = Quote("1201.90", "US", "2018-07-06", importer: "CN");
        after.TotalAdValorem.ShouldBe(0.28m);
        after.Layers.Select(l => l.Measure.Id).ShouldContain("cn-ret-301-34b");
    }

    [Fact]
    public void China_Soybeans_StillRestOnTheJuly2018ListAfterTheAutosSuspension()
    {
        // The 2019-01-01 period of the $34B round changed only autos; a soybean quote must still cite the list it is on.
        var layer = Quote("1201.90", "US", "2019-06-01", importer: "CN").Layers.Single(l => l.Measure.Kind == MeasureKind.Retaliation);
        layer.Measure.LegalBase.ShouldContain("retaliation list effective 2018-07-06");
        layer.Measure.LegalBase.ShouldContain("as amended from 2019-01-01");
    }

    [Fact]
    public void China_FrozenPork_62PercentAfterJune2019() =>
        Quote("0203.29.0010", "US", "2019-06-01", importer: "CN").TotalAdValorem.ShouldBe(0.62m); // 12 MFN + 25 + 25

    [Fact]
    public void China_RetaliationAppliesToUsGoodsOnly() =>
        Quote("1201.90", "BR", "2019-01-01", importer: "CN").TotalAdValorem.ShouldBe(0.03m);

    [Fact]
    public void China_AutoRetaliationSuspendedFrom2019()
    {
        var line = Schedule().Set.Measures.Single(m => m.Id == "cn-ret-301-16b").Coverage.Lines
            .First(l => !Schedule().Set.Measures.Single(m => m.Id == "cn-ret-301-16b@2019-01-01").Coverage.Lists(l));

        Quote(line.Value, "US", "2018-12-31", importer: "CN").Layers.ShouldContain(l => l.Measure.Id == "cn-ret-301-16b");
        Quote(line.Value, "US", "2019-01-01", importer: "CN").Layers.ShouldNotContain(l => l.Measure.Kind == MeasureKind.Retaliation);
    }

    [Fact]
    public void DatesBeforeTheFirstRevision_UseTheNearestWithAWarning() =>
        Quote("7326.90.8688", "DE", "2018-03-01").Warnings.ShouldContain(w => w.Contains("nearest") && w.Contains("HTS 2018 revision 11"));

    [Fact]
    public void Escalation_RaisesLists1To3To30PercentFromOctober15()
    {
        Quote("2845.90.00", "CN", "2019-10-14", scenario: "escalation-2019-10").AdditionalAdValorem.ShouldBe(0.25m);
        Quote("2845.90.00", "CN", "2019-10-15", scenario: "escalation-2019-10").AdditionalAdValorem.ShouldBe(0.30m);
        Quote("8471.30.0100", "CN", "2019-12-16", scenario: "escalation-2019-10").AdditionalAdValorem.ShouldBe(0.15m);
    }

    [Fact]
    public void No301_LeavesOnlyTheGeneralRate() =>
        Layers(Quote("7326.90.8688", "CN", "2019-06-20", scenario: "no-301")).ShouldBe(["Mfn 2.9%"]);

    [Fact]
    public void EveryMeasure_NamesItsLegalBaseAndSource() =>
        Schedule().Set.Measures.ShouldAllBe(m => m.LegalBase.Length > 10 && m.Source.Length > 5);

    [Fact]
    public void Schedule_NamesTheSourceVersionsItWasBuiltFrom() =>
        Schedule().Sources.Select(s => s.Name).ShouldContain("HTS 2020 revision 10");
}

/// <summary>Cases a reviewer of the engine raised: declarations at the wrong level, revisions without a line, data ends.</summary>
public class DeclarationLevelTests
{
    [Fact]
    public void EightDigitDeclaration_NamesTenDigitCoverageItWouldMiss()
    {
        var quote = Quote("2931.90.90", "CN", "2019-06-20");

        quote.AdditionalAdValorem.ShouldBe(0m);
        quote.Warnings.ShouldContain(w => w.Contains("some lines under 2931.90.90") && w.Contains("9903.88.04"));
    }

    [Fact]
    public void EightDigitDeclaration_FromAnOriginTheMeasuresBelowDoNotCover_HasNoSuchWarning() =>
        Quote("2931.90.90", "DE", "2019-06-20").Warnings.ShouldNotContain(w => w.Contains("some lines under"));

    [Fact]
    public void China_CodeSplitIntoAAndBLines_IsAnsweredFromItsOwnLines()
    {
        var shipment = new Shipment(ProductCode.Parse("8525801301").GetValueOrThrow(), CountryCode.US, Day("2019-06-01"), Value: 100m);

        DutyCalculator.Quote(Schedule(), CountryCode.CN, shipment).Error.ShouldNotBeNull().ShouldContain("8525.80.13.01 spans 2 lines");
    }

    [Fact]
    public void UnknownStatisticalSuffix_KeepsTheCodesOwnSection301Listing()
    {
        var quote = Quote("8517.62.00.20", "CN", "2019-06-20"); // listed under 9903.88.04, not a line of HTS 2018 rev 11

        quote.AdditionalAdValorem.ShouldBe(0.25m);
        quote.Warnings.ShouldContain(w => w.Contains("not a statistical line of HTS 2018 revision 11"));
    }

    [Fact]
    public void UnknownStatisticalSuffix_UnderALinePrintedOnlyAtTenDigits_IsPricedAsThatLine()
    {
        var quote = Quote("0101.30.00.99", "DE", "2019-10-20");

        // HTS 2019 revision 15 (data/hts/hts_2019_revision_15.csv), line 0101.30.00.00 (asses): general rate 6.8%.
        quote.TotalAdValorem.ShouldBe(0.068m);
        quote.Warnings.ShouldContain(w => w.Contains("printed only as 0101.30.00.00"));
    }

    [Fact]
    public void China_AfterItsDataEnd_WarnsThatLaterChangesAreMissing() =>
        Quote("1201.90", "US", "2020-01-01", importer: "CN").Warnings.ShouldContain(w => w.Contains("the data end 2019-06-12"));

    [Fact]
    public void China_BeforeItsDataEnd_HasNoSuchWarning() =>
        Quote("1201.90", "US", "2019-06-01", importer: "CN").Warnings.ShouldNotContain(w => w.Contains("the data end"));
}
