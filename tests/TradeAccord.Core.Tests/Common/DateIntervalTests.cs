using CsCheck;
using TradeAccord.Core.Common;

namespace TradeAccord.Core.Tests.Common;

public class DateIntervalTests
{
    private static readonly Gen<DateOnly> Dates = Gen.Int[0, 2000].Select(d => new DateOnly(2018, 1, 1).AddDays(d));

    [Fact]
    public void Contains_IsHalfOpen()
    {
        var interval = new DateInterval(new DateOnly(2019, 9, 1), new DateOnly(2020, 2, 14));

        interval.Contains(new DateOnly(2019, 9, 1)).ShouldBeTrue();
        interval.Contains(new DateOnly(2020, 2, 13)).ShouldBeTrue();
        interval.Contains(new DateOnly(2020, 2, 14)).ShouldBeFalse();
        interval.Contains(new DateOnly(2019, 8, 31)).ShouldBeFalse();
    }

    [Fact]
    public void End_OpenInterval_Throws()
    {
        var open = DateInterval.From(new DateOnly(2018, 7, 6));

        open.HasEnd.ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => open.End);
        open.Contains(new DateOnly(2030, 1, 1)).ShouldBeTrue();
    }

    [Fact]
    public void Constructor_EndNotAfterStart_Throws() =>
        Should.Throw<ArgumentException>(() => new DateInterval(new DateOnly(2019, 5, 10), new DateOnly(2019, 5, 10)));

    [Fact]
    public void Overlaps_AgreesWithSomeCommonDay() =>
        Gen.Select(Dates, Gen.Int[1, 400], Dates, Gen.Int[1, 400]).Sample((s1, l1, s2, l2) =>
        {
            var a = new DateInterval(s1, s1.AddDays(l1));
            var b = new DateInterval(s2, s2.AddDays(l2));
            var common = Enumerable.Range(0, l1).Select(s1.AddDays).Any(b.Contains);
            return a.Overlaps(b) == common && b.Overlaps(a) == common;
        });

    [Fact]
    public void Contains_MatchesStartAndEndBounds() =>
        Gen.Select(Dates, Gen.Int[1, 400], Dates).Sample((start, length, day) =>
            new DateInterval(start, start.AddDays(length)).Contains(day) == (day >= start && day < start.AddDays(length)));
}
