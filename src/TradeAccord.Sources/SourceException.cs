using TradeAccord.Core.Errors;

namespace TradeAccord.Sources;

/// <summary>Bad input in a source file: names the file, the line and the field, and says what was expected.</summary>
public sealed class SourceException : AccordException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file read.</param>
    /// <param name="line">1-based line number, or 0 when the problem is with the file as a whole.</param>
    /// <param name="field">The column or key, or null.</param>
    /// <param name="problem">What is wrong and what was expected.</param>
    public SourceException(string file, int line, string? field, string problem)
        : base(ErrorKind.InvalidDocument, Format(file, line, field, problem))
    {
        File = file;
        Line = line;
        Field = field;
        Problem = problem;
    }

    /// <summary>Creates the exception.</summary>
    public SourceException(string file, int line, string? field, string problem, Exception inner)
        : base(ErrorKind.InvalidDocument, Format(file, line, field, problem), inner)
    {
        File = file;
        Line = line;
        Field = field;
        Problem = problem;
    }

    /// <summary>The file read.</summary>
    public string File { get; }

    /// <summary>1-based line number; 0 for the file as a whole.</summary>
    public int Line { get; }

    /// <summary>The column or key at fault, if any.</summary>
    public override string? Field { get; }

    /// <summary>What is wrong and what was expected.</summary>
    public string Problem { get; }

    private static string Format(string file, int line, string? field, string problem) =>
        $"{file}{(line > 0 ? $":{line}" : "")}: {(field is null ? "" : $"field '{field}': ")}{problem}";
}
