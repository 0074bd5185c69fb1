namespace TradeAccord.Sources;

/// <summary>One problem in a source file or document.</summary>
/// <param name="File">The file or document, as named to the user.</param>
/// <param name="Line">1-based line number, or 0 when the problem is with the file as a whole.</param>
/// <param name="Field">The column or key at fault, or null.</param>
/// <param name="Problem">What is wrong and what was expected.</param>
public sealed record SourceProblem(string File, int Line, string? Field, string Problem)
{
    /// <summary>E.g. <c>bad.yaml:6: field 'rate': 'thirty' is not a rate: expected e.g. 25%</c>.</summary>
    public override string ToString() =>
        $"{File}{(Line > 0 ? $":{Line}" : "")}: {(Field is null ? "" : $"field '{Field}': ")}{Problem}";
}
