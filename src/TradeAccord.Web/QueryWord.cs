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
    /// <summary>Parses a member's name, ignoring case: exactly one name, no number, sign, space or list.</summary>
    public static bool TryParse(string? text, out QueryWord<TEnum> word)
    {
        var name = Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        word = name is null ? default : new QueryWord<TEnum>(Enum.Parse<TEnum>(name));
        return name is not null;
    }
}
