using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.China;
using TradeAccord.Sources.Csv;
using TradeAccord.Sources.Hts;
using TradeAccord.Sources.Measures;
using TradeAccord.Sources.Section301;

namespace TradeAccord.Sources;

/// <summary>
/// Reads the data folder (HTS revisions, Section 301 coverage and rate steps, exclusions, China's tariffs) into one
/// <see cref="MeasureSet"/>: the single rule store every capability reads.
/// </summary>
public static class BuiltInData
{
    /// <summary>Reads every source under <paramref name="dataDirectory"/>.</summary>
    /// <exception cref="SourceException">A file is missing, unreadable or malformed.</exception>
    public static MeasureSet Load(string dataDirectory)
    {
        var catalog = YamlMap.Load(Path.Combine(dataDirectory, "catalog.yaml"), "catalog.yaml");
        var period = catalog.OptionalMap("dataPeriod") ?? throw catalog.Error("dataPeriod", catalog.Line, "is required");
        var (from, to) = (period.Date("from"), period.Date("to"));
        if (to <= from)
        {
            throw period.Error("to", period.LineOf("to"), $"{to:yyyy-MM-dd} must be after from {from:yyyy-MM-dd}");
        }

        var dataPeriod = new DateInterval(from, to);
        var column2 = catalog.List("column2Countries").Select(c => CountryCode.Parse(c).TryGetValue(out var code)
            ? code
            : throw catalog.Error("column2Countries", catalog.LineOf("column2Countries"), $"'{c}' is not an ISO 3166-1 alpha-2 country code")).ToList();

        var measures = new List<Measure>();
        var sources = new List<SourceVersion>();
        var hts = CompiledHts.Load(Path.Combine(dataDirectory, "hts"));
        measures.AddRange(UsGeneralRates.Read(hts, dataPeriod, column2, sources));

        var section301 = Path.Combine(dataDirectory, "section301");
        const string table = "section301/usitc_china_tariffs_2020-01-01.csv";
        var byHeading = ChinaTariffsTableReader.Read(Path.Combine(dataDirectory, table), table);
        sources.Add(new SourceVersion("USITC China Tariffs table", table, "last updated 2020-01-01"));
        var resolver = new CoverageResolver(byHeading, id => measures.Find(m => m.Id == id), Path.Combine(dataDirectory, "us", "lists"));
        measures.AddRange(ReadMeasureFile(Path.Combine(section301, "measures.yaml"), "section301/measures.yaml", resolver));
        sources.Add(new SourceVersion("Section 301 rate steps", "section301/measures.yaml", "transcribed from the notices cited per measure"));
        measures.AddRange(ExclusionReader.Read(section301, "exclusions.yaml"));
        sources.Add(new SourceVersion("Section 301 exclusions (partial)", "section301/exclusions_hts10_partial.csv", "35 notices 2018-12 to 2020-08"));

        // The US measures of 2021 onwards, one file per family, read in name order (later files may refer to earlier ones).
        foreach (var file in Directory.EnumerateFiles(Path.Combine(dataDirectory, "us", "measures"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var name = "us/measures/" + Path.GetFileName(file);
            measures.AddRange(ReadMeasureFile(file, name, resolver));
            sources.Add(new SourceVersion("US measures: " + Path.GetFileNameWithoutExtension(file), name, "transcribed from the instruments cited per measure"));
        }

        const string bjz = "china_retaliation/china_tariffs_on_us_hs10_bjz_2018-2019.csv";
        const string mof = "china_retaliation/china_mof_2018-04-02_s232_retaliation_128_items.csv";
        var china = ChinaTariffReader.Read(Path.Combine(dataDirectory, bjz), bjz, Path.Combine(dataDirectory, mof), mof, dataPeriod.Start,
            catalog.OptionalDate("chinaDataAsOf"), ChinaDataGap.ReadAll(catalog));
        measures.AddRange(china);
        sources.Add(new SourceVersion("China tariffs on US goods (Bown, Jung & Zhang)", bjz, "PIIE 2019-06-12"));
        sources.Add(new SourceVersion("China's list of 128 items", mof, "2018-04-02"));
        measures.AddRange(ChinaMeasureFiles.Read(dataDirectory, china, sources));

        // Lists 1-4B were read by the 2020 coverage table; from the first HTS revision with footnotes the HTS itself
        // says which lines each heading covers, in that revision's codes (the 2022 nomenclature changed many).
        measures = Section301FootnoteCoverage.Apply(measures, hts);

        const string stacking = "us/stacking.yaml";
        var rules = StackingRuleReader.Read(Path.Combine(dataDirectory, stacking), stacking);
        sources.Add(new SourceVersion("US stacking rules", stacking, "transcribed from the orders cited per rule"));
        var missing = period.List("missingAfterEnd");
        return new MeasureSet(measures, dataPeriod, sources) { StackingRules = rules, MissingAfterEnd = missing };
    }

    /// <summary>
    /// Every file under <paramref name="dataDirectory"/> that <see cref="Load"/> may read, in a fixed order: what a
    /// stored schedule's fingerprint covers. A reader added to <see cref="Load"/> must keep its file in these folders
    /// (a test loads the data from a copy of exactly these files).
    /// </summary>
    public static IReadOnlyList<string> InputFiles(string dataDirectory)
    {
        var files = new List<string>();
        foreach (var single in (string[])["catalog.yaml", "hts/revisions.csv", "hts/" + HtsCompiler.CompiledFile])
        {
            var path = Path.Combine(dataDirectory, single);
            if (File.Exists(path))
            {
                files.Add(path);
            }
        }

        foreach (var folder in (string[])["section301", "us", "cn", "china_retaliation"])
        {
            var path = Path.Combine(dataDirectory, folder);
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
            }
        }

        return files;
    }

    /// <summary>Reads a YAML file of measures (top-level <c>importer</c> and <c>measures</c>).</summary>
    /// <exception cref="SourceException">The file is unreadable or malformed: every problem in it is named.</exception>
    public static IReadOnlyList<Measure> ReadMeasureFile(string path, string displayName, CoverageResolver resolver)
    {
        var file = YamlMap.Load(path, displayName);
        var problems = new SourceProblems();
        problems.Check(() => file.OnlyKeys("importer", "measures"));
        CountryCode? importer = null;
        if (file.Has("importer") && !problems.Check(() => importer = file.Country("importer")))
        {
            // A stand-in, so the entries are not each told they lack an importer: nothing is returned after a problem.
            importer = default(CountryCode);
        }

        var result = new List<Measure>();
        foreach (var entry in problems.Get(() => file.Maps("measures")) ?? [])
        {
            if (problems.Get(() => MeasureYaml.Read(entry, importer, resolver)) is not { } measure)
            {
                continue;
            }

            if (result.Any(m => m.Id == measure.Id))
            {
                problems.Add(entry.Error("id", entry.LineOf("id"), $"'{measure.Id}' is used twice"));
            }

            result.Add(measure);
        }

        problems.ThrowIfAny();
        return result;
    }
}
