using TradeAccord.Sources;
using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.App.Tariffs.Batch;

/// <summary>What one scenario makes an entries file owe, in total and per layer (list).</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Rows">Rows read.</param>
/// <param name="Errors">Rows that could not be priced.</param>
/// <param name="TotalValue">Customs value of the priced rows.</param>
/// <param name="TotalDuty">Duty of the priced rows.</param>
/// <param name="ByLayer">Duty per layer title, with the value of the entries that layer applied to.</param>
public sealed record ScenarioTotals(
    string Scenario, long Rows, long Errors, decimal TotalValue, decimal TotalDuty, IReadOnlyList<LayerTotals> ByLayer)
{
    /// <summary>Duty as a fraction of value (0 when no value).</summary>
    public decimal EffectiveRate => TotalValue == 0m ? 0m : Math.Round(TotalDuty / TotalValue, 6);
}

/// <summary>Duty owed under one layer (e.g. "Section 301 List 3") across an entries file.</summary>
/// <param name="Layer">The layer's title.</param>
/// <param name="Entries">Entries it applied to.</param>
/// <param name="Value">Their customs value.</param>
/// <param name="Duty">The duty it levied on them.</param>
public sealed record LayerTotals(string Layer, long Entries, decimal Value, decimal Duty)
{
    /// <summary>Duty as a fraction of the value it applied to.</summary>
    public decimal EffectiveRate => Value == 0m ? 0m : Math.Round(Duty / Value, 6);
}

/// <summary>Prices one entries file under several schedules.</summary>
public static class ScenarioComparison
{
    /// <summary>Totals for each schedule in <paramref name="schedules"/>.</summary>
    /// <exception cref="SourceException">The input cannot be read or lacks a required column.</exception>
    public static IReadOnlyList<ScenarioTotals> Run(IReadOnlyList<TariffSchedule> schedules, CountryCode importer, string inputPath)
    {
        ArgumentNullException.ThrowIfNull(schedules);
        var results = new List<ScenarioTotals>();
        foreach (var schedule in schedules)
        {
            long rows = 0, errors = 0;
            decimal value = 0m, duty = 0m;
            var layers = new Dictionary<string, (long Entries, decimal Value, decimal Duty)>(StringComparer.Ordinal);
            using var entries = EntryFile.Open(inputPath);
            foreach (var entry in entries.Read())
            {
                rows++;
                if (entry.Shipment is not { } shipment || !DutyCalculator.Quote(schedule, importer, shipment).TryGetValue(out var quote))
                {
                    errors++;
                    continue;
                }

                value += shipment.Value ?? 0m;
                duty += quote.TotalDuty ?? 0m;
                foreach (var layer in quote.Layers)
                {
                    var key = Label(layer.Measure);
                    var current = layers.GetValueOrDefault(key);
                    layers[key] = (current.Entries + 1, current.Value + (shipment.Value ?? 0m), current.Duty + (layer.Amount ?? 0m));
                }
            }

            results.Add(new ScenarioTotals(schedule.Name, rows, errors, value, duty,
                [.. layers.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => new LayerTotals(l.Key, l.Value.Entries, l.Value.Value, l.Value.Duty))]));
        }

        return results;
    }

    // Revisions of the general rate are one layer to a reader comparing scenarios; Section 301 steps are named by list.
    private static string Label(Measure measure) => measure.Kind switch
    {
        MeasureKind.Mfn => "MFN (general rate)",
        MeasureKind.Column2 => "Column 2",
        _ => measure.Title,
    };
}
