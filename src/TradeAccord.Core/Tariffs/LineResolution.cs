using TradeAccord.Core.Common;

namespace TradeAccord.Core.Tariffs;

/// <summary>What a declared code stands for under one nomenclature layer.</summary>
/// <param name="Line">The line priced; null when the code spans several lines (or is unknown).</param>
/// <param name="Candidates">Measures covering <paramref name="Line"/>, in reporting order (general rate first, then by heading).</param>
/// <param name="Warning">What the reader must know (a statistical suffix not in this revision), or null.</param>
/// <param name="Error">Why the code cannot be priced under this layer, or null.</param>
/// <param name="Span">When <paramref name="Line"/> is null: the code whose lines below are to be compared.</param>
/// <param name="Below">Measures that cover only some of the line's 10-digit lines, named in a warning for the origins they cover.</param>
internal readonly record struct LineResolution(
    ProductCode? Line, CandidateMeasure[] Candidates, string? Warning, string? Error, ProductCode? Span = null, BelowNote? Below = null)
{
    /// <summary>The warning about the declared code for goods of <paramref name="origin"/>, or null.</summary>
    public string? WarningFor(CountryCode origin)
    {
        if (Warning is not null || Below is not { } below)
        {
            return Warning;
        }

        foreach (var scope in below.Origins)
        {
            if (scope.Includes(origin))
            {
                return below.Text;
            }
        }

        return null;
    }
}

/// <summary>The measures covering some lines below a declared line, and the warning that names them.</summary>
/// <param name="Origins">Their origin scopes.</param>
/// <param name="Text">The warning.</param>
internal sealed record BelowNote(OriginScope[] Origins, string Text);
