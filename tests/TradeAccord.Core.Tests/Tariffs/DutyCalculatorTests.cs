using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using static TradeAccord.Core.Tests.Synthetic;

namespace TradeAccord.Core.Tests.Tariffs;

public class DutyCalculatorTests
{
    private static readonly ProductCoverage Lines = Coverage("lines",
        ("01011100", "2%"), ("0101110010", null), ("0101110020", null),
        ("01012200", "1.5¢/kg + 4%"),
        ("01013300", null), ("0101330010", "1%"), ("0101330020", "3%"),
        ("01014400", null), ("0101440010", "5%"), ("0101440020", "5%"));

    private static readonly ProductCoverage Listed = Coverage("listed", ("01011100", null), ("01012200", null));

    private static Result<DutyQuote> Quote(TariffSchedule schedule, Shipment shipment) => DutyCalculator.Quote(schedule, CountryCode.US, shipment);

    [Fact]
    public void Quote_LayersStack_AndTotalsAddUp()
    {
        var schedule = Compile(Mfn("g", Start, null, Lines), Additional("a", "25%", new DateOnly(2018, 7, 6), null, Listed));

        var quote = Quote(schedule, Ship("0101110010", "CN", "2019-01-01")).GetValueOrThrow();

        quote.Layers.Select(l => l.Measure.Id).ShouldBe(["g", "a"]);
        quote.Layers.Select(l => l.Amount).ShouldBe([20.00m, 250.00m]);
        quote.TotalAdValorem.ShouldBe(0.27m);
        quote.BaseAdValorem.ShouldBe(0.02m);
        quote.AdditionalAdValorem.ShouldBe(0.25m);
        quote.TotalDuty.ShouldBe(270.00m);
    }

    [Fact]
    public void Quote_BeforeTheMeasureStarts_OnlyTheGeneralRate()
    {
        var schedule = Compile(Mfn("g", Start, null, Lines), Additional("a", "25%", new DateOnly(2018, 7, 6), null, Listed));

        Quote(schedule, Ship("01011100", "CN", "2018-07-05")).GetValueOrThrow().Layers.Select(l => l.Measure.Id).ShouldBe(["g"]);
        Quote(schedule, Ship("01011100", "CN", "2018-07-06")).GetValueOrThrow().Layers.Select(l => l.Measure.Id).ShouldBe(["g", "a"]);
    }

    [Fact]
    public void Quote_OtherOrigin_NoAdditionalDuty() =>
        Quote(Compile(Mfn("g", Start, null, Lines), Additional("a", "25%", Start, null, Listed)), Ship("01011100", "VN", "2019-01-01"))
            .GetValueOrThrow().TotalAdValorem.ShouldBe(0.02m);

    [Fact]
    public void Quote_CompoundRate_UsesQuantity()
    {
        var schedule = Compile(Mfn("g", Start, null, Lines));

        var quote = Quote(schedule, Ship("01012200", "DE", "2019-01-01") with { Quantity = 120m, Unit = "kgs" }).GetValueOrThrow();

        quote.Layers.ShouldHaveSingleItem().Amount.ShouldBe(41.80m); // 1000 x 4% + 120 kg x 1.5¢
        quote.IsComplete.ShouldBeTrue();
    }

    [Fact]
    public void Quote_SpecificRateWithoutQuantity_WarnsAndIsIncomplete()
    {
        var quote = Quote(Compile(Mfn("g", Start, null, Lines)), Ship("01012200", "DE", "2019-01-01")).GetValueOrThrow();

        quote.IsComplete.ShouldBeFalse();
        quote.TotalDuty.ShouldBe(40.00m);
        quote.Warnings.ShouldContain(w => w.Contains("needs a quantity in kg"));
    }

    [Fact]
    public void Quote_TenDigitLineInheritsFromItsEightDigitParent() =>
        Quote(Compile(Mfn("g", Start, null, Lines)), Ship("0101110020", "DE", "2019-01-01")).GetValueOrThrow()
            .Layers.ShouldHaveSingleItem().Rate.Text.ShouldBe("2%");

    [Fact]
    public void Quote_UnknownStatisticalSuffix_UsesTheParentAndWarns()
    {
        var quote = Quote(Compile(Mfn("g", Start, null, Lines)), Ship("0101110099", "DE", "2019-01-01")).GetValueOrThrow();

        quote.Line.Value.ShouldBe("0101110099");
        quote.TotalAdValorem.ShouldBe(0.02m);
        quote.Warnings.ShouldContain(w => w.Contains("not a statistical line") && w.Contains("rates of 0101.11.00 used"));
    }

    [Fact]
    public void Quote_UnknownCode_Fails() =>
        Quote(Compile(Mfn("g", Start, null, Lines)), Ship("01019900", "DE", "2019-01-01")).Error.ShouldNotBeNull().ShouldContain("unknown code 0101.99.00");

    [Theory]
    [InlineData("2017-12-31")]
    [InlineData("2021-01-01")]
    public void Quote_DateOutsideTheData_Fails(string date) =>
        Quote(Compile(Mfn("g", Start, null, Lines)), Ship("01011100", "DE", date)).Error.ShouldNotBeNull().ShouldContain("outside the data");

    [Fact]
    public void Quote_CodeSpanningLinesWithDifferentRates_ListsThem() =>
        Quote(Compile(Mfn("g", Start, null, Lines)), Ship("01013300", "DE", "2019-01-01")).Error.ShouldNotBeNull()
            .ShouldContain("spans 2 lines");

    [Fact]
    public void Quote_CodeSpanningLinesWithTheSameRates_Answers()
    {
        var quote = Quote(Compile(Mfn("g", Start, null, Lines)), Ship("01014400", "DE", "2019-01-01")).GetValueOrThrow();

        quote.TotalAdValorem.ShouldBe(0.05m);
        quote.Warnings.ShouldContain(w => w.Contains("all owe the same"));
    }

    [Fact]
    public void Quote_SuspendedMeasure_NotAppliedButReported()
    {
        var suspended = Additional("b", "15%", Start, null, Listed) with { Status = MeasureStatus.Suspended };

        var quote = Quote(Compile(Mfn("g", Start, null, Lines), suspended), Ship("01011100", "CN", "2019-12-16")).GetValueOrThrow();

        quote.TotalAdValorem.ShouldBe(0.02m);
        quote.Warnings.ShouldContain(w => w.Contains("suspended"));
    }

    [Fact]
    public void Quote_ExportCondition_SupersedesOnlyWhenMet()
    {
        var raised = Additional("raised", "25%", new DateOnly(2019, 5, 10), null, Listed);
        var transit = Additional("transit", "10%", new DateOnly(2019, 5, 10), new DateOnly(2019, 6, 15), Listed) with
        {
            ExportCondition = new ExportCondition(new DateOnly(2019, 5, 10), null),
            Supersedes = ["raised"],
        };
        var schedule = Compile(Mfn("g", Start, null, Lines), raised, transit);

        Quote(schedule, Ship("01011100", "CN", "2019-05-20", export: "2019-05-01")).GetValueOrThrow().TotalAdValorem.ShouldBe(0.12m);
        Quote(schedule, Ship("01011100", "CN", "2019-05-20", export: "2019-05-12")).GetValueOrThrow().TotalAdValorem.ShouldBe(0.27m);
        Quote(schedule, Ship("01011100", "CN", "2019-06-20", export: "2019-05-01")).GetValueOrThrow().TotalAdValorem.ShouldBe(0.27m);
        var unknownExport = Quote(schedule, Ship("01011100", "CN", "2019-05-20")).GetValueOrThrow();
        unknownExport.TotalAdValorem.ShouldBe(0.27m);
        unknownExport.Warnings.ShouldContain(w => w.Contains("give the export date"));
    }

    [Fact]
    public void Quote_ClaimableExclusion_AppliesOnlyWhenClaimed()
    {
        var exclusion = Additional("x", "0%", Start, null, Coverage("x", ("0101110010", null))) with
        {
            Kind = MeasureKind.Exclusion,
            RequiresClaim = true,
            Supersedes = ["a"],
            Note = "synthetic exclusion.",
        };
        var schedule = Compile(Mfn("g", Start, null, Lines), Additional("a", "25%", Start, null, Listed), exclusion);

        var unclaimed = Quote(schedule, Ship("0101110010", "CN", "2019-01-01")).GetValueOrThrow();
        var claimed = Quote(schedule, Ship("0101110010", "CN", "2019-01-01") with { ClaimExclusions = true }).GetValueOrThrow();

        unclaimed.TotalAdValorem.ShouldBe(0.27m);
        unclaimed.Warnings.ShouldContain(w => w.Contains("Not applied unless claimed"));
        claimed.TotalAdValorem.ShouldBe(0.02m);
    }

    [Fact]
    public void Quote_BeforeTheFirstRevision_UsesTheNearestAndWarns()
    {
        var schedule = Compile(Mfn("g", Start, null, Lines, documentedFrom: new DateOnly(2018, 8, 24)));

        var quote = Quote(schedule, Ship("01011100", "DE", "2018-03-01")).GetValueOrThrow();

        quote.Warnings.ShouldContain(w => w.Contains("using the nearest") && w.Contains("2018-08-24"));
    }

    [Fact]
    public void Quote_RevisionChange_PicksTheRevisionInForce()
    {
        var old = Mfn("old", Start, new DateOnly(2019, 1, 1), Coverage("old", ("01011100", "2%")));
        var newer = Mfn("new", new DateOnly(2019, 1, 1), null, Coverage("new", ("01011100", "3%")));
        var schedule = Compile(old, newer);

        Quote(schedule, Ship("01011100", "DE", "2018-12-31")).GetValueOrThrow().TotalAdValorem.ShouldBe(0.02m);
        Quote(schedule, Ship("01011100", "DE", "2019-01-01")).GetValueOrThrow().TotalAdValorem.ShouldBe(0.03m);
    }

    [Theory]
    [InlineData(-1, null, "value -1 is negative")]
    [InlineData(null, -5, "quantity -5 is negative")]
    public void Quote_NegativeAmounts_Fail(int? value, int? quantity, string expected) =>
        Quote(Compile(Mfn("g", Start, null, Lines)), Ship("01011100", "DE", "2019-01-01", value) with { Quantity = quantity, Unit = "kg" })
            .Error.ShouldNotBeNull().ShouldContain(expected);

    [Fact]
    public void Quote_AmountBeyondAnyEntry_FailsInsteadOfOverflowing() =>
        Quote(Compile(Mfn("g", Start, null, Lines)), Ship("01011100", "DE", "2019-01-01", 70_000_000_000_000_000_000_000_000_000m))
            .Error.ShouldNotBeNull().ShouldContain("is too large: expected at most 1,000,000,000,000,000");

    [Fact]
    public void Quote_DefaultCodeOrOrigin_IsACallersBug() =>
        Should.Throw<ArgumentException>(() => Quote(Compile(Mfn("g", Start, null, Lines)), new Shipment(default, CountryCode.CN, Start)));

    [Fact]
    public void Quote_ExportAfterEntry_Fails() =>
        Quote(Compile(Mfn("g", Start, null, Lines)), Ship("01011100", "DE", "2019-01-01", export: "2019-02-01"))
            .Error.ShouldNotBeNull().ShouldContain("after the entry date");

    [Fact]
    public void Quote_UnknownImporter_Fails() =>
        DutyCalculator.Quote(Compile(Mfn("g", Start, null, Lines)), CountryCode.CN, Ship("01011100", "US", "2019-01-01"))
            .Error.ShouldNotBeNull().ShouldContain("no tariff data for importer 'CN'");

    [Fact]
    public void Quote_AmountsRoundHalfAwayFromZeroToTheCent() =>
        Quote(Compile(Mfn("g", Start, null, Coverage("r", ("01011100", "2.5%")))), Ship("01011100", "DE", "2019-01-01", 0.2m))
            .GetValueOrThrow().TotalDuty.ShouldBe(0.01m); // 0.005 is a midpoint: away from zero gives 0.01, to even 0.00

    [Fact]
    public void Quote_QualifiedRate_IsComputedButMarkedIncomplete()
    {
        var quote = Quote(Compile(Mfn("g", Start, null, Coverage("q", ("01011100", "6% on the case")))), Ship("01011100", "DE", "2019-01-01"))
            .GetValueOrThrow();

        quote.TotalDuty.ShouldBe(60.00m);
        quote.IsComplete.ShouldBeFalse();
        quote.Warnings.ShouldContain(w => w.Contains("levied on part of the goods"));
    }
}
