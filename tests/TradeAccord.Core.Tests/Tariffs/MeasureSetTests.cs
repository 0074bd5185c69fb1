using TradeAccord.Core.Tariffs;
using static TradeAccord.Core.Tests.Synthetic;

namespace TradeAccord.Core.Tests.Tariffs;

public class MeasureSetTests
{
    private static readonly ProductCoverage Lines = Coverage("lines", ("01011100", "2%"));

    [Fact]
    public void Compile_ReportsEveryProblemAtOnce()
    {
        var overlapA = Mfn("a", Start, new DateOnly(2019, 6, 1), Lines);
        var overlapB = Mfn("b", new DateOnly(2019, 1, 1), null, Lines);
        var duplicate = Additional("b", "25%", Start, null, Lines) with { Supersedes = ["nowhere"] };

        var error = Should.Throw<ScheduleDataException>(() => Compile(overlapA, overlapB, duplicate));

        error.Message.ShouldContain("measure id 'b' is used 2 times");
        error.Message.ShouldContain("supersedes unknown measure 'nowhere'");
        error.Message.ShouldContain("'a' and 'b' overlap in time");
    }

    [Fact]
    public void Compile_MeasureWithoutAnyRate_IsRejected() =>
        Should.Throw<ScheduleDataException>(() => Compile(Additional("x", "25%", Start, null, Coverage("c", ("01011100", null))) with { Rate = null }))
            .Message.ShouldContain("has no rate");
}
