using System.Globalization;
using System.Runtime.CompilerServices;
using TradeAccord.Core.Common;
using TradeAccord.Core.Impact;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Impact;
using TradeAccord.Sources.Measures;

namespace TradeAccord.Sources.Negotiation;

/// <summary>
/// Values of an issue whose options are rates of one IEEPA duty on China (<c>authority: ieepa-fentanyl</c> or
/// <c>ieepa-reciprocal</c>), on US imports from China in 2024 by HTS10 line. Each line keeps every other layer it owes
/// on <c>date</c>; the option's rate replaces the authority's layer, on the share of the value that layer falls on (none
/// on a line the authority exempts, such as Annex II goods under the reciprocal duty).
/// </summary>
internal static class IeepaRateImpact
{
    // Hauk's US import-demand estimates by HS6, as the impact command uses for US imports.
    private const string DemandFile = "elasticities/hauk_us_import_demand_elasticities_hs6_1978-2001.csv";

    // Quoting every 2024 import line on the date costs about a second a document (measured by fuzzing negotiation
    // documents) for what depends only on the schedule, the authority and the date: kept per schedule, a few each.
    private const int MaxCached = 4;
    private static readonly ConditionalWeakTable<TariffSchedule, BoundedCache<(TariffAuthority, DateOnly), Derivable>> Cache = new();

    private sealed record Derivable(Elasticities Demand, List<(string Code, double Value, double Other, double Share)> Lines, double Value, int Skipped);

    /// <summary>Raw values per option and how they were derived.</summary>
    /// <exception cref="SourceException">The block or the data are unusable: the field is named.</exception>
    public static (IReadOnlyDictionary<string, double> Raw, string How) Derive(ScheduleLoader loader, YamlMap spec, IReadOnlyList<string> options)
    {
        spec.OnlyKeys("derived", "authority", "year", "date");
        var kind = ImpactDeriver.Kind(spec);
        var word = spec.String("authority");
        var authority = TariffAuthorities.Parse(word) is { } a && a.IsIeepa()
            ? a : throw spec.Error("authority", spec.LineOf("authority"), $"'{word}' is not valid: expected ieepa-fentanyl or ieepa-reciprocal");
        if (spec.String("year") != UsImportsFromChina2024.Year.ToString(CultureInfo.InvariantCulture))
        {
            throw spec.Error("year", spec.LineOf("year"), $"'{spec.String("year")}' has no product detail: expected {UsImportsFromChina2024.Year} ({UsImportsFromChina2024.File})");
        }

        var rates = ImpactDeriver.OptionRates(spec, options);
        var schedule = loader.Load();
        var date = spec.OptionalDate("date") ?? throw spec.Error("date", spec.Line, "is required: expected the date whose other duties each line keeps");
        if (!schedule.DataPeriod.Contains(date))
        {
            throw spec.Error("date", spec.LineOf("date"), $"'{date:yyyy-MM-dd}' is outside the tariff data: expected a date from {schedule.DataPeriod.Start:yyyy-MM-dd} to {schedule.DataPeriod.LastDay:yyyy-MM-dd}");
        }

        var (demand, lines, value, skipped) = Cache.GetValue(schedule, _ => new BoundedCache<(TariffAuthority, DateOnly), Derivable>(MaxCached))
            .GetOrAdd((authority, date), () => Prepare(loader, schedule, authority, date));
        var top = rates.Values.Max();
        var raw = rates.ToDictionary(r => r.Key, r => ImpactDeriver.Measure(spec, kind, ImpactModel.Run(lines.Select(l =>
            new ImpactLine(l.Code, word, l.Value, 0, l.Other + l.Share * top, l.Other + l.Share * r.Value, 0, demand.For(l.Code).Value, 0)))), StringComparer.Ordinal);
        var series = $"US imports from China, {UsImportsFromChina2024.Year}, by HTS10 (Census): {lines.Count:N0} lines, {value / 1e9:N1} USD bn"
                     + (skipped > 0 ? $"; left out, without a rate on {date:yyyy-MM-dd}: {skipped:N0} of them" : "");
        var how = $"{ImpactDeriver.Describe(kind)} at each {word} rate, other duties as on {date:yyyy-MM-dd} ({series}; impact model, "
                  + $"{demand.Source}; other sources not in the model, so no diversion), scaled to [0, 1]";
        return (raw, how);
    }

    private static Derivable Prepare(ScheduleLoader loader, TariffSchedule schedule, TariffAuthority authority, DateOnly date)
    {
        var demand = Elasticities.Read(Path.Combine(loader.Paths.Data, DemandFile), DemandFile, "hs6", "impliedelasticity");
        var (lines, value, skipped) = Lines(schedule, UsImportsFromChina2024.Read(loader.Paths.Data), authority, date);
        return new Derivable(demand, lines, value, skipped);
    }

    private static (List<(string Code, double Value, double Other, double Share)> Lines, double Value, int Skipped) Lines(
        TariffSchedule schedule, IReadOnlyList<(string Code, decimal Value)> trade, TariffAuthority authority, DateOnly date)
    {
        var lines = new List<(string Code, double Value, double Other, double Share)>(trade.Count);
        var skipped = 0;
        foreach (var (code, value) in trade)
        {
            var quote = DutyCalculator.Quote(schedule, CountryCode.US, new Shipment(ProductCode.FromDigits(code), CountryCode.CN, date, null, 1000m));
            if (!quote.TryGetValue(out var q))
            {
                skipped++;
                continue;
            }

            var layers = q.Layers.Where(l => l.Measure.Authority == authority).ToList();
            var own = layers.Sum(l => l.AdValorem);
            // The share of the value the authority's layer falls on, which the option's rate falls on too.
            var share = layers.Count == 0 ? 0m : layers.Max(l => l.Share);
            lines.Add((code, (double)value, (double)(q.TotalAdValorem - own), (double)share));
        }

        return (lines, lines.Sum(l => l.Value), skipped);
    }
}
