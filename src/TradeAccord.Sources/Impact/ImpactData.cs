using System.Globalization;
using TradeAccord.Core.Common;
using TradeAccord.Core.Impact;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Csv;

namespace TradeAccord.Sources.Impact;

/// <summary>The lines of an impact run and what the reader must know about them.</summary>
/// <param name="Importer">The importing market.</param>
/// <param name="Partner">The partner whose tariff changes.</param>
/// <param name="Year">The base year of the trade values.</param>
/// <param name="Series">The trade series used, and how it was brought to the year.</param>
/// <param name="Lines">The products.</param>
/// <param name="Notes">Lines left out, elasticities defaulted, data missing.</param>
public sealed record ImpactInputs(CountryCode Importer, CountryCode Partner, int Year, string Series, IReadOnlyList<ImpactLine> Lines, IReadOnlyList<string> Notes);

/// <summary>
/// Builds impact lines from the shipped data: base trade (US imports from China by HTS10, 2017, scaled to a later
/// year by chapter totals; China's imports from the US by HS8, 2017), tariffs from the two schedules compared on a
/// date, and elasticities joined by HS6 (Hauk's US import-demand estimates for both importers; Hauk's US substitution
/// estimates for US imports, CEPII ProTEE's trade elasticities for China's).
/// </summary>
public sealed class ImpactData(DataPaths paths, MeasureSet baselineMeasures)
{
    private static readonly (string Heading, string Name)[] Lists =
    [
        ("9903.88.01", "Section 301 List 1"), ("9903.88.02", "Section 301 List 2"), ("9903.88.03", "Section 301 List 3"),
        ("9903.88.04", "Section 301 List 3 (10-digit items)"), ("9903.88.15", "Section 301 List 4A"), ("9903.88.16", "Section 301 List 4B"),
    ];

    /// <summary>The group name of a Section 301 heading's lines, or null when the heading is not one of the lists.</summary>
    public static string? ListName(string heading) => Lists.FirstOrDefault(l => l.Heading == heading).Name;

    /// <summary>The lines for <paramref name="importer"/> comparing <paramref name="before"/> with <paramref name="after"/> on <paramref name="date"/>.</summary>
    /// <exception cref="SourceException">A file is malformed, or the year has no data.</exception>
    public ImpactInputs Build(CountryCode importer, TariffSchedule before, TariffSchedule after, int year, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var notes = new List<string>();
        var partner = importer == CountryCode.US ? CountryCode.CN : importer == CountryCode.CN ? CountryCode.US
            : throw new SourceException("--importer", 0, null, $"'{importer}' has no shipped trade data: expected US or CN");
        var (trade, series) = importer == CountryCode.US ? UsImports(year, notes) : ChinaImports(year, notes);
        // China has no import-demand estimates in the data: the US estimate for the same HS6 stands in for it, and
        // ProTEE's bilateral trade elasticity (how trade between two countries answers a tariff) is the substitution
        // elasticity between sources. ProTEE's is a trade elasticity, not a demand one: used as both it would double
        // the response.
        var demand = Elasticities.Read(File("elasticities/hauk_us_import_demand_elasticities_hs6_1978-2001.csv"), "elasticities/hauk_us_import_demand_elasticities_hs6_1978-2001.csv", "hs6", "impliedelasticity");
        var substitution = importer == CountryCode.US
            ? Elasticities.Read(File("elasticities/hauk_us_import_substitution_elasticities_hs6_1989-2001.csv"), "elasticities/hauk_us_import_substitution_elasticities_hs6_1989-2001.csv", "hs6", "impliedsigma")
            : Protee();
        var groups = Groups(importer, date);
        var lines = new List<ImpactLine>();
        var skipped = 0;
        var skippedValue = 0m;
        var defaulted = 0;
        foreach (var (code, value, rest) in trade)
        {
            var t0 = Rate(before, importer, partner, code, date);
            // The same schedule on both sides (derived values compare options on one): quote once.
            var t1 = ReferenceEquals(before, after) ? t0 : Rate(after, importer, partner, code, date);
            if (t0 is null || t1 is null)
            {
                skipped++;
                skippedValue += value;
                continue;
            }

            var (eta, etaFrom) = demand.For(code);
            var (sigma, _) = substitution.For(code);
            defaulted += etaFrom == ElasticitySource.Hs6 ? 0 : 1;
            var group = groups.FirstOrDefault(g => g.Covers(code)).Name ?? (importer == CountryCode.US ? "not on a Section 301 list" : "no retaliation round");
            // Other origins pay the MFN rate, the same for every WTO member; quoted once per line, for Brazil.
            var tRest = rest > 0m ? Rate(before, importer, RestOfWorldOrigin, code, date) ?? 0m : 0m;
            lines.Add(new ImpactLine(code, group, (double)value, (double)rest, (double)t0.Value, (double)t1.Value, (double)tRest, eta, sigma));
        }

        if (lines.Count == 0)
        {
            throw new SourceException("--date", 0, "date", $"no line has a rate in the schedule on {date:yyyy-MM-dd}: expected a date within the tariff data");
        }

        if (skipped > 0)
        {
            notes.Add($"{skipped:N0} lines ({Bn(skippedValue)} USD bn) left out: their codes have no rate in the schedule on {date:yyyy-MM-dd}");
        }

        notes.Add($"import-demand elasticities: {demand.Source}, {demand.Count:N0} HS6 estimates{(importer == CountryCode.US ? "" : " (US estimates standing in for China's, which the data lack)")}; {defaulted:N0} of {lines.Count:N0} lines use a heading, chapter or median value (median {demand.Median:0.###})");
        notes.Add($"substitution elasticities: {substitution.Source} (median {substitution.Median:0.###})");
        notes.Add(importer == CountryCode.US
            ? "US imports from the rest of the world by product are not in the shipped data: trade diversion is zero"
            : "China's imports from the rest of the world by product ship for soybeans only (heading 1201, from Brazil and Argentina): trade diversion is zero on every other line");
        notes.Add("tariffs are the ad valorem parts of each line's rates (specific duties are left out), compared on " + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return new ImpactInputs(importer, partner, year, series, lines, notes);
    }

    private static decimal? Rate(TariffSchedule schedule, CountryCode importer, CountryCode origin, string code, DateOnly date)
    {
        var quote = DutyCalculator.Quote(schedule, importer, new Shipment(ProductCode.FromDigits(code), origin, date, null, 1000m));
        return quote.TryGetValue(out var q) ? q.TotalAdValorem : null;
    }

    private static readonly CountryCode RestOfWorldOrigin = CountryCode.Parse("BR").GetValueOrThrow();

    private (IEnumerable<(string Code, decimal Value, decimal FromRest)> Trade, string Series) UsImports(int year, List<string> notes)
    {
        const string detail = "trade/us_imports_from_china_hts10_2017_usitc.csv";
        const string chapters = "trade/us_imports_from_china_hs2_monthly_2013-01_2021-07.csv";
        var rows = CsvTable.Read(File(detail), detail, "hts10", "general_customs_value_usd")
            .Select(r => (Code: r["hts10"], Value: r.Decimal("general_customs_value_usd"))).ToList();
        if (year == 2017)
        {
            return (rows.Select(r => (r.Code, r.Value, 0m)), $"US imports from China by HTS10, 2017 (USITC DataWeb, general customs value): {detail}");
        }

        var totals = CsvTable.Read(File(chapters), chapters, "month", "hs2", "imports_for_consumption_usd")
            .GroupBy(r => (Year: int.Parse(r["month"][..4], CultureInfo.InvariantCulture), Chapter: r["hs2"]))
            .ToDictionary(g => g.Key, g => (Value: g.Sum(r => r.Decimal("imports_for_consumption_usd")), Months: g.Count()));
        if (!totals.Keys.Any(k => k.Year == year) || totals.Where(k => k.Key.Year == year).Any(kv => kv.Value.Months < 12))
        {
            throw new SourceException(chapters, 0, null, $"has no full year {year}: expected a year from 2013 to 2020");
        }

        notes.Add($"2017 product detail scaled to {year} by each chapter's imports for consumption ({chapters}): a product keeps its 2017 share of its chapter");
        var scaled = rows.Select(r =>
        {
            var chapter = r.Code[..2];
            var base2017 = totals.GetValueOrDefault((2017, chapter)).Value;
            var now = totals.GetValueOrDefault((year, chapter)).Value;
            return (r.Code, base2017 == 0 ? 0m : r.Value * now / base2017, 0m);
        });
        return (scaled, $"US imports from China by HTS10, 2017 ({detail}), scaled to {year} chapter totals ({chapters})");
    }

    private (IEnumerable<(string Code, decimal Value, decimal FromRest)> Trade, string Series) ChinaImports(int year, List<string> notes)
    {
        const string detail = "china_retaliation/china_imports_from_us_2017_hs8_itc.csv";
        var rows = CsvTable.Read(File(detail), detail, "hs8", "china_imports_from_us_2017_kusd")
            .Select(r => (Code: r["hs8"], Value: r.Decimal("china_imports_from_us_2017_kusd") * 1000m)).Where(r => r.Value > 0).ToList();
        var soybeans = ChinaSoybeans.Read(File(ChinaSoybeans.File), ChinaSoybeans.File);
        if (!soybeans.TryGetValue(year, out var beans) || !soybeans.TryGetValue(2017, out var beans2017))
        {
            throw new SourceException(ChinaSoybeans.File, 0, "year", $"has no soybean figures for {year}: expected a year from {soybeans.Keys.Min()} to {soybeans.Keys.Max()}");
        }

        // Heading 1201 keeps its 2017 split across HS8 lines; its total becomes the year's US value, and each line
        // takes the same share of the other origins' soybeans.
        var heading2017 = rows.Where(r => r.Code.StartsWith(ChinaSoybeans.Heading, StringComparison.Ordinal)).Sum(r => r.Value);
        var chapterScale = year == 2017 ? null : MirrorChapterScale(year);
        var trade = rows.Select(r =>
        {
            if (!r.Code.StartsWith(ChinaSoybeans.Heading, StringComparison.Ordinal) || heading2017 == 0m)
            {
                return (r.Code, chapterScale is null ? r.Value : r.Value * chapterScale.GetValueOrDefault(r.Code[..2], 1m), 0m);
            }

            var share = r.Value / heading2017;
            return (r.Code, year == 2017 ? r.Value : share * beans.FromUs, share * beans.FromRest);
        }).ToList();
        notes.Add($"soybeans (1201): other origins {string.Join(" and ", beans.RestOrigins)}, {Bn(beans.FromRest)} USD bn in {year} ({ChinaSoybeans.File})"
                  + (year == 2017 ? "" : $"; imports from the US {Bn(beans.FromUs)} bn, the {year} figure of the same file (2017: {Bn(beans2017.FromUs)} bn)"));
        if (year != 2017)
        {
            notes.Add($"China's imports from the US by product are shipped for 2017 only: apart from soybeans, the 2017 detail is scaled to {year} "
                      + $"by each chapter's US exports to China in {year} against 2017 (the mirror series, {MirrorFile}); a chapter without them keeps its 2017 values");
        }

        return (trade, $"China's imports from the US by HS8, 2017 (ITC Trade Map via PIIE, thousand USD × 1000): {detail}");
    }

    private const string MirrorFile = "trade/us_exports_to_china_hs6_monthly_2013-01_2021-02.csv";

    // Each chapter's US exports to China in the year over 2017: the other side of China's imports from the US, and the
    // only product-level series for later years. A chapter with no 2017 exports has no ratio.
    private Dictionary<string, decimal> MirrorChapterScale(int year)
    {
        var sums = new Dictionary<(int Year, string Chapter), decimal>();
        var months = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in CsvTable.Read(File(MirrorFile), MirrorFile, "month", "hs6", "value_usd"))
        {
            var month = row["month"];
            var rowYear = int.Parse(month[..4], CultureInfo.InvariantCulture);
            if (rowYear != year && rowYear != 2017)
            {
                continue;
            }

            months.Add(month);
            var key = (rowYear, row["hs6"][..2]);
            sums[key] = sums.GetValueOrDefault(key) + row.Decimal("value_usd");
        }

        if (months.Count(m => m.StartsWith(year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)) < 12)
        {
            throw new SourceException(MirrorFile, 0, null, $"has no full year {year}: China's imports can be scaled to 2013–2020 only");
        }

        return sums.Where(kv => kv.Key.Year == 2017 && kv.Value > 0m)
            .ToDictionary(kv => kv.Key.Chapter, kv => sums.GetValueOrDefault((year, kv.Key.Chapter)) / kv.Value, StringComparer.Ordinal);
    }

    private Elasticities Protee() =>
        Elasticities.Read(File("elasticities/cepii_protee_0_1_hs6.csv"), "elasticities/cepii_protee_0_1_hs6.csv", "HS6", "sigma");

    // The groups lines are reported under. US lines are HTS10 and the Section 301 lists cover them directly; China's
    // trade is HS8 while its retaliation lists are HS10, so an HS8 line belongs to the first round listing one of its
    // HS10 lines.
    // China's groups are the rounds that list lines and had begun by the date: a later round (the 2025 farm lists) is
    // not yet a group, and a step on all goods (the 2025 increases) lists no lines, so it groups none.
    private List<(string Name, Func<string, bool> Covers)> Groups(CountryCode importer, DateOnly date) => importer == CountryCode.US
        ? [.. Lists.Select(l => (l.Name, baselineMeasures.Measures.FirstOrDefault(m => m.Heading == l.Heading && m.Kind == MeasureKind.Section301)?.Coverage))
            .Where(g => g.Coverage is not null).Select(g => (g.Name, (Func<string, bool>)(code => g.Coverage!.Covers(ProductCode.FromDigits(code)))))]
        : [.. baselineMeasures.Measures.Where(m => m.Importer == CountryCode.CN && m.Kind == MeasureKind.Retaliation && !m.Id.Contains('@', StringComparison.Ordinal)
                && m.Validity.Start <= date && m.Coverage.Lines.All(l => l.DigitCount > 2))
            .Select(m => (m.Title, Listed: m.Coverage.Lines.Select(l => l.Value.Length > 8 ? l.Value[..8] : l.Value).ToHashSet(StringComparer.Ordinal), m.Coverage))
            .Select(g => (g.Title, (Func<string, bool>)(code => g.Listed.Contains(code) || g.Coverage.Covers(ProductCode.FromDigits(code)))))];

    private string File(string relative) => Path.Combine(paths.Data, relative);

    private static string Bn(decimal usd) => (usd / 1_000_000_000m).ToString("N2", CultureInfo.InvariantCulture);
}
