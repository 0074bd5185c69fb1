using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Benchmarks;

/// <summary>
/// Synthetic shipments drawn from real HTS lines: every line the shipped revisions all list and the engine prices
/// without ambiguity, with entry dates spread over the schedule's whole data period, a seeded mix of origins, values
/// and (for specific rates) quantities in the rate's own unit. The shipments are synthetic; the lines and rates are real.
/// </summary>
/// <remarks>
/// The SQL side of <c>duty-vs-duckdb</c> applies the exported measures but not the stacking rules
/// (data/us/stacking.yaml) nor levies on a base other than the customs value. So an entry on a line that a rule or
/// such a levy could reach is dated before the first day it could (<see cref="StackingFree"/>); every other entry may
/// fall anywhere in the period. Both sides then do the
/// same work on every entry.
/// </remarks>
internal sealed class SampleEntries
{
    private static readonly CountryCode[] Origins =
        [CountryCode.CN, CountryCode.CN, CountryCode.CN, CountryCode.CN, Country("VN"), Country("DE"), Country("MX"), Country("KP")];

    private readonly DateOnly _first;
    private readonly int _days;
    private readonly (ProductCode Line, string? Unit, int Days)[] _lines;

    public SampleEntries(TariffSchedule schedule)
    {
        schedule.TryGetImporter(CountryCode.US, out var us);
        _first = schedule.DataPeriod.Start;
        var last = schedule.DataPeriod.LastDay ?? throw new InvalidOperationException("The data period has no end.");
        _days = last.DayNumber - _first.DayNumber + 1;
        var revisions = us.NomenclatureLayers;
        var probeDates = revisions.Select(r => r.Validity.Start < _first ? _first : r.Validity.Start).ToList();
        var priced = revisions[0].Coverage.Lines
            .Where(line => revisions.All(r => r.Coverage.Lists(line)))
            .Where(line => probeDates.All(d => DutyCalculator.Quote(schedule, CountryCode.US, new Shipment(line, CountryCode.CN, d, Value: 1m)).Success))
            .Order()
            .ToList();
        var caps = StackingFree(schedule, priced);
        _lines = [.. priced
            .Select(line => (line, revisions.Select(r => r.RateFor(line)).OfType<DutyRate>().SelectMany(r => r.Specific).FirstOrDefault()?.Unit,
                Math.Min(_days, caps[line] - _first.DayNumber)))
            .Where(l => l.Item3 > 0)];
        TouchedLines = _lines.Count(l => l.Days < _days);
        StackingFrom = schedule.Set.StackingRules.Select(r => r.Validity.Start).DefaultIfEmpty(last).Min();
    }

    /// <summary>Number of distinct real lines drawn from.</summary>
    public int LineCount => _lines.Length;

    /// <summary>Lines whose entries are dated before a stacking rule or another levy base could reach them.</summary>
    public int TouchedLines { get; }

    /// <summary>The first day any stacking rule applies.</summary>
    public DateOnly StackingFrom { get; }

    /// <summary>The period drawn over, as text.</summary>
    public string Period => $"{_first:yyyy-MM-dd} to {_first.AddDays(_days - 1):yyyy-MM-dd}";

    /// <summary>The <paramref name="count"/> shipments for <paramref name="seed"/>.</summary>
    public IEnumerable<Shipment> Draw(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var (line, unit, days) = _lines[random.Next(_lines.Length)];
            var value = random.Next(100, 10_000_000) / 100m;
            decimal? quantity = unit is null ? null : random.Next(1, 100_000) / 10m;
            var day = random.Next(_days);
            if (day >= days)
            {
                day = random.Next(days);
            }

            yield return new Shipment(line, Origins[random.Next(Origins.Length)], _first.AddDays(day), null, value, quantity, unit);
        }
    }

    // The day number before which nothing the SQL leaves out can touch an entry on each line: a stacking rule from
    // its start when measures of both a family that triggers it and a family it removes cover the line (a rule
    // without a trigger needs US content, which the drawn entries never declare), and a levy on a base other than
    // the value from that measure's start.
    private static Dictionary<ProductCode, int> StackingFree(TariffSchedule schedule, IEnumerable<ProductCode> lines)
    {
        var measures = schedule.Set.Measures.Where(m => m.Importer == CountryCode.US).ToList();
        var levies = Covering(measures.Where(m => m.LevyBase != LevyBase.Value));
        var rules = schedule.Set.StackingRules.Where(r => r.When.Count > 0)
            .Select(r => (r.Validity.Start.DayNumber,
                Covering(measures.Where(m => m.Validity.Overlaps(r.Validity) && r.TriggeredBy(m.StackingFamily))),
                Covering(measures.Where(m => m.Validity.Overlaps(r.Validity) && r.RemovesFamily(m.StackingFamily)))))
            .ToList();
        var caps = new Dictionary<ProductCode, int>();
        foreach (var line in lines)
        {
            var cap = Earliest(levies, line);
            foreach (var (from, triggers, removed) in rules)
            {
                if (from < cap && Earliest(triggers, line) < int.MaxValue && Earliest(removed, line) < int.MaxValue)
                {
                    cap = from;
                }
            }

            caps[line] = cap;
        }

        return caps;
    }

    // Per listed code (a line or any ancestor), the first day number a measure of the set covering it starts.
    private static Dictionary<string, int> Covering(IEnumerable<Measure> measures)
    {
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var measure in measures)
        {
            foreach (var (code, _) in measure.Coverage.Entries)
            {
                var from = measure.Validity.Start.DayNumber;
                codes[code.Value] = codes.TryGetValue(code.Value, out var known) ? Math.Min(known, from) : from;
            }
        }

        return codes;
    }

    private static int Earliest(Dictionary<string, int> caps, ProductCode line) =>
        line.SelfAndAncestors().Select(code => caps.GetValueOrDefault(code.Value, int.MaxValue)).Min();

    private static CountryCode Country(string code) => CountryCode.Parse(code).GetValueOrThrow();
}
