namespace TradeAccord.Sources.Hts;

/// <summary>
/// A stretch of consecutive revisions whose goods lines and rates are identical, so one measure (one nomenclature
/// layer) answers for all of them. Chapter 99 headings and footnotes may differ inside a layer: they are read from
/// the compiled data per revision, not from the measure.
/// </summary>
/// <param name="First">Index of the first revision.</param>
/// <param name="Last">Index of the last revision.</param>
public sealed record NomenclatureLayer(int First, int Last)
{
    /// <summary>Splits <paramref name="revisions"/> into layers: a new one starts where any goods line appears, disappears or changes a rate.</summary>
    public static IReadOnlyList<NomenclatureLayer> Group(IReadOnlyList<HtsRevisionEntry> revisions, IReadOnlyList<CompiledLine> lines)
    {
        var starts = new bool[revisions.Count];
        starts[0] = true;
        CompiledLine? previous = null;
        foreach (var line in lines)
        {
            if (line.IsHeading)
            {
                continue;
            }

            var continues = previous is not null && previous.Code == line.Code && previous.Last == line.First - 1;
            if (!continues || previous!.General != line.General || previous.Other != line.Other)
            {
                starts[line.First] = true; // the line appears or changes its rates here
            }

            if (previous is not null && !continues && previous.Last + 1 < revisions.Count)
            {
                starts[previous.Last + 1] = true; // the previous run ended without a successor: its line went away
            }

            previous = line;
        }

        if (previous is not null && previous.Last + 1 < revisions.Count)
        {
            starts[previous.Last + 1] = true;
        }

        var layers = new List<NomenclatureLayer>();
        for (var i = 0; i < starts.Length; i++)
        {
            if (starts[i])
            {
                layers.Add(new NomenclatureLayer(i, i));
            }
            else
            {
                layers[^1] = layers[^1] with { Last = i };
            }
        }

        return layers;
    }
}
