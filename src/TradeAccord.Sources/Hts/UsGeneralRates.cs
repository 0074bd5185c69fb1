using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Csv;

namespace TradeAccord.Sources.Hts;

/// <summary>The US general (column 1) and column 2 rates: one nomenclature layer per shipped HTS revision.</summary>
public static class UsGeneralRates
{
    /// <summary>Reads the revisions listed in <c>hts/revisions.csv</c> into dated MFN and column 2 measures.</summary>
    /// <exception cref="SourceException">A file is missing, unreadable or malformed.</exception>
    public static IEnumerable<Measure> Read(
        string htsDirectory, DateInterval dataPeriod, IReadOnlyList<CountryCode> column2, List<SourceVersion> sources)
    {
        var revisions = CsvTable.Read(Path.Combine(htsDirectory, "revisions.csv"), "hts/revisions.csv",
                "revision", "file", "in_force_from", "basis")
            .Select(r => (Row: r, From: r.Date("in_force_from")))
            .OrderBy(r => r.From)
            .ToList();
        if (revisions.Count == 0)
        {
            throw new SourceException("hts/revisions.csv", 0, null, "lists no revision: expected one row per shipped HTS revision");
        }

        for (var i = 0; i < revisions.Count; i++)
        {
            var (row, documentedFrom) = revisions[i];
            if (i + 1 < revisions.Count && revisions[i + 1].From == documentedFrom)
            {
                throw revisions[i + 1].Row.Error("in_force_from", $"{documentedFrom:yyyy-MM-dd} is also the date of {row["revision"]}: expected one revision per date");
            }

            var name = row["revision"];
            var fileName = "hts/" + row["file"];
            var revision = HtsRevisionReader.Read(Path.Combine(htsDirectory, row["file"]), name, fileName);
            sources.Add(new SourceVersion(name, fileName, $"in force from {documentedFrom:yyyy-MM-dd} (see hts/revisions.csv)"));

            // The first revision also answers for the days before it (the nearest shipped one), with a warning.
            var from = i == 0 && dataPeriod.Start < documentedFrom ? dataPeriod.Start : documentedFrom;
            var validity = new DateInterval(from, i + 1 < revisions.Count ? revisions[i + 1].From : null);
            var slug = "hts-" + name.Replace("HTS ", "", StringComparison.Ordinal).Replace(" revision ", "r", StringComparison.Ordinal);
            yield return new Measure
            {
                Id = "us-mfn-" + slug["hts-".Length..],
                Importer = CountryCode.US,
                Kind = MeasureKind.Mfn,
                Title = name,
                LegalBase = $"HTSUS general rate of duty (column 1), {name}",
                Source = fileName,
                Origins = OriginScope.AllExcept(column2),
                Coverage = new ProductCoverage(slug, revision.General),
                Validity = validity,
                DocumentedFrom = from < documentedFrom ? documentedFrom : null,
                DefinesNomenclature = true,
            };
            yield return new Measure
            {
                Id = "us-col2-" + slug["hts-".Length..],
                Importer = CountryCode.US,
                Kind = MeasureKind.Column2,
                Title = name + " column 2",
                LegalBase = $"HTSUS column 2 rate of duty (General Note 3(b)), {name}",
                Source = fileName,
                Origins = OriginScope.Only(column2),
                Coverage = new ProductCoverage(slug + "-col2", revision.Column2),
                Validity = validity,
            };
        }
    }
}
