using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Core.Scenarios;

/// <summary>
/// A named overlay on the measures: what would be owed if measures were added, changed or removed from a date.
/// Applying a scenario never edits the measures it starts from; it returns a new set.
/// </summary>
/// <param name="Name">Short name (file name without extension).</param>
/// <param name="Description">What the scenario stands for.</param>
/// <param name="Changes">The changes, applied in order.</param>
public sealed record Scenario(string Name, string Description, IReadOnlyList<ScenarioChange> Changes)
{
    /// <summary>Applies the changes to <paramref name="set"/>.</summary>
    /// <returns>The changed set, or every change that named something unknown or impossible.</returns>
    public Result<MeasureSet> ApplyTo(MeasureSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var measures = set.Measures.ToList();
        var problems = new List<string>();
        foreach (var change in Changes)
        {
            var problem = change switch
            {
                AddMeasure add => Add(measures, add),
                ChangeMeasure edit => Change(measures, edit),
                EndMeasures end => End(measures, end),
                ReplaceMeasure replace => Replace(measures, replace),
                _ => $"unsupported change {change.GetType().Name}",
            };
            if (problem is not null)
            {
                problems.Add($"{change.Origin}: {problem}");
            }
        }

        return problems.Count > 0
            ? Result<MeasureSet>.Fail($"scenario '{Name}' cannot be applied: {string.Join("; ", problems)}")
            : Result<MeasureSet>.Ok(set with { Measures = measures });
    }

    private static string? Add(List<Measure> measures, AddMeasure add)
    {
        if (measures.Any(m => m.Id == add.Measure.Id))
        {
            return $"measure '{add.Measure.Id}' already exists";
        }

        measures.Add(add.Measure);
        return null;
    }

    private static string? Change(List<Measure> measures, ChangeMeasure edit)
    {
        var index = measures.FindIndex(m => m.Id == edit.MeasureId);
        if (index < 0)
        {
            return $"unknown measure '{edit.MeasureId}'";
        }

        var measure = measures[index];
        if (!measure.Validity.Contains(edit.From) && edit.From >= measure.Validity.Start)
        {
            return $"measure '{edit.MeasureId}' ends before {edit.From:yyyy-MM-dd}: its validity is {measure.Validity}";
        }

        // A new rate replaces the rates the lines had of their own too: one rate for every covered line.
        var changed = measure with
        {
            Rate = edit.Rate ?? measure.Rate,
            Coverage = edit.Rate is null ? measure.Coverage : measure.Coverage.WithoutRates(),
            Status = edit.Status ?? measure.Status,
        };
        if (edit.From <= measure.Validity.Start)
        {
            measures[index] = changed;
            return null;
        }

        var newId = edit.NewId ?? $"{measure.Id}@{edit.From:yyyy-MM-dd}";
        measures[index] = measure with { Validity = new DateInterval(measure.Validity.Start, edit.From) };
        measures.Add(changed with { Id = newId, Validity = new DateInterval(edit.From, measure.Validity.EndOrNull) });

        // Whatever replaced the original (a transit rate, an exclusion) replaces its continuation too.
        for (var i = 0; i < measures.Count; i++)
        {
            if (measures[i].Supersedes.Contains(measure.Id))
            {
                measures[i] = measures[i] with { Supersedes = [.. measures[i].Supersedes, newId] };
            }
        }

        return null;
    }

    private static string? Replace(List<Measure> measures, ReplaceMeasure replace)
    {
        var template = measures.Find(m => m.Id == replace.MeasureId);
        if (template is null)
        {
            return $"unknown measure '{replace.MeasureId}'";
        }

        var line = measures.Where(m => MeasureLineage.Continues(template, m)).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);

        // Ending the line drops pointers to removed pieces, so note first what replaced the line (exclusions, a
        // transit rate): it replaces the replacement too.
        var superseders = measures.Where(m => m.Supersedes.Any(line.Contains)).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var ended = End(measures, new EndMeasures([.. line], null, replace.From));
        if (ended is not null || replace.Remove)
        {
            return ended;
        }

        var newId = replace.NewId ?? $"{MeasureLineage.BaseId(template.Id)}@{replace.From:yyyy-MM-dd}";
        if (measures.Any(m => m.Id == newId))
        {
            return $"measure '{newId}' already exists";
        }

        measures.Add(template with
        {
            Id = newId,
            Rate = replace.Rate ?? template.Rate,
            Coverage = replace.Rate is null ? template.Coverage : template.Coverage.WithoutRates(),
            Status = replace.Status ?? MeasureStatus.InForce,
            Validity = DateInterval.From(replace.From),
            LegalBase = replace.LegalBase ?? template.LegalBase,
        });

        for (var i = 0; i < measures.Count; i++)
        {
            if (superseders.Contains(measures[i].Id))
            {
                measures[i] = measures[i] with { Supersedes = [.. measures[i].Supersedes, newId] };
            }
        }

        return null;
    }

    private static string? End(List<Measure> measures, EndMeasures end)
    {
        var unknown = end.MeasureIds.Where(id => measures.All(m => m.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            return $"unknown measure{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown.Select(u => $"'{u}'"))}";
        }

        for (var i = measures.Count - 1; i >= 0; i--)
        {
            var measure = measures[i];
            var byKind = (measure.Kind == end.Kind || end.Authorities.Contains(measure.Authority)) && (end.Importer is null || measure.Importer == end.Importer);
            if (!end.MeasureIds.Contains(measure.Id) && !byKind)
            {
                continue;
            }

            if (measure.Validity.Start >= end.From)
            {
                measures.RemoveAt(i);
            }
            else if (!measure.Validity.HasEnd || measure.Validity.End > end.From)
            {
                measures[i] = measure with { Validity = new DateInterval(measure.Validity.Start, end.From) };
            }
        }

        // A measure that superseded a removed one must not point at nothing.
        var ids = measures.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < measures.Count; i++)
        {
            if (measures[i].Supersedes.Any(s => !ids.Contains(s)))
            {
                measures[i] = measures[i] with { Supersedes = [.. measures[i].Supersedes.Where(ids.Contains)] };
            }
        }

        return null;
    }
}
