using System.Text;

namespace TradeAccord.App.Requests;

/// <summary>How a host names a request's fields in its messages: <c>--entry-date</c> on the command line,
/// <c>entryDate</c> in the API. Requests name fields once, in the API's spelling.</summary>
public enum FieldStyle
{
    /// <summary>The JSON property or query parameter, as named.</summary>
    Api,

    /// <summary>The command line option: <c>--</c> and kebab case.</summary>
    Option,
}

/// <summary>Spells field names in a host's style.</summary>
public static class FieldNames
{
    /// <summary><paramref name="field"/> (camelCase) as <paramref name="style"/> names it.</summary>
    public static string Spell(this FieldStyle style, string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (style == FieldStyle.Api)
        {
            return field;
        }

        var option = new StringBuilder("--", field.Length + 4);
        foreach (var c in field)
        {
            option.Append(char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString());
        }

        return option.ToString();
    }
}
