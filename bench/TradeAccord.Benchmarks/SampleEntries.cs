using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Benchmarks;

/// <summary>
/// Synthetic shipments drawn from real HTS lines: every line the four shipped revisions all list and the engine
/// prices without ambiguity, with entry dates spread over 2018–2020, a seeded mix of origins, values and (for
/// specific rates) quantities in the rate's own unit. The shipments are synthetic; the lines and rates are real.
/// </summary>
internal sealed class SampleEntries
{
    private static readonly CountryCode[] Origins =
        [CountryCode.CN, CountryCode.CN, CountryCode.CN, CountryCode.CN, Country("VN"), Country("DE"), Country("MX"), Country("KP")];

    private static readonly DateOnly First = new(2018, 1, 1);
    private const int Days = 1096; // 2018-01-01 to 2020-12-31

    private readonly (ProductCode Line, string? Unit)[] _lines;

    public SampleEntries(TariffSchedule schedule)
    {
        schedule.TryGetImporter(CountryCode.US, out var us);
        var revisions = us.NomenclatureLayers;
        var probeDates = revisions.Select(r => r.Validity.Start < First ? First : r.Validity.Start).ToList();
        _lines = [.. revisions[0].Coverage.Lines
            .Where(line => revisions.All(r => r.Coverage.Lists(line)))
            .Where(line => probeDates.All(d => DutyCalculator.Quote(schedule, CountryCode.US, new Shipment(line, CountryCode.CN, d, Value: 1m)).Success))
            .Order()
            .Select(line => (line, revisions.Select(r => r.RateFor(line)).OfType<DutyRate>().SelectMany(r => r.Specific).FirstOrDefault()?.Unit))];
    }

    /// <summary>Number of distinct real lines drawn from.</summary>
    public int LineCount => _lines.Length;

    /// <summary>The <paramref name="count"/> shipments for <paramref name="seed"/>.</summary>
    public IEnumerable<Shipment> Draw(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var (line, unit) = _lines[random.Next(_lines.Length)];
            var value = random.Next(100, 10_000_000) / 100m;
            decimal? quantity = unit is null ? null : random.Next(1, 100_000) / 10m;
            yield return new Shipment(line, Origins[random.Next(Origins.Length)], First.AddDays(random.Next(Days)), null, value, quantity, unit);
        }
    }

    private static CountryCode Country(string code) => CountryCode.Parse(code).GetValueOrThrow();
}
