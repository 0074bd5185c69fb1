using TradeAccord.Core.Errors;

namespace TradeAccord.Sources;

/// <summary>
/// Bad input in a source file or document: names the file, the line and the field, and says what was expected. It
/// carries every problem found, so a reader that keeps going after the first one reports them all at once; the
/// message lists them one per line, in file order.
/// </summary>
public sealed class SourceException : AccordException
{
    /// <summary>Creates the exception for one problem.</summary>
    /// <param name="file">The file read.</param>
    /// <param name="line">1-based line number, or 0 when the problem is with the file as a whole.</param>
    /// <param name="field">The column or key, or null.</param>
    /// <param name="problem">What is wrong and what was expected.</param>
    public SourceException(string file, int line, string? field, string problem)
        : this([new SourceProblem(file, line, field, problem)])
    {
    }

    /// <summary>Creates the exception for one problem caused by <paramref name="inner"/>.</summary>
    public SourceException(string file, int line, string? field, string problem, Exception inner)
        : this([new SourceProblem(file, line, field, problem)], inner)
    {
    }

    /// <summary>Creates the exception for every problem found in a document.</summary>
    /// <param name="problems">At least one problem, in the order they are to be reported.</param>
    /// <param name="inner">The failure behind a single problem, if any.</param>
    public SourceException(IReadOnlyList<SourceProblem> problems, Exception? inner = null)
        : base(ErrorKind.InvalidDocument, Describe(problems), inner)
    {
        Problems = problems;
    }

    /// <summary>Every problem found, at least one.</summary>
    public IReadOnlyList<SourceProblem> Problems { get; }

    /// <summary>The file read (of the first problem).</summary>
    public string File => Problems[0].File;

    /// <summary>1-based line number of the first problem; 0 for the file as a whole.</summary>
    public int Line => Problems[0].Line;

    /// <summary>The column or key at fault in the first problem, if any.</summary>
    public override string? Field => Problems[0].Field;

    /// <summary>What is wrong with the first problem and what was expected.</summary>
    public string Problem => Problems[0].Problem;

    private static string Describe(IReadOnlyList<SourceProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentOutOfRangeException.ThrowIfZero(problems.Count, nameof(problems));
        return string.Join(Environment.NewLine, problems);
    }
}
