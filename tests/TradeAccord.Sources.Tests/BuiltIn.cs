using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.References;

namespace TradeAccord.Sources.Tests;

/// <summary>The shipped data, loaded once for the whole test assembly (reading it takes about a second).</summary>
internal static class BuiltIn
{
    private static readonly Lazy<ScheduleLoader> Shared = new(() => new ScheduleLoader(DataPaths.Locate()));

    public static ScheduleLoader Loader => Shared.Value;

    public static TariffSchedule Schedule(string? scenario = null) => Loader.Load(scenario is null ? null : Ref(ReferenceKind.Scenario, scenario));

    /// <summary>A shipped name or a file, as the command line reads it.</summary>
    public static DocumentRef Ref(ReferenceKind kind, string nameOrPath) => DocumentRefs.FromCommandLine(Loader.Documents, kind, "test", nameOrPath);

    public static DutyQuote Quote(string hts, string origin, string entry, string? export = null, string importer = "US",
        string? scenario = null, decimal value = 10_000m, decimal? quantity = null, string? unit = null)
    {
        var shipment = new Shipment(ProductCode.Parse(hts).GetValueOrThrow(), CountryCode.Parse(origin).GetValueOrThrow(), Day(entry),
            export is null ? null : Day(export), value, quantity, unit);
        return DutyCalculator.Quote(Schedule(scenario), CountryCode.Parse(importer).GetValueOrThrow(), shipment).GetValueOrThrow();
    }

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string[] Layers(DutyQuote quote) => [.. quote.Layers.Select(l => $"{l.Measure.Heading ?? l.Measure.Kind.ToString()} {l.Rate.Text}")];
}

/// <summary>A temporary folder for malformed-input files, removed after the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "accord-tests-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
