using System.Globalization;
using TradeAccord.Core.Common;
using TradeAccord.Core.Impact;
using TradeAccord.Sources.Impact;
using TradeAccord.Sources.Measures;

namespace TradeAccord.Sources.Negotiation;

/// <summary>
/// Values of tariff options derived from the impact model rather than typed in. For an issue whose options are rates
/// of one Section 301 list (<c>heading</c>), on US imports from China of <c>year</c>:
/// <c>derived: exports-kept</c> — China's exports on the list's lines at each rate (what China keeps, higher is better);
/// <c>derived: duty-relief</c> — the duty US importers no longer pay on them compared with the highest rate.
/// Each option's rate replaces the list's current rate on its lines; values are then scaled to [0, 1].
/// </summary>
public sealed class ImpactDeriver(ScheduleLoader loader)
{
    /// <summary>The deriver as a <see cref="ValueDeriver"/>.</summary>
    public (IReadOnlyDictionary<string, double> Raw, string How) Derive(string party, YamlMap spec, IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        spec.OnlyKeys("derived", "heading", "year");
        var kind = spec.String("derived");
        var heading = spec.String("heading");
        var list = ImpactData.ListName(heading) ?? throw spec.Error("heading", spec.LineOf("heading"), $"'{heading}' is not a Section 301 list heading");
        var year = int.TryParse(spec.String("year"), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : throw spec.Error("year", spec.LineOf("year"), "expected a year");
        var rates = options.ToDictionary(o => o, o => double.TryParse(o.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var r)
            ? r / 100 : throw spec.Error("derived", spec.LineOf("derived"), $"option '{o}' is not a rate: expected options such as 7.5%"), StringComparer.Ordinal);
        var schedule = loader.Load();
        var date = new DateOnly(year, 12, 31) is var end && end > schedule.DataPeriod.LastDay!.Value ? schedule.DataPeriod.LastDay!.Value : end;
        var inputs = new ImpactData(loader.Paths, loader.Baseline).Build(CountryCode.US, schedule, schedule, year, date);
        var lines = inputs.Lines.Where(l => l.Group == list).ToList();
        var top = rates.Values.Max();
        var listRate = (double)(schedule.Set.Measures.FirstOrDefault(m => m.Heading == heading && m.Kind == Core.Tariffs.MeasureKind.Section301
            && m.Status == Core.Tariffs.MeasureStatus.InForce && m.Validity.Contains(date))?.Rate?.AdValorem ?? 0m);
        var raw = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (option, rate) in rates)
        {
            // The option's rate replaces the list's rate at the highest option: the rest of each line's tariff stays.
            var effects = ImpactModel.Run(lines.Select(l => l with { TariffBefore = l.TariffAfter - listRate + top, TariffAfter = l.TariffAfter - listRate + rate }));
            raw[option] = kind switch
            {
                "exports-kept" => effects.Sum(e => e.PartnerAfter),
                "duty-relief" => effects.Sum(e => (e.Line.TariffBefore - e.Line.TariffAfter) * e.Line.ImportsPartner),
                var other => throw spec.Error("derived", spec.LineOf("derived"), $"'{other}' is not a derivation: expected exports-kept or duty-relief"),
            };
        }

        var how = kind == "exports-kept"
            ? $"China's exports on {list} lines kept at each rate ({inputs.Series}; impact model, {lines.Count:N0} lines), scaled to [0, 1]"
            : $"US importers' duty relief on {list} lines at each rate against {top:P1} ({inputs.Series}), scaled to [0, 1]";
        return (raw, how);
    }
}
