namespace TradeAccord.Core.Tariffs;

/// <summary>A measure that covers a given line, with the rate it gives that line.</summary>
/// <remarks>
/// A struct so a line's candidates sit side by side in memory, and it repeats the rate's ad valorem part so the
/// common case (a plain percentage) is priced without reading the rate object: a batch touches thousands of lines.
/// </remarks>
public readonly record struct CandidateMeasure
{
    /// <summary>Creates a candidate.</summary>
    public CandidateMeasure(Measure measure, DutyRate? rate)
    {
        Measure = measure;
        Rate = rate;
        IsPlainAdValorem = rate is { IsComputable: true, IsQualified: false, Specific.Count: 0 };
        AdValorem = rate?.AdValorem ?? 0m;

        Notes = measure.Status != MeasureStatus.InForce || measure.ExportCondition is not null || measure.RequiresClaim ||
            measure.EndUse is not null
            ? new CandidateNotes(measure, rate)
            : null;
    }

    /// <summary>The measure.</summary>
    public Measure Measure { get; }

    /// <summary>The line's rate under the measure; null when no rate is known for it.</summary>
    public DutyRate? Rate { get; }

    /// <summary>True when the rate is a plain, computable percentage (or free).</summary>
    public bool IsPlainAdValorem { get; }

    /// <summary>The rate's ad valorem fraction.</summary>
    public decimal AdValorem { get; }

    /// <summary>Why the measure may not apply, for the few measures with a status, condition or claim; else null.</summary>
    internal CandidateNotes? Notes { get; }
}
