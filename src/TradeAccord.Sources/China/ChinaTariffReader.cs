using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Csv;

namespace TradeAccord.Sources.China;

/// <summary>
/// Builds China's measures on US goods from the Bown–Jung–Zhang file (PIIE, 2019-06-12): the MFN rate of each
/// 10-digit line on 2018-01-01 with the dated MFN cuts, and each retaliation round as its own layer, with the
/// 2019-01-01 suspension of auto retaliation and the 2019-06-01 increase folded into the round they changed.
/// The April 2018 round (retaliation against the US steel and aluminium duties) comes from China's own list of
/// 128 items, at 8 digits.
/// </summary>
public static class ChinaTariffReader
{
    private const string LegalBaseNote = "Customs Tariff Commission of the State Council";

    // The file's columns and what each one is. The column names carry the dates; the legal bases are the
    // announcements the PIIE file's authors describe each column with.
    private static readonly (string Column, DateOnly Date)[] MfnChanges =
    [
        ("chg_2018_05_01_mfn_cut_pharma", new DateOnly(2018, 5, 1)),
        ("chg_2018_07_01_mfn_cut_consumer_autos_ita", new DateOnly(2018, 7, 1)),
        ("chg_2018_11_01_mfn_cut_industrial", new DateOnly(2018, 11, 1)),
        ("chg_2019_01_01_mfn_temporary_2019", new DateOnly(2019, 1, 1)),
    ];

    private static readonly Round[] Rounds =
    [
        new("cn-ret-301-34b", "Retaliation against US Section 301 List 1 ($34B)", "chg_2018_07_06_retaliation_s301_34b", new DateOnly(2018, 7, 6)),
        new("cn-ret-301-16b", "Retaliation against US Section 301 List 2 ($16B)", "chg_2018_08_23_retaliation_s301_16b", new DateOnly(2018, 8, 23)),
        new("cn-ret-301-60b", "Retaliation against US Section 301 List 3 ($60B)", "chg_2018_09_24_retaliation_s301_60b", new DateOnly(2018, 9, 24)),
    ];

    private const string SuspendColumn = "chg_2019_01_01_suspend_auto_retaliation";
    private const string IncreaseColumn = "chg_2019_06_01_retaliation_60b_increase";
    private static readonly DateOnly SuspendDate = new(2019, 1, 1);
    private static readonly DateOnly IncreaseDate = new(2019, 6, 1);

    /// <summary>Reads both files and returns China's measures.</summary>
    /// <param name="bjzPath">The PIIE file.</param>
    /// <param name="bjzName">Its name in messages.</param>
    /// <param name="mofPath">China's list of 128 items.</param>
    /// <param name="mofName">Its name in messages.</param>
    /// <param name="dataStart">The first day of the data period (the first MFN layer starts there).</param>
    /// <param name="dataAsOf">The PIIE file's date: its MFN rates and rounds are carried forward after it, with a warning.</param>
    /// <param name="gaps">Measures known to be missing from a date, each said on every quote from its date.</param>
    /// <exception cref="SourceException">A file is unreadable or a row malformed.</exception>
    public static IReadOnlyList<Measure> Read(
        string bjzPath, string bjzName, string mofPath, string mofName, DateOnly dataStart, DateOnly? dataAsOf = null,
        IReadOnlyList<ChinaDataGap>? gaps = null)
    {
        var rows = CsvTable.Read(bjzPath, bjzName, ["hs10", "mfn_2018_01_01", SuspendColumn, IncreaseColumn,
            .. MfnChanges.Select(c => c.Column), .. Rounds.Select(r => r.Column)]).ToList();
        var measures = new List<Measure>();
        var mfn = MfnMeasures(rows, bjzName, dataStart).ToList();
        var last = mfn[^1];
        mfn.RemoveAt(mfn.Count - 1);
        measures.AddRange(mfn);
        measures.AddRange(ChinaGapLayers.Split(last with { DocumentedUntil = dataAsOf }, gaps ?? []));
        measures.Add(AprilRound(mofPath, mofName));
        foreach (var round in Rounds)
        {
            measures.AddRange(RoundMeasures(round, rows, bjzName));
        }

        return measures;
    }

    private static IEnumerable<Measure> MfnMeasures(List<CsvRow> rows, string file, DateOnly dataStart)
    {
        var dates = new[] { dataStart }.Concat(MfnChanges.Select(c => c.Date)).ToArray();
        var codes = rows.Select(r => r.Code("hs10")).ToArray();
        var levels = new decimal?[rows.Count];
        var seen = new HashSet<ProductCode>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (!seen.Add(codes[i]))
            {
                throw rows[i].Error("hs10", $"'{rows[i]["hs10"]}' appears twice");
            }

            levels[i] = Points(rows[i], "mfn_2018_01_01");
        }

        for (var step = 0; step < dates.Length; step++)
        {
            if (step > 0)
            {
                var column = MfnChanges[step - 1].Column;
                for (var i = 0; i < rows.Count; i++)
                {
                    if (levels[i] is { } level && Points(rows[i], column) is { } change)
                    {
                        levels[i] = level + change;
                    }
                }
            }

            var lines = new Dictionary<ProductCode, DutyRate?>(rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                lines[codes[i]] = levels[i] is { } pct ? DutyRate.AdValoremOnly(pct / 100m) : null;
            }

            var coverage = new ProductCoverage($"cn-mfn-{dates[step]:yyyy-MM-dd}", lines);
            yield return new Measure
            {
                Id = $"cn-mfn-{dates[step]:yyyy-MM-dd}",
                Importer = CountryCode.CN,
                Kind = MeasureKind.Mfn,
                Title = step == 0 ? "China MFN rate, 2018" : $"China MFN rate from {dates[step]:yyyy-MM-dd}",
                LegalBase = step == 0
                    ? "Customs Import and Export Tariff of the PRC, 2018"
                    : $"{LegalBaseNote}: MFN change effective {dates[step]:yyyy-MM-dd} ({MfnChanges[step - 1].Column})",
                Source = $"{file} (Bown, Jung & Zhang, PIIE, 2019-06-12)",
                Origins = OriginScope.All,
                Coverage = coverage,
                Validity = new DateInterval(dates[step], step + 1 < dates.Length ? dates[step + 1] : null),
                DefinesNomenclature = true,
                Note = "Lines with a non-ad-valorem MFN rate have no rate in the source.",
            };
        }
    }

    private static Measure AprilRound(string path, string file)
    {
        var lines = new Dictionary<ProductCode, DutyRate?>();
        foreach (var row in CsvTable.Read(path, file, "hs8", "additional_tariff_pct"))
        {
            var code = row.Code("hs8");
            var pct = Points(row, "additional_tariff_pct") ?? row.Decimal("additional_tariff_pct");
            if (pct is <= 0m or > 100m)
            {
                throw row.Error("additional_tariff_pct", $"'{pct}' is not a rate: expected a percentage above 0 and at most 100");
            }

            if (!lines.TryAdd(code, DutyRate.AdValoremOnly(pct / 100m)))
            {
                throw row.Error("hs8", $"'{code}' appears twice");
            }
        }

        return new Measure
        {
            Id = "cn-ret-232",
            Importer = CountryCode.CN,
            Kind = MeasureKind.Retaliation,
            Title = "Retaliation against US Section 232 steel and aluminium duties (128 items)",
            LegalBase = $"{LegalBaseNote}, list of 128 items effective 2018-04-02",
            Source = file,
            Origins = OriginScope.Only(CountryCode.US),
            Coverage = new ProductCoverage("cn-ret-232", lines),
            Validity = DateInterval.From(new DateOnly(2018, 4, 2)),
        };
    }

    private static IEnumerable<Measure> RoundMeasures(Round round, List<CsvRow> rows, string file)
    {
        // Rate of each line in this round, then after the 2019-01-01 suspension, then after the 2019-06-01 increase.
        var initial = new Dictionary<ProductCode, decimal>();
        var afterSuspension = new Dictionary<ProductCode, decimal>();
        var afterIncrease = new Dictionary<ProductCode, decimal>();
        foreach (var row in rows)
        {
            var rate = Points(row, round.Column) ?? Points(row.Decimal(round.Column));
            if (rate < 0m)
            {
                throw row.Error(round.Column, $"'{rate}' is negative: a retaliation round raises duties");
            }

            if (rate == 0m)
            {
                continue;
            }

            var code = row.Code("hs10");
            initial[code] = rate;
            var suspended = rate + Math.Max(-rate, Points(row, SuspendColumn) ?? Points(row.Decimal(SuspendColumn)));
            afterSuspension[code] = suspended;
            afterIncrease[code] = suspended + (round.Column == Rounds[^1].Column ? (Points(row, IncreaseColumn) ?? Points(row.Decimal(IncreaseColumn))) : 0m);
        }

        var steps = new List<(DateOnly From, Dictionary<ProductCode, decimal> Rates, string Why)>
        {
            (round.Date, initial, $"{LegalBaseNote}, retaliation list effective {round.Date:yyyy-MM-dd}"),
        };
        if (!SameRates(initial, afterSuspension))
        {
            // A later period still rests on the original list for every line it did not change, so the amendment is
            // named after the list, never instead of it (soybeans kept their 25% through the autos suspension).
            steps.Add((SuspendDate, afterSuspension, $"{LegalBaseNote}, retaliation list effective {round.Date:yyyy-MM-dd}, as amended from 2019-01-01 (additional duties on US autos and parts suspended)"));
        }

        if (!SameRates(afterSuspension, afterIncrease))
        {
            steps.Add((IncreaseDate, afterIncrease, $"{LegalBaseNote}, retaliation list effective {round.Date:yyyy-MM-dd}, as amended from 2019-06-01 (rates of the $60B list raised)"));
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var (from, rates, why) = steps[i];
            var id = i == 0 ? round.Id : $"{round.Id}@{from:yyyy-MM-dd}";
            yield return new Measure
            {
                Id = id,
                Importer = CountryCode.CN,
                Kind = MeasureKind.Retaliation,
                Title = round.Title,
                LegalBase = why,
                Source = $"{file}, columns {round.Column}, {SuspendColumn}, {IncreaseColumn}",
                Origins = OriginScope.Only(CountryCode.US),
                Coverage = new ProductCoverage(id, rates.Where(kv => kv.Value > 0m)
                    .ToDictionary(kv => kv.Key, kv => (DutyRate?)DutyRate.AdValoremOnly(kv.Value / 100m))),
                Validity = new DateInterval(from, i + 1 < steps.Count ? steps[i + 1].From : null),
            };
        }
    }

    // The PIIE file went through single-precision floats on its way to CSV ("-5.800000190734863"); rates are
    // published to at most three decimals of a percentage point, so four decimals keep every real digit.
    private static decimal Points(decimal value) => Math.Round(value, 4);

    private static decimal? Points(decimal? value) => value is { } v ? Points(v) : null;

    // Percentage points, or their changes: a thousand either way is far past any tariff, and keeps sums of a row's
    // steps inside a decimal (found by fuzzing: rates of 29 digits overflowed when the steps were added up).
    private const decimal MaxPoints = 1000m;

    private static decimal? Points(CsvRow row, string column) => Points(row.OptionalDecimal(column)) is { } points
        ? Math.Abs(points) <= MaxPoints ? points : throw row.Error(column, $"'{row[column]}' is out of range: expected percentage points from -1000 to 1000")
        : null;

    private static bool SameRates(Dictionary<ProductCode, decimal> a, Dictionary<ProductCode, decimal> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private sealed record Round(string Id, string Title, string Column, DateOnly Date);
}
