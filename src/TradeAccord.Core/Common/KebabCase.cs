using System.Text;

namespace TradeAccord.Core.Common;

/// <summary>
/// Enum values as files write them: <c>BindingNumber</c> is <c>binding-number</c>. One rule for every enum, so a
/// file's vocabulary and the code's cannot drift apart.
/// </summary>
public static class KebabCase
{
    /// <summary>The kebab-case name of <paramref name="value"/>.</summary>
    public static string ToKebab<T>(this T value)
        where T : struct, Enum => Of(value.ToString());

    /// <summary>Kebab-case of a PascalCase identifier.</summary>
    public static string Of(string pascal)
    {
        ArgumentNullException.ThrowIfNull(pascal);
        var text = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(pascal[i]));
        }

        return text.ToString();
    }

    /// <summary>Every kebab-case name of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> Names<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(v => v.ToKebab())];

    /// <summary>Parses a kebab-case name; false when it names no value.</summary>
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(candidate.ToKebab(), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
