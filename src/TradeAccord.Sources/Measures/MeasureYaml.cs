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
        "exportedBefore", "exportedOnOrAfter", "supersedes", "requiresClaim", "legalBase", "source", "note", "authority", "family", "endUse",
        "levyBase",
    ];

    /// <summary>Reads a measure; <paramref name="defaultImporter"/> applies when the entry names none.</summary>
    /// <exception cref="SourceException">Fields are missing or malformed: every one of them is named.</exception>
    public static Measure Read(YamlMap map, CountryCode? defaultImporter, CoverageResolver coverage)
    {
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(coverage);
        // Each field is read on its own, so one bad field does not hide the next.
        var problems = new SourceProblems();
        problems.Check(() => map.OnlyKeys(Keys));
        var id = problems.Get(() => map.String("id"));
        var importer = problems.Get(() => map.Has("importer") ? map.Country("importer")
            : defaultImporter ?? throw map.Error("importer", map.Line, "is required"));
        var validFrom = problems.Get(() => (DateOnly?)map.Date("validFrom"));
        var validTo = problems.Get(() => map.OptionalDate("validTo"));
        if (validFrom is { } from && validTo is { } to && to <= from)
        {
            problems.Add(map.Error("validTo", map.LineOf("validTo"), $"{to:yyyy-MM-dd} must be after validFrom {from:yyyy-MM-dd}"));
        }

        var exportedBefore = problems.Get(() => map.OptionalDate("exportedBefore"));
        var exportedOnOrAfter = problems.Get(() => map.OptionalDate("exportedOnOrAfter"));
        var kind = problems.Get(() => ParseKind(map));
        var title = problems.Get(() => map.String("title"));
        var heading = problems.Get(() => map.OptionalString("heading"));
        var legalBase = problems.Get(() => map.String("legalBase"));
        var source = problems.Get(() => map.String("source"));
        var origins = problems.Get(() => ParseOrigins(map));
        var lines = problems.Get(() =>
            coverage.Resolve(map.OptionalMap("coverage") ?? throw map.Error("coverage", map.Line, "is required"), id ?? ""));
        var rate = problems.Get(() => map.OptionalRate("rate") ?? throw map.Error("rate", map.Line, "is required: expected e.g. 25%"));
        var status = problems.Get(() => ParseStatus(map));
        var supersedes = problems.Get(() => map.List("supersedes"));
        var requiresClaim = problems.Get(() => ParseBool(map, "requiresClaim"));
        var note = problems.Get(() => map.OptionalString("note"));
        var authority = problems.Get(() => ParseAuthority(map));
        var family = problems.Get(() => map.OptionalString("family"));
        var endUse = problems.Get(() => map.OptionalString("endUse"));
        var levyBase = problems.Get(() => ParseLevyBase(map));
        problems.ThrowIfAny();
        return new Measure
        {
            Id = id!,
            Importer = importer,
            Kind = kind,
            Title = title!,
            Heading = heading,
            LegalBase = legalBase!,
            Source = source!,
            Origins = origins!,
            Coverage = lines!,
            Rate = rate,
            Validity = new DateInterval(validFrom!.Value, validTo),
            Status = status,
            ExportCondition = exportedBefore is null && exportedOnOrAfter is null ? null : new ExportCondition(exportedBefore, exportedOnOrAfter),
            Supersedes = supersedes!,
            RequiresClaim = requiresClaim,
            Note = note,
            Authority = authority ?? TariffAuthorities.Default(kind),
            Family = family,
            EndUse = endUse,
            LevyBase = levyBase,
        };
    }

    private static TariffAuthority? ParseAuthority(YamlMap map) => map.OptionalString("authority") is not { } word
        ? null
        : TariffAuthorities.Parse(word) ?? throw map.Error("authority", map.LineOf("authority"),
            $"'{word}' is not an authority: expected one of {string.Join(", ", TariffAuthorities.All.Select(a => a.Word()))}");

    private static LevyBase ParseLevyBase(YamlMap map) => map.OptionalString("levyBase") switch
    {
        null or "value" => LevyBase.Value,
        "content" => LevyBase.Content,
        var other => throw map.Error("levyBase", map.LineOf("levyBase"), $"'{other}' is not a levy base: expected value or content"),
    };

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
