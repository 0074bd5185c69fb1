using TradeAccord.Core.Tariffs;
using static TradeAccord.Sources.Tests.UsMeasures.UsMeasureData;

namespace TradeAccord.Sources.Tests.UsMeasures;

/// <summary>Every US measure step of 2024-2026 starts (and ends) on the day its instrument names.</summary>
public class UsMeasureDatesTests
{
    // id, heading, first day, first day without it (null: open), rate; dates as cited in each measure's legalBase.
    public static TheoryData<string, string, string, string?, string> Steps => new()
    {
        { "ieepa-fent-cn-10", "9903.01.20", "2025-02-04", "2025-03-04", "10%" },
        { "ieepa-fent-cn-20", "9903.01.24", "2025-03-04", "2025-11-10", "20%" },
        { "ieepa-fent-cn-10-nov25", "9903.01.24", "2025-11-10", "2026-02-24", "10%" },
        { "ieepa-fent-ca-25", "9903.01.10", "2025-03-04", "2025-08-01", "25%" },
        { "ieepa-fent-ca-35", "9903.01.10", "2025-08-01", "2026-02-24", "35%" },
        { "ieepa-fent-ca-energy-10", "9903.01.13", "2025-03-04", "2026-02-24", "10%" },
        { "ieepa-fent-ca-potash-10", "9903.01.15", "2025-03-07", "2026-02-24", "10%" },
        { "ieepa-fent-mx-25", "9903.01.01", "2025-03-04", "2026-02-24", "25%" },
        { "ieepa-fent-mx-potash-10", "9903.01.05", "2025-03-07", "2026-02-24", "10%" },
        { "ieepa-recip-all-10", "9903.01.25", "2025-04-05", "2026-02-24", "10%" },
        { "ieepa-recip-ca-mx-out", "9903.01.26", "2025-04-05", "2026-02-24", "0%" },
        { "ieepa-recip-all-transit", "9903.01.28", "2025-04-05", "2026-02-24", "0%" },
        { "ieepa-recip-cn-84", "9903.01.63", "2025-04-09", "2025-04-10", "84%" },
        { "ieepa-recip-cn-125", "9903.01.63", "2025-04-10", "2025-05-14", "125%" },
        { "ieepa-recip-cn-transit", "9903.01.25", "2025-04-09", "2025-05-14", "10%" },
        { "ieepa-recip-vn-20", "9903.02.69", "2025-08-07", "2026-02-24", "20%" },
        { "ieepa-recip-jp-15", "9903.02.30", "2025-08-07", "2025-09-16", "15%" },
        { "ieepa-recip-kr-15", "9903.02.56", "2025-08-07", "2025-11-14", "15%" },
        { "ieepa-recip-gb-10", "9903.02.66", "2025-08-07", "2026-02-24", "10%" },
        { "ieepa-recip-ch-39", "9903.02.58", "2025-08-07", "2025-11-14", "39%" },
        { "ieepa-recip-in-25", "9903.02.26", "2025-08-07", "2026-02-24", "25%" },
        { "ieepa-recip-br-10", "9903.02.09", "2025-08-07", "2026-02-24", "10%" },
        { "ieepa-recip-2025-08-transit", "9903.01.25", "2025-08-07", "2025-10-05", "10%" },
        { "ieepa-in-25-extra", "9903.01.84", "2025-08-27", "2026-02-07", "25%" },
        { "ieepa-br-40", "9903.01.77", "2025-08-06", "2026-02-24", "40%" },
        { "ieepa-br-40-exempt", "9903.01.78", "2025-08-06", "2026-02-24", "0%" },
        { "ieepa-br-40-exempt-nov25", "9903.01.78", "2025-11-13", "2026-02-24", "0%" },
        { "ieepa-recip-annex2", "9903.01.32", "2025-04-05", "2026-02-24", "0%" },
        { "ieepa-recip-annex2-to-2025-07-31", "9903.01.32", "2025-04-05", "2025-08-01", "0%" },
        { "ieepa-recip-annex2-to-2025-09-07", "9903.01.32", "2025-04-05", "2025-09-08", "0%" },
        { "ieepa-recip-annex2-to-2025-10-13", "9903.01.32", "2025-04-05", "2025-10-14", "0%" },
        { "ieepa-recip-annex2-from-2025-09-08", "9903.01.32", "2025-09-08", "2026-02-24", "0%" },
        { "ieepa-recip-annex2-from-2025-11-13", "9903.01.32", "2025-11-13", "2026-02-24", "0%" },
        { "us232-steel-25", "9903.81.87", "2025-03-12", "2025-06-04", "25%" },
        { "us232-steel-50", "9903.81.87", "2025-06-04", "2026-04-06", "50%" },
        { "us232-steel-gb-25", "9903.81.94", "2025-06-04", "2026-04-06", "25%" },
        { "us232-steel-deriv-50-aug25", "9903.81.91", "2025-08-18", "2026-04-06", "50%" },
        { "us232-steel-annex1a-50", "9903.82.02", "2026-04-06", null, "50%" },
        { "us232-steel-annex1a-gb-25", "9903.82.04", "2026-04-06", null, "25%" },
        { "us232-steel-annex1b-25", "9903.82.09", "2026-04-06", null, "25%" },
        { "us232-steel-annex1b-gb-15", "9903.82.05", "2026-04-06", null, "15%" },
        { "us232-steel-annex1c-25", "9903.82.20", "2026-06-08", null, "25%" },
        { "us232-aluminum-25", "9903.85.02", "2025-03-12", "2025-06-04", "25%" },
        { "us232-aluminum-50", "9903.85.02", "2025-06-04", "2026-04-06", "50%" },
        { "us232-aluminum-gb-25", "9903.85.12", "2025-06-04", "2026-04-06", "25%" },
        { "us232-aluminum-deriv04-25", "9903.85.04", "2025-03-12", "2025-06-04", "25%" },
        { "us232-aluminum-deriv04-50", "9903.85.04", "2025-06-04", "2026-04-06", "50%" },
        { "us232-aluminum-deriv07-25", "9903.85.07", "2025-03-12", "2025-06-04", "25%" },
        { "us232-aluminum-deriv07-50", "9903.85.07", "2025-06-04", "2026-04-06", "50%" },
        { "us232-aluminum-deriv08-25", "9903.85.08", "2025-03-12", "2025-06-04", "25%" },
        { "us232-aluminum-deriv08-50", "9903.85.08", "2025-06-04", "2026-04-06", "50%" },
        { "us232-aluminum-deriv08-50-aug25", "9903.85.08", "2025-08-18", "2026-04-06", "50%" },
        { "us232-aluminum-annex1a-50", "9903.82.02", "2026-04-06", null, "50%" },
        { "us232-aluminum-annex1a-gb-25", "9903.82.04", "2026-04-06", null, "25%" },
        { "us232-aluminum-annex1b-25", "9903.82.09", "2026-04-06", null, "25%" },
        { "us232-aluminum-annex1b-gb-15", "9903.82.05", "2026-04-06", null, "15%" },
        { "us232-copper-50", "9903.78.01", "2025-08-01", "2026-04-06", "50%" },
        { "us232-copper-annex1a-50", "9903.82.02", "2026-04-06", null, "50%" },
        { "us232-copper-annex1b-25", "9903.82.09", "2026-04-06", null, "25%" },
        { "us232-autos-25", "9903.94.01", "2025-04-03", null, "25%" },
        { "us232-auto-parts-25", "9903.94.05", "2025-05-03", null, "25%" },
        { "us232-auto-parts-25-declared", "9903.94.05", "2025-05-03", null, "25%" },
        { "us232-trucks-25", "9903.74.01", "2025-11-01", null, "25%" },
        { "us232-buses-10", "9903.74.02", "2025-11-01", null, "10%" },
        { "us232-truck-parts-25", "9903.74.08", "2025-11-01", null, "25%" },
        { "us232-truck-parts-25-declared", "9903.74.08", "2025-11-01", null, "25%" },
        { "us232-semiconductors-25", "9903.79.01", "2026-01-15", null, "25%" },
        { "us301-4yr-25", "9903.91.01", "2024-09-27", null, "25%" },
        { "us301-4yr-50", "9903.91.02", "2024-09-27", null, "50%" },
        { "us301-4yr-100", "9903.91.03", "2024-09-27", null, "100%" },
        { "us301-4yr-syringes-out", "9903.91.10", "2024-09-27", "2026-01-01", "0%" },
        { "us301-4yr-50-2025", "9903.91.05", "2025-01-01", null, "50%" },
        { "us301-4yr-25-2025", "9903.91.11", "2025-01-01", null, "25%" },
        { "us301-4yr-25-2026", "9903.91.06", "2026-01-01", null, "25%" },
        { "us301-4yr-50-2026", "9903.91.07", "2026-01-01", null, "50%" },
        { "us301-4yr-100-2026", "9903.91.08", "2026-01-01", null, "100%" },
        { "us301-cranes-25", "9903.92.10", "2024-09-27", null, "25%" },
        { "s122-10", "9903.03.01", "2026-02-24", "2026-07-24", "10%" },
        { "s122-transit", "9903.03.02", "2026-02-24", "2026-02-28", "0%" },
        { "s122-exempt", "9903.03.03", "2026-02-24", "2026-07-24", "0%" },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void Step_StartsOnItsDay_AndEndsOnItsDay(string id, string heading, string from, string? to, string rate)
    {
        var measure = Get(id);
        var first = Day(from);

        measure.Heading.ShouldBe(heading);
        measure.Rate!.Text.ShouldBe(rate);
        measure.Validity.Contains(first.AddDays(-1)).ShouldBeFalse();
        measure.Validity.Contains(first).ShouldBeTrue();
        if (to is null)
        {
            measure.Validity.HasEnd.ShouldBeFalse();
        }
        else
        {
            measure.Validity.Contains(Day(to).AddDays(-1)).ShouldBeTrue();
            measure.Validity.Contains(Day(to)).ShouldBeFalse();
        }
    }

    [Fact]
    public void EveryShippedUsStep_IsInTheTable()
    {
        var listed = Steps.Select(row => row.Data.Item1).ToHashSet(StringComparer.Ordinal);
        var shipped = Set.Measures.Where(m => m.Source.Contains("us/lists", StringComparison.Ordinal) || m.Id.StartsWith("ieepa", StringComparison.Ordinal)
            || m.Id.StartsWith("us232", StringComparison.Ordinal) || m.Id.StartsWith("us301-4yr", StringComparison.Ordinal)
            || m.Id.StartsWith("us301-cranes", StringComparison.Ordinal) || m.Id.StartsWith("s122", StringComparison.Ordinal))
            .Select(m => m.Id).Where(id => !listed.Contains(id)).ToList();

        // The never-applied and suspended China steps are asserted on their own below.
        shipped.Order(StringComparer.Ordinal).ShouldBe(["ieepa-recip-cn-34", "ieepa-recip-cn-34-suspended"]);
    }

    [Fact]
    public void ChinaAnnexIRate_NeverApplied_AndItsSuspensionIsNotCharged()
    {
        Get("ieepa-recip-cn-34").Status.ShouldBe(MeasureStatus.Proposed);
        var suspended = Get("ieepa-recip-cn-34-suspended");
        suspended.Status.ShouldBe(MeasureStatus.Suspended);
        suspended.Validity.Start.ShouldBe(Day("2025-05-14"));
    }

    [Fact]
    public void EveryIeepaStep_EndsByTheDayTheSurchargeStarts()
    {
        var ieepa = Set.Measures.Where(m => m.Authority.IsIeepa()).ToList();

        ieepa.Count.ShouldBeGreaterThan(30);
        ieepa.ShouldAllBe(m => m.Validity.HasEnd && m.Validity.End <= Day("2026-02-24"));
    }

    [Fact]
    public void EveryUsStep_NamesAFamilyAndCitesItsSource()
    {
        var steps = Steps.Select(row => Get(row.Data.Item1)).ToList();

        steps.ShouldAllBe(m => m.Family != null && m.LegalBase.Length > 20 && m.Source.Length > 5);
        steps.Where(m => m.Id.StartsWith("us232", StringComparison.Ordinal)).ShouldAllBe(m => m.Authority == TariffAuthority.Section232);
        steps.Where(m => m.Id.StartsWith("s122", StringComparison.Ordinal)).ShouldAllBe(m => m.Authority == TariffAuthority.Section122);
    }

    [Theory]
    [InlineData("us232-steel-deriv-50-aug25")]
    [InlineData("us232-aluminum-deriv08-50")]
    [InlineData("us232-copper-50")]
    public void MetalContentSteps_LevyOnContent(string id) => Get(id).LevyBase.ShouldBe(LevyBase.Content);

    [Fact]
    public void AnnexSteps_LevyOnFullValue() => Get("us232-steel-annex1b-25").LevyBase.ShouldBe(LevyBase.Value);

    [Fact]
    public void ShippedSet_Validates() => Set.Validate().ShouldBeEmpty();

    private static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
