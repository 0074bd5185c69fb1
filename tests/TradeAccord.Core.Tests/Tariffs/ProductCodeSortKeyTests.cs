using TradeAccord.Core.Tariffs;

namespace TradeAccord.Core.Tests.Tariffs;

/// <summary>
/// Sort keys stand in for codes in the sorted arrays of coverages and the line index, so they must order, nest and
/// round-trip exactly as the codes do.
/// </summary>
public class ProductCodeSortKeyTests
{
    // Codes that share prefixes, end in zeros, carry a suffix letter: the cases where packing could go wrong.
    private static readonly ProductCode[] Codes = [.. Generate()];

    [Fact]
    public void Sort_keys_order_as_the_codes_do()
    {
        Codes.Length.ShouldBeGreaterThan(1_000);
        var byCode = Codes.Order().Select(c => c.Value).ToList();
        Codes.OrderBy(c => c.SortKey).Select(c => c.Value).ShouldBe(byCode);
        for (var i = 1; i < Codes.Length; i++)
        {
            Math.Sign(Codes[i].SortKey.CompareTo(Codes[i - 1].SortKey)).ShouldBe(Math.Sign(Codes[i].CompareTo(Codes[i - 1])), $"{Codes[i]} against {Codes[i - 1]}");
        }
    }

    [Fact]
    public void A_code_is_read_back_from_its_sort_key()
    {
        foreach (var code in Codes)
        {
            ProductCode.FromSortKey(code.SortKey).Value.ShouldBe(code.Value);
        }
    }

    [Fact]
    public void Nesting_by_sort_key_is_nesting_by_code()
    {
        var sample = Codes.Where((_, i) => i % 7 == 0).ToArray();
        var nested = 0;
        foreach (var code in sample)
        {
            foreach (var ancestor in sample)
            {
                var expected = code.IsWithin(ancestor);
                ProductCode.IsWithin(code.SortKey, ancestor.SortKey).ShouldBe(expected, $"{code} within {ancestor}");
                nested += expected ? 1 : 0;
            }
        }

        nested.ShouldBeGreaterThan(sample.Length); // not only each code within itself
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(3L << 5)]
    [InlineData((1L << 9) | (2L << 5))]
    public void A_number_that_is_no_codes_sort_key_is_refused(long key) =>
        Should.Throw<FormatException>(() => ProductCode.FromSortKey(key));

    private static IEnumerable<ProductCode> Generate()
    {
        var random = new Random(2026);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stem in new[] { "0101", "1201", "7326", "8471", "8500", "9903", "0000", "9999" })
        {
            for (var i = 0; i < 300; i++)
            {
                var digits = stem + string.Concat(Enumerable.Range(0, 6).Select(_ => random.Next(3) == 0 ? '0' : (char)('0' + random.Next(10))));
                foreach (var length in new[] { 2, 4, 6, 8, 10 })
                {
                    if (seen.Add(digits[..length]))
                    {
                        yield return ProductCode.FromDigits(digits[..length]);
                    }
                }

                var suffixed = digits + (random.Next(2) == 0 ? "A" : "B");
                if (random.Next(10) == 0 && seen.Add(suffixed))
                {
                    yield return ProductCode.FromDigits(suffixed);
                }
            }
        }
    }
}
