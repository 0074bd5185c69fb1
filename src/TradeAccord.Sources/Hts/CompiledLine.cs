namespace TradeAccord.Sources.Hts;

/// <summary>
/// One row of the compiled HTS file: a line (a goods line of chapters 01–98 or a chapter 99 heading 9903.xx.xx) whose
/// printed content stayed the same from revision <see cref="First"/> to revision <see cref="Last"/>.
/// </summary>
/// <param name="Code">The dotted number ("7326.90.86", "9903.88.15").</param>
/// <param name="First">Index of the first revision of the run, in <c>hts/revisions.csv</c> date order.</param>
/// <param name="Last">Index of the last revision of the run.</param>
/// <param name="General">General rate text, empty when the line inherits.</param>
/// <param name="Other">Column 2 rate text, empty when the line inherits.</param>
/// <param name="References">Chapter 99 headings the line's footnotes refer to, in order, without repeats.</param>
/// <param name="Description">The heading's text (chapter 99 headings only; empty for goods lines).</param>
public sealed record CompiledLine(string Code, int First, int Last, string General, string Other, IReadOnlyList<string> References, string Description)
{
    /// <summary>Whether the line is a chapter 99 heading rather than a goods line.</summary>
    public bool IsHeading => Code.StartsWith("99", StringComparison.Ordinal);

    /// <summary>Whether the run includes revision <paramref name="revision"/>.</summary>
    public bool Spans(int revision) => First <= revision && revision <= Last;

    /// <summary>Whether the printed content (rates, references, text) equals <paramref name="other"/>'s.</summary>
    public bool SameContent(CompiledLine other) =>
        General == other.General && Other == other.Other && Description == other.Description && References.SequenceEqual(other.References);
}
