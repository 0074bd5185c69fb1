using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Measures;

namespace TradeAccord.Sources.Tests.Fuzzing;

/// <summary>
/// Rates with digits decimal parsing refuses, found by fuzzing the stacking rules with numbers at the limits: the
/// pattern's \d matched Arabic-Indic digits, and 400 digits overflowed a decimal, both as FormatException or
/// OverflowException out of the reader. Such text is now a rate that cannot be computed, and the reader says so.
/// </summary>
public class RateTextTests
{
    [Theory]
    [InlineData("١٢٣%")]
    [InlineData("$١/kg")]
    [InlineData("100000000000000000000000000000000000000000000000000%")]
    [InlineData("5 1/100000000000000000000000000000000000%")]
    [InlineData("100000000000000000000000000000000000000000¢/kg")]
    public void Parse_DigitsADecimalCannotHold_NotComputable(string text)
    {
        RateText.Parse(text)!.IsComputable.ShouldBeFalse();
    }

    [Fact]
    public void Parse_PlainRates_StillRead()
    {
        RateText.Parse("33 1/3%")!.AdValorem.ShouldBe(0.33m + 1m / 300m);
        RateText.Parse("1.5¢/kg")!.IsComputable.ShouldBeTrue();
    }

    [Fact]
    public void StackingRules_RateInArabicIndicDigits_RefusedNamingTheKey()
    {
        using var temp = new TempFolder();
        var text = File.ReadAllText(Path.Combine(BuiltIn.Loader.Paths.Data, "us", "stacking.yaml"));
        var at = text.IndexOf("threshold", StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0, "the shipped rules have a threshold to damage");
        var colon = text.IndexOf(':', at);
        var end = text.IndexOf('\n', colon);
        var file = temp.Write("stacking.yaml", string.Concat(text.AsSpan(0, colon + 1), " ١٢٣%", text.AsSpan(end)));

        Should.Throw<SourceException>(() => StackingRuleReader.Read(file, "stacking.yaml")).Message.ShouldContain("١٢٣%");
    }
}
