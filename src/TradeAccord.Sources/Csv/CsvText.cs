namespace TradeAccord.Sources.Csv;

/// <summary>CSV field quoting (RFC 4180), for the few places that write CSV text by hand.</summary>
public static class CsvText
{
    /// <summary>The field as written in CSV: quoted, with quotes doubled, when it holds a comma, quote or line break.</summary>
    public static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
