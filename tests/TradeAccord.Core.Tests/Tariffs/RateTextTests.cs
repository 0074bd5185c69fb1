using TradeAccord.Core.Tariffs;

namespace TradeAccord.Core.Tests.Tariffs;

public class RateTextTests
{
    [Theory]
    [InlineData("2.9%", 0.029)]
    [InlineData("25%", 0.25)]
    [InlineData("Free", 0)]
    [InlineData("Free, under bond, as prescribed in U.S. note 1 to this subchapter", 0)]
    public void Parse_AdValorem(string text, decimal fraction)
    {
        var rate = RateText.Parse(text).ShouldNotBeNull();

        rate.IsComputable.ShouldBeTrue();
        rate.AdValorem.ShouldBe(fraction);
        rate.Specific.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("1.5¢/kg", 0.015, "kg")]
    [InlineData("$1.055/kg", 1.055, "kg")]
    [InlineData("5¢ each", 0.05, "each")]
    [InlineData("10.5¢/liter", 0.105, "l")]
    [InlineData("21¢/bbl", 0.21, "bbl")]
    [InlineData("12¢/doz.", 0.12, "doz")]
    [InlineData("4¢/ liter", 0.04, "l")]
    [InlineData("$1.31/t", 1.31, "t")]
    [InlineData("17.6¢;/kg", 0.176, "kg")]
    [InlineData("0.9¢; each", 0.009, "each")]
    public void Parse_Specific(string text, decimal perUnit, string unit)
    {
        var rate = RateText.Parse(text).ShouldNotBeNull();

        rate.IsComputable.ShouldBeTrue();
        rate.AdValorem.ShouldBe(0m);
        rate.Specific.ShouldHaveSingleItem().ShouldBe(new SpecificDuty(perUnit, unit));
    }

    [Fact]
    public void Parse_FractionOfAPercent() =>
        Math.Round(RateText.Parse("33 1/3%").ShouldNotBeNull().AdValorem, 8).ShouldBe(0.33333333m);

    [Fact]
    public void Parse_Compound_KeepsBothParts()
    {
        var rate = RateText.Parse("37.5¢/kg + 14.9%").ShouldNotBeNull();

        rate.AdValorem.ShouldBe(0.149m);
        rate.Specific.ShouldHaveSingleItem().ShouldBe(new SpecificDuty(0.375m, "kg"));
        rate.IsQualified.ShouldBeFalse();
    }

    [Fact]
    public void Parse_QualifiedSpecific_KeepsTheQualifier()
    {
        var rate = RateText.Parse("20¢/kg on drained weight").ShouldNotBeNull();

        rate.Specific.ShouldHaveSingleItem().Qualifier.ShouldBe("on drained weight");
        rate.IsQualified.ShouldBeTrue();
    }

    [Theory]
    [InlineData("The rate applicable to the natural juice in heading 2009")]
    [InlineData("6¢ each + 6% on the case + 5.3% on the strap, band or bracelet")]
    [InlineData("1.2¢/kg less 0.020668¢/kg for each degree under 100 degrees (and fractions of a degree in proportion) but not less than 0.7¢/kg")]
    [InlineData("See additional U.S. note 3")]
    public void Parse_TextWithoutAComputableFigure_IsNotComputable(string text)
    {
        var rate = RateText.Parse(text).ShouldNotBeNull();

        rate.IsComputable.ShouldBeFalse();
        rate.Text.ShouldBe(text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Parse_Empty_IsNull(string? text) => RateText.Parse(text).ShouldBeNull();
}
