using BenchmarkDotNet.Attributes;
using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources;

namespace TradeAccord.Benchmarks;

/// <summary>
/// Point lookups: the compiled schedule (hash of the line and its ancestors, then a filter by date) against a naive
/// scan of every (line, measure) row, the form a plain table or a spreadsheet gives.
/// </summary>
[MemoryDiagnoser]
public class LookupBenchmarks
{
    private TariffSchedule _schedule = null!;
    private Shipment[] _shipments = null!;
    private Row[] _rows = null!;

    [Params(1_000)]
    public int Lookups { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _schedule = new ScheduleLoader(DataPaths.Locate()).Load();
        _shipments = [.. new SampleEntries(_schedule).Draw(Lookups, seed: 42)];
        _rows = [.. _schedule.Set.Measures.Where(m => m.Importer == CountryCode.US)
            .SelectMany(m => m.Coverage.Entries.Select(e => new Row(e.Key.Value, m, e.Value ?? m.Rate)))];
    }

    /// <summary>Scans every row for each shipment: matches the line or its 8-digit parent, the origin and the date.</summary>
    [Benchmark(Baseline = true)]
    public decimal NaiveScan()
    {
        var total = 0m;
        foreach (var shipment in _shipments)
        {
            var line = shipment.Code.Value;
            var parent = line.Length > 8 ? line[..8] : line;
            foreach (var row in _rows)
            {
                if ((row.Code == line || row.Code == parent) && row.Measure.Validity.Contains(shipment.EntryDate)
                    && row.Measure.Origins.Includes(shipment.Origin) && row.Measure.Status == MeasureStatus.InForce
                    && row.Measure.ExportCondition is null && !row.Measure.RequiresClaim && row.Rate is not null)
                {
                    total += row.Rate.AdValorem;
                }
            }
        }

        return total;
    }

    /// <summary>The engine's own lookup and pricing.</summary>
    [Benchmark]
    public decimal CompiledSchedule()
    {
        var total = 0m;
        foreach (var shipment in _shipments)
        {
            total += DutyCalculator.Quote(_schedule, CountryCode.US, shipment).GetValueOrThrow().TotalAdValorem;
        }

        return total;
    }

    private sealed record Row(string Code, Measure Measure, DutyRate? Rate);
}
