using TradeAccord.Core.Common;

namespace TradeAccord.Core.Tests.Common;

public class CountryCodeTests
{
    [Theory]
    [InlineData("CN", "CN")]
    [InlineData("us", "US")]
    [InlineData(" vn ", "VN")]
    public void Parse_AssignedCode_Normalises(string text, string expected) =>
        CountryCode.Parse(text).GetValueOrThrow().Value.ShouldBe(expected);

    [Theory]
    [InlineData("XX", "not an assigned")]
    [InlineData("CHN", "two letters")]
    [InlineData("", "two letters")]
    [InlineData("C1", "two letters")]
    [InlineData(null, "two letters")]
    public void Parse_Invalid_SaysWhatWasExpected(string? text, string expected)
    {
        var result = CountryCode.Parse(text);

        result.Success.ShouldBeFalse();
        result.Error.ShouldContain(expected);
    }

    [Fact]
    public void AssignedCodes_Are249() => CountryCode.AssignedCount.ShouldBe(249);
}
