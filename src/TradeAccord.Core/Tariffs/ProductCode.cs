using TradeAccord.Core.Common;

namespace TradeAccord.Core.Tariffs;

/// <summary>
/// A tariff line code: 2 to 10 digits of the HS/HTS hierarchy (chapter, heading, subheading, national line),
/// optionally followed by one letter, as China's schedule splits a few 10-digit lines into A and B.
/// </summary>
/// <remarks>Stored without dots. Equality is ordinal on the normalised digits.</remarks>
public readonly record struct ProductCode : IComparable<ProductCode>
{
    // The code packed into a number (digits, digit count, suffix letter): equality and hashing use it, so the hot
    // lookups of a batch never read the string.
    private readonly long _key;

    private ProductCode(string value)
    {
        Value = value;
        long digits = 0;
        var count = 0;
        var suffix = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits = (digits * 10) + (c - '0');
                count++;
            }
            else
            {
                suffix = c - 'A' + 1;
            }
        }

        _key = (digits << 10) | ((long)count << 5) | (long)suffix;
    }

    /// <summary>The normalised code: digits, then an optional upper-case suffix letter.</summary>
    public string Value { get; }

    /// <summary>Number of digits (2, 4, 6, 8 or 10).</summary>
    public int DigitCount => HasSuffix ? Value.Length - 1 : Value.Length;

    /// <summary>Whether the code carries a national suffix letter.</summary>
    public bool HasSuffix => Value.Length > 0 && char.IsAsciiLetter(Value[^1]);

    /// <summary>
    /// Parses a code written with or without dots or spaces ("7326.90.8688", "7326908688", "1201.90").
    /// </summary>
    public static Result<ProductCode> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<ProductCode>.Fail("the product code is empty: expected 4 to 10 digits such as 7326.90.8688");
        }

        Span<char> buffer = stackalloc char[12];
        var length = 0;
        foreach (var c in text.AsSpan().Trim())
        {
            if (c is '.' or ' ')
            {
                continue;
            }

            var isSuffix = char.IsAsciiLetter(c) && length >= 10;
            if ((!char.IsAsciiDigit(c) && !isSuffix) || length == buffer.Length - 1)
            {
                return Result<ProductCode>.Fail($"'{text}' is not a product code: expected 4 to 10 digits such as 7326.90.8688");
            }

            buffer[length++] = char.ToUpperInvariant(c);
        }

        if (length == 0)
        {
            return Result<ProductCode>.Fail($"'{text}' is not a product code: expected 4 to 10 digits such as 7326.90.8688");
        }

        var digits = char.IsAsciiLetter(buffer[length - 1]) ? length - 1 : length;
        if (digits is not (2 or 4 or 6 or 8 or 10))
        {
            return Result<ProductCode>.Fail($"'{text}' has {digits} digits: expected 2, 4, 6, 8 or 10");
        }

        return Result<ProductCode>.Ok(new ProductCode(new string(buffer[..length])));
    }

    /// <summary>Creates a code from already-normalised text, for readers of trusted data.</summary>
    /// <exception cref="FormatException">The text is not a valid code.</exception>
    public static ProductCode FromDigits(string digits) => Parse(digits).GetValueOrThrow();

    /// <summary>The ancestor with <paramref name="digits"/> digits (no suffix), e.g. the 8-digit parent of a 10-digit line.</summary>
    public ProductCode Truncate(int digits)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, DigitCount);
        return digits == Value.Length ? this : new ProductCode(Value[..digits]);
    }

    /// <summary>This code and each ancestor down to 2 digits, most specific first.</summary>
    public IEnumerable<ProductCode> SelfAndAncestors()
    {
        yield return this;
        if (HasSuffix)
        {
            yield return Truncate(DigitCount);
        }

        for (var digits = DigitCount - 2; digits >= 2; digits -= 2)
        {
            yield return Truncate(digits);
        }
    }

    /// <summary>Whether this code is <paramref name="other"/> or lies below it in the hierarchy.</summary>
    public bool IsWithin(ProductCode other) => Value.StartsWith(other.Value, StringComparison.Ordinal);

    /// <summary>The code in the HTS's dotted form: 7326, 7326.90, 7326.90.86, 7326.90.86.88.</summary>
    public string ToDotted()
    {
        var digits = Value.AsSpan(0, DigitCount);
        var suffix = HasSuffix ? Value[^1..] : "";
        return digits.Length switch
        {
            <= 4 => Value,
            6 => $"{digits[..4]}.{digits[4..]}",
            8 => $"{digits[..4]}.{digits[4..6]}.{digits[6..]}",
            _ => $"{digits[..4]}.{digits[4..6]}.{digits[6..8]}.{digits[8..]}{suffix}",
        };
    }

    /// <summary>
    /// The code as a number that sorts as <see cref="CompareTo"/> does (ordinal on the text): the digits padded with
    /// zeros to ten, then the digit count, then the suffix letter. Sorted arrays of these replace dictionaries of codes
    /// where a schedule is stored or searched in bulk (the compiled schedule file, the line index).
    /// </summary>
    public long SortKey
    {
        get
        {
            var digits = _key >> 10;
            var count = (int)((_key >> 5) & 31);
            return ((digits * PowersOfTen[10 - count]) << 9) | ((long)count << 5) | (_key & 31);
        }
    }

    /// <summary>The code whose <see cref="SortKey"/> is <paramref name="sortKey"/>.</summary>
    /// <exception cref="FormatException">The number is not the sort key of a valid code.</exception>
    public static ProductCode FromSortKey(long sortKey)
    {
        if (!IsValidSortKey(sortKey))
        {
            throw new FormatException($"{sortKey} is not the sort key of a product code");
        }

        var count = (int)((sortKey >> 5) & 15);
        var suffix = (int)(sortKey & 31);
        var padded = sortKey >> 9;
        var digits = (padded / PowersOfTen[10 - count]).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(count, '0');
        return new ProductCode(suffix == 0 ? digits : digits + (char)('A' + suffix - 1));
    }

    /// <summary>Whether <paramref name="sortKey"/> is the <see cref="SortKey"/> of some code.</summary>
    public static bool IsValidSortKey(long sortKey)
    {
        var count = (int)((sortKey >> 5) & 15);
        var suffix = (int)(sortKey & 31);
        var padded = sortKey >> 9;
        return count is 2 or 4 or 6 or 8 or 10 && (suffix == 0 || count == 10) && suffix <= 26 && padded is >= 0 and < 10_000_000_000L &&
               padded % PowersOfTen[10 - count] == 0;
    }

    /// <summary>Whether the code with <paramref name="sortKey"/> is the one with <paramref name="ancestorKey"/> or lies below it.</summary>
    /// <remarks>The same test as <see cref="IsWithin(ProductCode)"/>, on sort keys: the lines below a code follow it in sort-key order.</remarks>
    public static bool IsWithin(long sortKey, long ancestorKey)
    {
        var count = (int)((sortKey >> 5) & 15);
        var ancestorCount = (int)((ancestorKey >> 5) & 15);
        var ancestorSuffix = ancestorKey & 31;
        if (count < ancestorCount || (ancestorSuffix != 0 && (sortKey & 31) != ancestorSuffix))
        {
            return false;
        }

        var scale = PowersOfTen[10 - ancestorCount];
        return (sortKey >> 9) / scale == (ancestorKey >> 9) / scale;
    }

    private static readonly long[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000];

    /// <summary>Equality is by code.</summary>
    public bool Equals(ProductCode other) => _key == other._key;

    /// <inheritdoc />
    public override int GetHashCode() => _key.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(ProductCode other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
