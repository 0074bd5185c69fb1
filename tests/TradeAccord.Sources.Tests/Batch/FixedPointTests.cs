using System.Globalization;
using System.Reflection;
using System.Text;
using CsCheck;

namespace TradeAccord.Sources.Tests.Batch;

/// <summary>
/// The batch writer's hand-written decimal formatting (App's internal FixedPoint) against the standard formats it
/// stands in for: a rate as "G" with trailing fractional zeros trimmed, an amount as "F2", character for character.
/// </summary>
public class FixedPointTests
{
    private static readonly Type FixedPoint = typeof(TradeAccord.App.Tariffs.Batch.DutyBatch).Assembly
        .GetType("TradeAccord.App.Tariffs.Batch.FixedPoint", throwOnError: true)!;

    private static readonly Action<StringBuilder, decimal> Fraction = Method("AppendFraction");
    private static readonly Action<StringBuilder, decimal> Cents = Method("AppendCents");

    // Decimals of every scale and size: small rates (0.075, 0.2500), cents, whole numbers, 96-bit mantissas, negatives.
    private static readonly Gen<decimal> Values =
        Gen.Select(Gen.Long[0, long.MaxValue], Gen.Int[0, 3], Gen.Byte[0, 28], Gen.Bool, Gen.Int[0, 3])
            .Select((digits, high, scale, negative, size) =>
            {
                var low = size switch { 0 => digits % 1_000, 1 => digits % 10_000_000, _ => digits };
                return new decimal(unchecked((int)low), unchecked((int)(low >> 32)), size == 3 ? high : 0, negative, size == 0 ? (byte)(scale % 6) : scale);
            });

    [Fact]
    public void Rates_are_written_as_G_without_trailing_zeros() => Values.Sample(value => Fraction.Text(value) == Trimmed(value), iter: 50_000);

    [Fact]
    public void Amounts_are_written_as_F2() => Values.Sample(value => Cents.Text(value) == value.ToString("F2", CultureInfo.InvariantCulture), iter: 50_000);

    [Theory]
    [InlineData("0")]
    [InlineData("0.00")]
    [InlineData("0.2500")]
    [InlineData("0.075")]
    [InlineData("1")]
    [InlineData("1.5")]
    [InlineData("1234.56")]
    [InlineData("0.000001")]
    [InlineData("-0.00")]
    [InlineData("-12.345")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("18446744073709551615.99")]
    public void Edge_values_match_the_standard_formats(string text)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);
        Fraction.Text(value).ShouldBe(Trimmed(value));
        Cents.Text(value).ShouldBe(value.ToString("F2", CultureInfo.InvariantCulture));
    }

    private static string Trimmed(decimal value)
    {
        var text = value.ToString("G", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    private static Action<StringBuilder, decimal> Method(string name) =>
        FixedPoint.GetMethod(name, BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<Action<StringBuilder, decimal>>();
}

internal static class FixedPointText
{
    public static string Text(this Action<StringBuilder, decimal> append, decimal value)
    {
        var line = new StringBuilder();
        append(line, value);
        return line.ToString();
    }
}
