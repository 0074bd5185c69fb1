using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Measures;

namespace TradeAccord.Sources.China;

/// <summary>
/// Reads China's measures kept by hand (<c>data/cn/measures/*.yaml</c>, the format of the US measure files), with list
/// coverage from China's own lists (<c>data/china_retaliation/2025/</c>) placed on the lines of the PIIE schedule.
/// </summary>
public static class ChinaMeasureFiles
{
    private const string ListsName = "china_retaliation/2025/";

    /// <summary>Reads every file in name order (later files may name measures of earlier ones or of the PIIE file).</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <param name="piie">China's measures read from the PIIE file; its last MFN layer gives the lines.</param>
    /// <param name="sources">Where each file read is recorded, with the list codes left unplaced.</param>
    /// <exception cref="SourceException">A file is unreadable or malformed.</exception>
    public static IReadOnlyList<Measure> Read(string dataDirectory, IReadOnlyList<Measure> piie, List<SourceVersion> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var folder = Path.Combine(dataDirectory, "cn", "measures");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var schedule = piie.Last(m => m.DefinesNomenclature).Coverage;
        var result = new List<Measure>();
        var resolver = new CoverageResolver(new Dictionary<string, ProductCoverage>(),
            id => result.Find(m => m.Id == id) ?? piie.FirstOrDefault(m => m.Id == id), Path.Combine(dataDirectory, ListsName), ListsName);
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var name = "cn/measures/" + Path.GetFileName(file);
            var (placed, unplaced) = ChinaListCodes.Place(BuiltInData.ReadMeasureFile(file, name, resolver), schedule);
            result.AddRange(placed);
            var version = "transcribed from the texts cited per measure" + (unplaced.Count == 0
                ? ""
                : $"; {unplaced.Count} list codes of the 2025 PRC schedule have no line in the 2019 schedule and cover nothing ({string.Join(", ", unplaced.Select(c => c.Value))})");
            sources.Add(new SourceVersion("China measures: " + Path.GetFileNameWithoutExtension(file), name, version));
        }

        return result;
    }
}
