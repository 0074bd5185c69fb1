using TradeAccord.Sources.Agreements;
using TradeAccord.Sources.Measures;
using TradeAccord.Sources.Scenarios;

namespace TradeAccord.Sources.Tests.Fuzzing;

/// <summary>
/// Nesting far past the limit, found by fuzzing: 40,000 opening brackets (an 80 KB file) overflowed the stack before
/// the nesting limit could refuse them, while 20,000 were refused cleanly.
/// </summary>
public class DeepNestingTests
{
    [Theory]
    [InlineData(40_000)]
    [InlineData(200_000)]
    public void Brackets_opened_far_past_the_limit_are_refused_by_the_scenario_reader(int depth)
    {
        using var temp = new TempFolder();
        var file = temp.Write("deep.yaml", new string('[', depth) + new string(']', depth));

        var error = Should.Throw<SourceException>(() => ScenarioReader.Read(file, BuiltIn.Loader.Baseline, "deep.yaml"));

        error.Message.ShouldContain("deep.yaml:1:");
    }

    [Theory]
    [InlineData(40_000)]
    [InlineData(200_000)]
    public void Brackets_never_closed_are_refused_by_the_agreement_reader(int depth)
    {
        using var temp = new TempFolder();
        var file = temp.Write("deep.yaml", "agreement: x\nparties: " + new string('[', depth));

        var problem = AgreementReader.Read(file, BuiltIn.Loader.AgreementContext, "deep.yaml").Problems.ShouldHaveSingleItem();

        problem.Line.ShouldBe(2);
    }

    [Theory]
    [InlineData("[")]
    [InlineData("{a: ")]
    [InlineData("[{a: ")]
    public void Any_opener_repeated_far_past_the_limit_is_refused(string opener)
    {
        var text = "a: " + string.Concat(Enumerable.Repeat(opener, 40_000));

        Should.Throw<SourceException>(() => YamlMap.Parse(text, "deep.yaml")).Line.ShouldBe(1);
    }
}
