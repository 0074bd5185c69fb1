using System.Globalization;
using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Sources.Measures;

/// <summary>Reads one measure from its YAML form (the format of data/section301/measures.yaml and of scenario additions).</summary>
public static class MeasureYaml
{
    private static readonly string[] Keys =
    [
        "id", "importer", "title", "kind", "heading", "origins", "coverage", "rate", "validFrom", "validTo", "status",
        "exportedBefore", "exportedOnOrAfter", "supersedes", "requiresClaim", "legalBase", "source", "note",
    ];

    /// <summary>Reads a measure; <paramref name="defaultImporter"/> applies when the entry names none.</summary>
    /// <exception cref="SourceException">A field is missing or malformed.</exception>
    public static Measure Read(YamlMap map, CountryCode? defaultImporter, CoverageResolver coverage)
    {
        map.OnlyKeys(Keys);
        var id = map.String("id");
        var importer = map.Has("importer") ? map.Country("importer")
            : defaultImporter ?? throw map.Error("importer", map.Line, "is required");
        var validFrom = map.Date("validFrom");
        var validTo = map.OptionalDate("validTo");
        if (validTo is { } to && to <= validFrom)
        {
            throw map.Error("validTo", map.LineOf("validTo"), $"{to:yyyy-MM-dd} must be after validFrom {validFrom:yyyy-MM-dd}");
        }

        var exportedBefore = map.OptionalDate("exportedBefore");
        var exportedOnOrAfter = map.OptionalDate("exportedOnOrAfter");
        return new Measure
        {
            Id = id,
            Importer = importer,
            Kind = ParseKind(map),
            Title = map.String("title"),
            Heading = map.OptionalString("heading"),
            LegalBase = map.String("legalBase"),
            Source = map.String("source"),
            Origins = ParseOrigins(map),
            Coverage = coverage.Resolve(map.OptionalMap("coverage") ?? throw map.Error("coverage", map.Line, "is required"), id),
            Rate = map.OptionalRate("rate") ?? throw map.Error("rate", map.Line, "is required: expected e.g. 25%"),
            Validity = new DateInterval(validFrom, validTo),
            Status = ParseStatus(map),
            ExportCondition = exportedBefore is null && exportedOnOrAfter is null ? null : new ExportCondition(exportedBefore, exportedOnOrAfter),
            Supersedes = map.List("supersedes"),
            RequiresClaim = ParseBool(map, "requiresClaim"),
            Note = map.OptionalString("note"),
        };
    }

    /// <summary>Reads a status word: in-force, suspended or proposed.</summary>
    public static MeasureStatus ParseStatus(YamlMap map, string key = "status") => map.OptionalString(key) switch
    {
        null or "in-force" => MeasureStatus.InForce,
        "suspended" => MeasureStatus.Suspended,
        "proposed" => MeasureStatus.Proposed,
        var other => throw map.Error(key, map.LineOf(key), $"'{other}' is not a status: expected in-force, suspended or proposed"),
    };

    /// <summary>Reads a kind word such as section301 or retaliation.</summary>
    public static MeasureKind ParseKind(YamlMap map, string key = "kind")
    {
        var text = map.String(key);
        return Enum.TryParse<MeasureKind>(text, ignoreCase: true, out var kind) && !int.TryParse(text, CultureInfo.InvariantCulture, out _)
            ? kind
            : throw map.Error(key, map.LineOf(key),
                $"'{text}' is not a kind: expected one of {string.Join(", ", Enum.GetNames<MeasureKind>().Select(n => n.ToLowerInvariant()))}");
    }

    private static OriginScope ParseOrigins(YamlMap map)
    {
        // Required, so a measure never applies to every origin because a line was forgotten: write [all] to mean it.
        var origins = map.List("origins");
        if (origins.Count == 0)
        {
            throw map.Error("origins", map.LineOf("origins"), "is required: expected a list of country codes, or [all]");
        }

        if (origins is ["all"])
        {
            return OriginScope.All;
        }

        var codes = origins.Select(o => CountryCode.Parse(o) is { Success: true } r && r.TryGetValue(out var c)
            ? c
            : throw map.Error("origins", map.LineOf("origins"), $"'{o}' is not an ISO 3166-1 alpha-2 country code"));
        return OriginScope.Only(codes);
    }

    private static bool ParseBool(YamlMap map, string key) => map.OptionalString(key) switch
    {
        null or "false" => false,
        "true" => true,
        var other => throw map.Error(key, map.LineOf(key), $"'{other}' is not true or false"),
    };
}
