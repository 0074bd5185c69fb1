using TradeAccord.Core.Tariffs;

namespace TradeAccord.Sources.Tests.UsMeasures;

/// <summary>The shipped measures read once through <see cref="BuiltInData.Load"/>, and the shipped list files.</summary>
internal static class UsMeasureData
{
    private static readonly Lazy<MeasureSet> Shared = new(() => BuiltInData.Load(DataPaths.Locate().Data));

    public static MeasureSet Set => Shared.Value;

    public static string ListsFolder => Path.Combine(DataPaths.Locate().Data, "us", "lists");

    public static Measure Get(string id) => Set.Measures.Single(m => m.Id == id);

    public static ProductCode Code(string text) => ProductCode.Parse(text).GetValueOrThrow();

    /// <summary>
    /// Counts the data rows of a shipped list whose fields match <paramref name="where"/> (column name → allowed
    /// values), read here with plain string splitting so the reader under test is not its own oracle.
    /// </summary>
    public static int CountRows(string file, params (string Column, string[] Values)[] where)
    {
        var lines = File.ReadAllLines(Path.Combine(ListsFolder, file)).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (file.EndsWith(".txt", StringComparison.Ordinal))
        {
            return lines.Count;
        }

        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToList();
        return lines.Skip(1).Select(l => l.Split(',').Select(f => f.Trim('"')).ToArray())
            .Count(fields => where.All(w => w.Values.Contains(fields[header.IndexOf(w.Column)])));
    }
}
