namespace TradeAccord.Fuzzing;

/// <summary>The syntax of a parser's input, which decides the structure-aware mutations it gets.</summary>
public enum InputFormat
{
    Csv,
    Yaml,
    Json,
    Xml,
}
