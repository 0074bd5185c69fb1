namespace TradeAccord.Web;

/// <summary>
/// A closed set taken from a query string as the command line takes it: the member's name in any case (calendar,
/// Agreement, HS6), never a number. ASP.NET binds it through <see cref="TryParse"/>; its enum binding alone is
/// case-sensitive and accepts numbers.
/// </summary>
/// <typeparam name="TEnum">The closed set.</typeparam>
/// <param name="Value">The member.</param>
public readonly record struct QueryWord<TEnum>(TEnum Value)
    where TEnum : struct, Enum
{
    /// <summary>Parses a member's name, ignoring case.</summary>
    public static bool TryParse(string? text, out QueryWord<TEnum> word)
    {
        var ok = text is { Length: > 0 } && !char.IsAsciiDigit(text[0]) && text[0] != '-'
                 && Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value);
        word = ok ? new QueryWord<TEnum>(Enum.Parse<TEnum>(text!, ignoreCase: true)) : default;
        return ok;
    }
}
