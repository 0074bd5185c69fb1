using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Sources.Tests.Hts;

/// <summary>
/// Every US nomenclature layer (one per run of identical HTS revisions) on the day before it and its first day: a
/// quote of a line that exists throughout names the previous layer, then this one, and the first day is the in-force
/// date of the layer's first revision in hts/revisions.csv.
/// </summary>
public class NomenclatureStepTests
{
    [Fact]
    public void Each_layer_takes_over_on_its_first_day_and_not_the_day_before()
    {
        var layers = BuiltIn.Schedule().Set.Measures.Where(m => m.DefinesNomenclature && m.Importer == CountryCode.US && m.Kind == MeasureKind.Mfn)
            .OrderBy(m => m.Validity.Start).ToList();
        var revisions = File.ReadAllLines(Path.Combine(DataPaths.Locate().Data, "hts", "revisions.csv")).Skip(1)
            .Select(l => l.Split(',')).ToDictionary(f => f[0], f => f[2], StringComparer.Ordinal);

        layers.Count.ShouldBe(16);
        for (var i = 1; i < layers.Count; i++)
        {
            var first = layers[i].Validity.Start;
            layers[i - 1].Validity.EndOrNull.ShouldBe(first);
            // The layer's title starts with the name of its first revision ("HTS 2025 revision 6 to 2025 revision 15").
            var firstRevision = revisions.Keys.Where(layers[i].Title.StartsWith).OrderByDescending(n => n.Length).First();
            revisions[firstRevision].ShouldBe(first.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

            // 0101.21.00.10 (purebred breeding horses) exists in every revision shipped.
            BuiltIn.Quote("0101.21.0010", "DE", Iso(first.AddDays(-1))).Nomenclature.ShouldBe(layers[i - 1].Title);
            BuiltIn.Quote("0101.21.0010", "DE", Iso(first)).Nomenclature.ShouldBe(layers[i].Title);
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
