using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradeAccord.App;

/// <summary>How every command writes JSON: camelCase names, indented, nulls kept so the shape is fixed.</summary>
public static class Json
{
    /// <summary>The options every JSON output uses.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serialises with <see cref="Options"/>.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
