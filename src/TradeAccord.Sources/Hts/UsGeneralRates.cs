using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Sources.Hts;

/// <summary>
/// The US general (column 1) and column 2 rates: one nomenclature layer per stretch of shipped HTS revisions with
/// identical goods lines and rates, read from the compiled file (see <see cref="HtsCompiler"/>).
/// </summary>
public static class UsGeneralRates
{
    /// <summary>Reads the revisions listed in <c>hts/revisions.csv</c> into dated MFN and column 2 measures.</summary>
    /// <exception cref="SourceException">A file is missing, unreadable or malformed.</exception>
    public static IEnumerable<Measure> Read(
        string htsDirectory, DateInterval dataPeriod, IReadOnlyList<CountryCode> column2, List<SourceVersion> sources) =>
        Read(CompiledHts.Load(htsDirectory), dataPeriod, column2, sources);

    /// <summary>The same from revisions already loaded.</summary>
    public static IEnumerable<Measure> Read(
        CompiledHts hts, DateInterval dataPeriod, IReadOnlyList<CountryCode> column2, List<SourceVersion> sources)
    {
        foreach (var revision in hts.Revisions)
        {
            sources.Add(new SourceVersion(revision.Name, "hts/" + revision.File, $"in force from {revision.InForceFrom:yyyy-MM-dd} (see {HtsRevisionTable.DisplayName})"));
        }

        // A few thousand distinct rate texts stand for about a million line-layer pairs: parse each once.
        var rates = new RateCache();
        var layers = hts.Layers;
        for (var i = 0; i < layers.Count; i++)
        {
            var layer = layers[i];
            var first = hts.Revisions[layer.First];
            var last = hts.Revisions[layer.Last];
            var documentedFrom = first.InForceFrom;

            // The first revision also answers for the days before it (the nearest shipped one), with a warning.
            var from = i == 0 && dataPeriod.Start < documentedFrom ? dataPeriod.Start : documentedFrom;
            var validity = new DateInterval(from, i + 1 < layers.Count ? hts.Revisions[layers[i + 1].First].InForceFrom : null);

            // One revision keeps the ids the other files refer to (us-mfn-2020r10); a span names both ends.
            var slug = layer.First == layer.Last ? first.Slug : $"{first.Slug}-{last.Slug}";
            var name = layer.First == layer.Last ? first.Name : $"{first.Name} to {last.ShortName}";
            var source = "hts/" + first.File + (layer.First == layer.Last ? "" : " to " + last.File);
            var general = new Dictionary<ProductCode, DutyRate?>();
            var other = new Dictionary<ProductCode, DutyRate?>();
            foreach (var (code, line) in hts.GoodsLines(layer.First))
            {
                general[code] = rates.Parse(line.General);
                other[code] = rates.Parse(line.Other);
            }

            yield return new Measure
            {
                Id = "us-mfn-" + slug,
                Importer = CountryCode.US,
                Kind = MeasureKind.Mfn,
                Title = name,
                LegalBase = $"HTSUS general rate of duty (column 1), {name}",
                Source = source,
                Origins = OriginScope.AllExcept(column2),
                Coverage = new ProductCoverage("hts-" + slug, general),
                Validity = validity,
                DocumentedFrom = from < documentedFrom ? documentedFrom : null,
                DefinesNomenclature = true,
            };
            yield return new Measure
            {
                Id = "us-col2-" + slug,
                Importer = CountryCode.US,
                Kind = MeasureKind.Column2,
                Title = name + " column 2",
                LegalBase = $"HTSUS column 2 rate of duty (General Note 3(b)), {name}",
                Source = source,
                Origins = OriginScope.Only(column2),
                Coverage = new ProductCoverage("hts-" + slug + "-col2", other),
                Validity = validity,
            };
        }
    }

    // DutyRate is immutable, so one parsed instance serves every line and layer that prints the same text.
    private sealed class RateCache
    {
        private readonly Dictionary<string, DutyRate?> _parsed = new(StringComparer.Ordinal);

        public DutyRate? Parse(string text)
        {
            if (!_parsed.TryGetValue(text, out var rate))
            {
                _parsed[text] = rate = RateText.Parse(text);
            }

            return rate;
        }
    }
}
