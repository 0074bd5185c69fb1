using CsCheck;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Core.Tests.Tariffs;

public class ProductCodeTests
{
    [Theory]
    [InlineData("7326.90.8688", "7326908688")]
    [InlineData("7326908688", "7326908688")]
    [InlineData("7326.90.86.88", "7326908688")]
    [InlineData("8471.30.01", "84713001")]
    [InlineData("1201.90", "120190")]
    [InlineData("8521101100a", "8521101100A")]
    public void Parse_DottedOrNot_Normalises(string text, string expected) =>
        ProductCode.Parse(text).GetValueOrThrow().Value.ShouldBe(expected);

    [Theory]
    [InlineData("7326.9", "has 5 digits")]
    [InlineData("73269086881", "has 11 digits")]
    [InlineData("7326-90-86", "not a product code")]
    [InlineData("", "empty")]
    [InlineData("...", "not a product code")]
    [InlineData("73A6", "not a product code")]
    public void Parse_Malformed_Fails(string text, string expected) =>
        ProductCode.Parse(text).Error.ShouldNotBeNull().ShouldContain(expected);

    [Fact]
    public void SelfAndAncestors_MostSpecificFirst() =>
        ProductCode.FromDigits("7326908688").SelfAndAncestors().Select(c => c.Value)
            .ShouldBe(["7326908688", "73269086", "732690", "7326", "73"]);

    [Fact]
    public void SelfAndAncestors_WithSuffix_IncludesPlainLine() =>
        ProductCode.FromDigits("8521101100A").SelfAndAncestors().Take(2).Select(c => c.Value).ShouldBe(["8521101100A", "8521101100"]);

    [Theory]
    [InlineData("7326908688", "7326.90.86.88")]
    [InlineData("84713001", "8471.30.01")]
    [InlineData("120190", "1201.90")]
    [InlineData("7326", "7326")]
    public void ToDotted_FormatsLikeTheHts(string digits, string dotted) => ProductCode.FromDigits(digits).ToDotted().ShouldBe(dotted);

    [Fact]
    public void ToDotted_ParsesBackToTheSameCode() =>
        Gen.Int[1, 5].SelectMany(pairs => Gen.String[Gen.Char['0', '9'], pairs * 2, pairs * 2]).Sample(digits =>
        {
            var code = ProductCode.FromDigits(digits);
            return ProductCode.Parse(code.ToDotted()).GetValueOrThrow() == code;
        });
}
