using System.Globalization;
using System.Reflection;
using CsCheck;

namespace TradeAccord.Sources.Tests.Batch;

/// <summary>
/// The batch reader's hand-written number parser (App's internal FastDecimal) against <see cref="decimal.TryParse(string, NumberStyles, IFormatProvider, out decimal)"/>,
/// the parser it stands in for: the same answer, value and scale, on every text.
/// </summary>
public class FastDecimalTests
{
    private delegate bool TryParseSpan(ReadOnlySpan<char> text, out decimal value);

    // Internal to App, so reached by reflection; a delegate, because a span cannot be passed through Invoke.
    private static readonly TryParseSpan Fast = typeof(TradeAccord.App.Tariffs.Batch.DutyBatch).Assembly
        .GetType("TradeAccord.App.Tariffs.Batch.FastDecimal", throwOnError: true)!
        .GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static)!
        .CreateDelegate<TryParseSpan>();

    // Plain decimals as a batch file holds them, up to 24 digits so both the hand path (at most 18) and the fallback run.
    private static readonly Gen<string> Plain =
        Gen.Select(Gen.Bool, Gen.Char["0123456789"].Array[1, 24], Gen.Int[-1, 24], Gen.Bool)
            .Select((negative, digits, point, padded) =>
            {
                var text = new string(digits);
                if (point >= 0 && point <= text.Length)
                {
                    text = text.Insert(point, ".");
                }

                text = (negative ? "-" : "") + text;
                return padded ? $" {text} " : text;
            });

    // Anything built from the characters a malformed cell might hold: signs, separators, exponents, letters.
    private static readonly Gen<string> Noisy = Gen.Char["0123456789.-+eE, x"].Array[0, 12].Select(c => new string(c));

    [Fact]
    public void Plain_decimals_parse_as_decimal_parse_does() => Plain.Sample(Agrees, iter: 20_000);

    [Fact]
    public void Any_text_is_accepted_or_refused_as_decimal_parse_does() => Noisy.Sample(Agrees, iter: 20_000);

    [Theory]
    [InlineData("25000000.00")]
    [InlineData("999999999999999999")]
    [InlineData("1234567890123456789")]
    [InlineData("12,50")]
    [InlineData("-0.000")]
    [InlineData("1e3")]
    [InlineData(".")]
    [InlineData("-")]
    [InlineData("")]
    public void Edge_cases_agree(string text) => Agrees(text);

    private static void Agrees(string text)
    {
        var expectedOk = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var expected);
        var ok = Fast(text, out var actual);
        ok.ShouldBe(expectedOk, $"'{text}'");
        if (ok)
        {
            actual.ShouldBe(expected, $"'{text}'");
            actual.Scale.ShouldBe(expected.Scale, $"'{text}': the scale is kept (1.50 stays 1.50)");
        }
    }
}
