using System.Globalization;
using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Csv;
using TradeAccord.Sources.Measures;

namespace TradeAccord.Sources.Section301;

/// <summary>
/// Turns the partial list of Section 301 product exclusions into claimable measures, one per exclusion round,
/// following the rules in exclusions.yaml.
/// </summary>
public static class ExclusionReader
{
    /// <summary>Reads the rules file and the exclusion list it names.</summary>
    /// <exception cref="SourceException">A file is unreadable or malformed.</exception>
    public static IReadOnlyList<Measure> Read(string directory, string rulesFile)
    {
        var rules = YamlMap.Load(Path.Combine(directory, rulesFile), rulesFile);
        var listFile = rules.String("file");
        var years = int.TryParse(rules.String("validityYears"), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is > 0 and < 100
            ? y
            : throw rules.Error("validityYears", rules.LineOf("validityYears"), "expected a whole number of years from 1 to 99");
        var lists = rules.OptionalMap("lists") ?? throw rules.Error("lists", rules.Line, "is required");
        var rounds = new Dictionary<(string List, DateOnly Granted, string Round), (Dictionary<ProductCode, DutyRate?> Lines, string Pdf)>();
        foreach (var row in CsvTable.Read(Path.Combine(directory, listFile), listFile, "hts10", "section301_list", "granted_date", "round_index", "source_pdf"))
        {
            var list = row["section301_list"];
            if (!lists.Has(list))
            {
                throw row.Error("section301_list", $"'{list}' has no rule in {rulesFile}: expected one of {string.Join(", ", lists.Keys)}");
            }

            var code = row.Code("hts10");
            var key = (list, row.Date("granted_date"), row["round_index"]);
            if (!rounds.TryGetValue(key, out var round))
            {
                rounds[key] = round = ([], row["source_pdf"]);
            }

            round.Lines[code] = null;
        }

        var measures = new List<Measure>();
        foreach (var ((list, granted, index), (lines, pdf)) in rounds.OrderBy(r => r.Key.Granted))
        {
            var rule = lists.OptionalMap(list)!;
            var expires = granted.AddYears(years);
            measures.Add(new Measure
            {
                Id = $"us301-excl-{Slug(list)}-r{index}",
                Importer = CountryCode.US,
                Kind = MeasureKind.Exclusion,
                Authority = TariffAuthority.Section301,
                Title = $"Section 301 {list} exclusion, round {index} (granted {granted:yyyy-MM-dd})",
                Heading = "9903.88 exclusion heading (U.S. note 20)",
                LegalBase = $"USTR notice of product exclusions, {granted:yyyy-MM-dd} ({pdf})",
                Source = listFile + " (partial: 15 of 35 rounds yielded no codes)",
                Origins = OriginScope.Only(CountryCode.CN),
                Coverage = new ProductCoverage($"excl-{Slug(list)}-r{index}", lines),
                Rate = DutyRate.Free,
                Validity = new DateInterval(rule.Date("validFrom"), expires),
                Supersedes = rule.List("supersedes"),
                RequiresClaim = true,
                Note = $"USTR excluded some products of this line on {granted:yyyy-MM-dd} (round {index}); the exclusion covers only the " +
                    $"products its notice describes, until {expires:yyyy-MM-dd} unless extended (extensions are not in the data).",
            });
        }

        return measures;
    }

    private static string Slug(string list) => list.Replace("List ", "l", StringComparison.Ordinal).ToLowerInvariant();
}
