namespace TradeAccord.Core.Tariffs;

/// <summary>
/// The measures that carry one duty over time: the same importer, kind and chapter 99 heading (List 4A at 15% and
/// then at 7.5% are one line), or, for measures without a heading, the same id before any <c>@date</c> suffix
/// (a retaliation round and its later steps). Obligations and scenario replacements act on the whole line, not on
/// one dated piece of it.
/// </summary>
public static class MeasureLineage
{
    /// <summary>Whether <paramref name="measure"/> continues the duty of <paramref name="template"/>.</summary>
    public static bool Continues(Measure template, Measure measure)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(measure);
        if (measure.Importer != template.Importer || measure.Kind != template.Kind)
        {
            return false;
        }

        return template.Heading is not null && measure.Heading == template.Heading
               || BaseId(measure.Id) == BaseId(template.Id);
    }

    /// <summary>The measures of <paramref name="set"/> that continue <paramref name="template"/>, by start date.</summary>
    public static IReadOnlyList<Measure> In(MeasureSet set, Measure template)
    {
        ArgumentNullException.ThrowIfNull(set);
        return [.. set.Measures.Where(m => Continues(template, m)).OrderBy(m => m.Validity.Start)];
    }

    /// <summary>The id without its <c>@date</c> suffix.</summary>
    public static string BaseId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var at = id.IndexOf('@', StringComparison.Ordinal);
        return at < 0 ? id : id[..at];
    }
}
