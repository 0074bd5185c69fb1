using System.Globalization;
using System.Runtime.CompilerServices;
using TradeAccord.Core.Common;
using TradeAccord.Core.Impact;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Impact;
using TradeAccord.Sources.Measures;

namespace TradeAccord.Sources.Negotiation;

/// <summary>
/// Values of tariff options derived from the impact model rather than typed in. For an issue whose options are rates
/// of one Section 301 list (<c>heading</c>), on US imports from China of <c>year</c>, or of one IEEPA duty on China
/// (<c>authority</c>, on 2024 imports, other duties as on <c>date</c>: <see cref="IeepaRateImpact"/>):
/// <c>derived: exports-kept</c> — China's exports on the lines at each rate (what China keeps, higher is better);
/// <c>derived: duty-relief</c> — the duty US importers no longer pay on them compared with the highest rate;
/// <c>derived: duty-revenue</c> — the duty collected on them at each rate, once imports have answered it.
/// Each option's rate replaces the current rate on the lines; values are then scaled to [0, 1].
/// </summary>
public sealed class ImpactDeriver(ScheduleLoader loader)
{
    // Building the inputs quotes every US import line on the date: 1.3 to 3.8 s a document, measured by the fuzzing of
    // negotiation documents, for inputs that depend only on the schedule, the year and the date. Kept per schedule
    // (dropped with it), a few dates each.
    private const int MaxCachedInputs = 4;
    private static readonly ConditionalWeakTable<TariffSchedule, BoundedCache<(int, DateOnly), ImpactInputs>> Inputs = new();

    /// <summary>The deriver as a <see cref="ValueDeriver"/>.</summary>
    public (IReadOnlyDictionary<string, double> Raw, string How) Derive(string party, YamlMap spec, IReadOnlyList<string> options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        if (spec.Has("authority"))
        {
            return IeepaRateImpact.Derive(loader, spec, options);
        }

        spec.OnlyKeys("derived", "heading", "year");
        var kind = Kind(spec);
        var heading = spec.String("heading");
        var list = ImpactData.ListName(heading) ?? throw spec.Error("heading", spec.LineOf("heading"), $"'{heading}' is not a Section 301 list heading");
        var year = int.TryParse(spec.String("year"), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : throw spec.Error("year", spec.LineOf("year"), "expected a year");
        var rates = OptionRates(spec, options);
        var schedule = loader.Load();
        var date = new DateOnly(year, 12, 31) is var end && end > schedule.DataPeriod.LastDay!.Value ? schedule.DataPeriod.LastDay!.Value : end;
        var inputs = Inputs.GetValue(schedule, _ => new BoundedCache<(int, DateOnly), ImpactInputs>(MaxCachedInputs))
            .GetOrAdd((year, date), () => new ImpactData(loader.Paths, loader.Baseline).Build(CountryCode.US, schedule, schedule, year, date));
        var lines = inputs.Lines.Where(l => l.Group == list).ToList();
        var top = rates.Values.Max();
        var listRate = (double)(schedule.Set.Measures.FirstOrDefault(m => m.Heading == heading && m.Kind == Core.Tariffs.MeasureKind.Section301
            && m.Status == Core.Tariffs.MeasureStatus.InForce && m.Validity.Contains(date))?.Rate?.AdValorem ?? 0m);
        var raw = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (option, rate) in rates)
        {
            // The option's rate replaces the list's rate at the highest option: the rest of each line's tariff stays.
            var effects = ImpactModel.Run(lines.Select(l => l with { TariffBefore = l.TariffAfter - listRate + top, TariffAfter = l.TariffAfter - listRate + rate }));
            raw[option] = Measure(spec, kind, effects);
        }

        var how = kind switch
        {
            "exports-kept" => $"China's exports on {list} lines kept at each rate ({inputs.Series}; impact model, {lines.Count:N0} lines), scaled to [0, 1]",
            "duty-relief" => $"US importers' duty relief on {list} lines at each rate against {top:P1} ({inputs.Series}), scaled to [0, 1]",
            _ => $"{Describe(kind)} on {list} lines at each rate ({inputs.Series}; impact model, {lines.Count:N0} lines), scaled to [0, 1]",
        };
        return (raw, how);
    }

    /// <summary>The derivation <c>derived</c> names.</summary>
    /// <exception cref="SourceException">It is none of exports-kept, duty-relief, duty-revenue.</exception>
    internal static string Kind(YamlMap spec)
    {
        var kind = spec.String("derived");
        return kind is "exports-kept" or "duty-relief" or "duty-revenue"
            ? kind
            : throw spec.Error("derived", spec.LineOf("derived"), $"'{kind}' is not a derivation: expected exports-kept, duty-relief or duty-revenue");
    }

    /// <summary>What a derivation measures, for the output.</summary>
    internal static string Describe(string kind) => kind switch
    {
        "exports-kept" => "China's exports kept",
        "duty-relief" => "US importers' duty relief",
        _ => "US duty revenue",
    };

    /// <summary>The raw value of one option: what <paramref name="kind"/> sums over the lines' effects.</summary>
    internal static double Measure(YamlMap spec, string kind, IReadOnlyList<ImpactEffect> effects) => kind switch
    {
        "exports-kept" => effects.Sum(e => e.PartnerAfter),
        "duty-relief" => effects.Sum(e => (e.Line.TariffBefore - e.Line.TariffAfter) * e.Line.ImportsPartner),
        "duty-revenue" => effects.Sum(e => e.RevenueAfter),
        _ => throw spec.Error("derived", spec.LineOf("derived"), $"'{kind}' is not a derivation"),
    };

    /// <summary>Each option as a fraction: "7.5%" is 0.075.</summary>
    /// <exception cref="SourceException">An option is not a rate.</exception>
    internal static Dictionary<string, double> OptionRates(YamlMap spec, IReadOnlyList<string> options) =>
        options.ToDictionary(o => o, o => double.TryParse(o.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var r)
            ? r / 100 : throw spec.Error("derived", spec.LineOf("derived"), $"option '{o}' is not a rate: expected options such as 7.5%"), StringComparer.Ordinal);
}
