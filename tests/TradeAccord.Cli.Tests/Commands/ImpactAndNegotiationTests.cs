using System.Text.Json;

namespace TradeAccord.Cli.Tests.Commands;

/// <summary>`accord impact` and `accord negotiate` on the shipped data and domain.</summary>
public sealed class ImpactAndNegotiationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("accord-negotiate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_2019_12_15_tranche_raises_us_duty_revenue_on_chinese_goods()
    {
        var run = await CliRun.Of("impact", "--importer", "US", "--scenario", "dec15-proceeds", "--baseline", "phase-one", "--year", "2019", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        var json = run.Json;
        foreach (var field in new[] { "importer", "scenario", "baseline", "year", "importsBefore", "importsAfter", "tradeCreation", "tradeDiversion",
                     "tariffRevenueBefore", "tariffRevenueAfter", "importerDutyBurden", "consumerSurplusChange", "products" })
        {
            json.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        json.GetProperty("tradeCreation").GetDecimal().ShouldBeLessThan(0m);
        json.GetProperty("importsAfter").GetDecimal().ShouldBeLessThan(json.GetProperty("importsBefore").GetDecimal());
        json.GetProperty("consumerSurplusChange").GetDecimal().ShouldBeLessThan(0m);
        var list4b = json.GetProperty("products").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "Section 301 List 4B");
        list4b.GetProperty("tradeCreation").GetDecimal().ShouldBeLessThan(0m);
        // The rise is the accounting of the scenario's 15% (scenarios/dec15-proceeds.yaml) on List 4B: 15% of the trade
        // that is left, less the general duty the lost trade no longer pays (at the lines' average general rate before).
        decimal Field(JsonElement e, string name) => e.GetProperty(name).GetDecimal();
        var (before, after) = (Field(list4b, "importsFromPartnerBefore"), Field(list4b, "importsFromPartnerAfter"));
        var expectedRise = 0.15m * after - Field(list4b, "tariffRevenueBefore") / before * (before - after);
        var rise = Field(list4b, "tariffRevenueAfter") - Field(list4b, "tariffRevenueBefore");
        rise.ShouldBe(expectedRise, expectedRise * 0.01m, "the lines' general rates differ, so the average rate is good to about 1%");
        (Field(json, "tariffRevenueAfter") - Field(json, "tariffRevenueBefore")).ShouldBe(rise, 10m, "only List 4B's tariff differs (each group rounded to the dollar)");
        json.GetProperty("products").EnumerateArray().Where(p => p.GetProperty("name").GetString() != "Section 301 List 4B")
            .ShouldAllBe(p => p.GetProperty("tradeCreation").GetDecimal() == 0m, "only List 4B's tariff differs");
    }

    [Fact]
    public async Task Lifting_chinas_retaliation_raises_its_imports_of_us_soybeans_and_draws_them_back_from_south_america()
    {
        var run = await CliRun.Of("impact", "--importer", "CN", "--scenario", "no-retaliation", "--year", "2017", "--date", "2019-06-30", "--by", "hs6", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Json.GetProperty("tradeCreation").GetDecimal().ShouldBeGreaterThan(0m);
        run.Json.GetProperty("tariffRevenueAfter").GetDecimal().ShouldBeLessThan(run.Json.GetProperty("tariffRevenueBefore").GetDecimal());
        var soybeans = run.Json.GetProperty("products").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "120190");
        // 2017: 13.93 bn from the US (ITC, HS8 lines of 1201) and 23.60 bn from Brazil and Argentina (China customs via Comtrade).
        soybeans.GetProperty("importsBefore").GetDecimal().ShouldBe(13_934_014_000m + 23_599_489_910m, 1_000m);
        soybeans.GetProperty("importsAfter").GetDecimal().ShouldBeGreaterThan(soybeans.GetProperty("importsBefore").GetDecimal());
        soybeans.GetProperty("tradeDiversion").GetDecimal().ShouldBeGreaterThan(1_000_000_000m);
        run.Json.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).ShouldContain(n => n!.Contains("Argentina and Brazil", StringComparison.Ordinal));
        soybeans.GetProperty("importsFromPartnerBefore").GetDecimal().ShouldBe(13_934_014_000m, 1_000m);
        soybeans.GetProperty("importsFromRestBefore").GetDecimal().ShouldBe(23_599_489_910m, 1_000m);
        (soybeans.GetProperty("importsFromRestBefore").GetDecimal() - soybeans.GetProperty("importsFromRestAfter").GetDecimal())
            .ShouldBe(soybeans.GetProperty("tradeDiversion").GetDecimal(), 2m, "what South America loses is what the diversion moves");
    }

    [Theory]
    [InlineData(2018)]
    [InlineData(2019)]
    [InlineData(2020)]
    public async Task Chinas_base_trade_for_a_later_year_is_near_what_china_reported(int year)
    {
        var run = await CliRun.Of("impact", "--importer", "CN", "--scenario", "phase-one", "--baseline", "no-retaliation", "--year", $"{year}", "--format", "json");
        run.ExitCode.ShouldBe(0, run.Error);

        // China-reported imports from the US that year (UN Comtrade, CIF), against the 2017 HS8 detail scaled chapter by
        // chapter with the mirror series: the lines priced plus the lines left out (their value is in the notes).
        var reported = File.ReadLines(Path.Combine(TradeAccord.Sources.DataPaths.Locate().Data, "trade", "comtrade_us_china_bilateral_totals_annual_2013-2024.csv"))
            .Select(l => l.Split(',')).Single(c => c[0] == $"{year}" && c[1] == "CHN" && c[3] == "Import")[4];
        var leftOut = run.Json.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).Single(n => n.Contains("lines (", StringComparison.Ordinal) && n.Contains("left out", StringComparison.Ordinal));
        var leftOutBn = decimal.Parse(leftOut[(leftOut.IndexOf('(', StringComparison.Ordinal) + 1)..leftOut.IndexOf(" USD", StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        var modelled = run.Json.GetProperty("importsFromPartnerBefore").GetDecimal() + leftOutBn * 1_000_000_000m;
        modelled.ShouldBe(decimal.Parse(reported, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse(reported, System.Globalization.CultureInfo.InvariantCulture) * 0.12m);
    }

    [Fact]
    public async Task Chinas_lines_are_grouped_under_the_retaliation_round_that_lists_them()
    {
        var run = await CliRun.Of("impact", "--importer", "CN", "--scenario", "phase-one", "--baseline", "no-retaliation", "--year", "2017", "--date", "2019-06-30", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        var groups = run.Json.GetProperty("products").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p);
        // Soybeans (HS8 1201.90.10) were on the $34B round of 2018-07-06 (HS10 lines): they land there, not under "no retaliation round".
        groups["Retaliation against US Section 301 List 1 ($34B)"].GetProperty("importsFromPartnerBefore").GetDecimal().ShouldBeGreaterThan(13_934_014_000m);
        groups["no retaliation round"].GetProperty("tradeCreation").GetDecimal().ShouldBe(0m);
        groups.Keys.Count(k => k.StartsWith("Retaliation against", StringComparison.Ordinal)).ShouldBe(4);
    }

    [Fact]
    public async Task A_base_year_before_the_tariff_data_is_priced_at_its_first_day_and_a_date_outside_it_is_refused()
    {
        var run = await CliRun.Of("impact", "--importer", "US", "--scenario", "no-301", "--baseline", "phase-one", "--year", "2017", "--format", "json");
        run.ExitCode.ShouldBe(0, run.Error);
        run.Json.GetProperty("date").GetString().ShouldBe("2018-01-01");
        run.Json.GetProperty("lines").GetInt32().ShouldBeGreaterThan(14_000);

        var outside = await CliRun.Of("impact", "--importer", "US", "--scenario", "no-301", "--baseline", "phase-one", "--year", "2017", "--date", "2017-06-30");
        outside.ExitCode.ShouldNotBe(0);
        outside.Error.ShouldContain("no line has a rate in the schedule on 2017-06-30: expected a date within the tariff data");
    }

    [Fact]
    public async Task Chinas_retaliation_diverts_its_soybean_imports_to_south_america_in_2019()
    {
        var run = await CliRun.Of("impact", "--importer", "CN", "--scenario", "phase-one", "--baseline", "no-retaliation", "--year", "2019", "--by", "hs6", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        var soybeans = run.Json.GetProperty("products").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "120190");
        // 2019: 6.68 bn from the US, 26.58 bn from Brazil and Argentina, both China-reported.
        soybeans.GetProperty("importsBefore").GetDecimal().ShouldBe(33_259_432_660m, 1_000m);
        soybeans.GetProperty("tradeDiversion").GetDecimal().ShouldBeLessThan(0m);
        soybeans.GetProperty("tradeCreation").GetDecimal().ShouldBeLessThan(0m);
        (soybeans.GetProperty("tradeDiversion").GetDecimal() + soybeans.GetProperty("tradeCreation").GetDecimal()).ShouldBeGreaterThanOrEqualTo(-6_682_215_260m, "never more than the US supplied");
    }

    [Fact]
    public async Task Analyze_reports_the_frontier_solutions_and_the_zone_of_agreement()
    {
        var run = await CliRun.Of("negotiate", "analyze", "negotiations/us-china-2019-11.yaml", "--format", "json");
        run.ExitCode.ShouldBe(0, run.Error);
        var json = run.Json;
        // 131,220 combinations of the issues' options (negotiations/us-china-2019-11.yaml: 6 × 3 × 5 × 3 × 3 × 3 × 3 × 3
        // × 2 × 3, as the issues list them), of which the file's linkage constraints allow 61,236 (docs/tour.md).
        json.GetProperty("outcomes").GetInt32().ShouldBe(61_236);
        json.GetProperty("zopa").GetBoolean().ShouldBeTrue();
        var pareto = json.GetProperty("pareto").EnumerateArray().Select(p => p.GetProperty("outcome").GetString()).ToHashSet();
        pareto.ShouldContain(json.GetProperty("nash").GetProperty("outcome").GetString());
        pareto.ShouldContain(json.GetProperty("kalaiSmorodinsky").GetProperty("outcome").GetString());
        json.GetProperty("reservation").GetProperty("US").GetDouble().ShouldBe(0.35);
        json.GetProperty("derived")[0].GetProperty("how").GetString()!.ShouldStartWith("China's exports on Section 301 List 4A lines kept at each rate");
    }

    [Fact]
    public async Task Evaluate_names_the_offers_better_for_both()
    {
        var run = await CliRun.Of("negotiate", "evaluate", "negotiations/us-china-2019-11.yaml", "--format", "json", "--offer",
            "farm-purchases=40,commitment-form=number-in-text,list4a-rate=7.5%,dec15-tranche=suspend,lists1-3-rate=25%,enforcement=bilateral-process");
        run.ExitCode.ShouldBe(0, run.Error);
        run.Json.GetProperty("allowed").GetBoolean().ShouldBeTrue();
        run.Json.GetProperty("paretoDominated").GetBoolean().ShouldBeTrue();
        var us = run.Json.GetProperty("utilities").GetProperty("US").GetDouble();
        run.Json.GetProperty("improvements").EnumerateArray().ShouldAllBe(i => i.GetProperty("point").GetProperty("utilities").GetProperty("US").GetDouble() >= us - 1e-9);

        var bad = await CliRun.Of("negotiate", "evaluate", "negotiations/us-china-2019-11.yaml", "--offer", "farm-purchases=45");
        bad.ExitCode.ShouldBe(1);
        bad.Error.ShouldContain("--offer 'farm-purchases=45': expected one of 0, 10, 20, 30, 40, 50");
    }

    [Fact]
    public async Task Simulate_is_reproducible_by_seed_with_a_transcript()
    {
        string[] args = ["negotiate", "simulate", "negotiations/us-china-2019-11.yaml", "--strategy", "US=boulware", "--strategy", "CN=conceder", "--seed", "1", "--format", "json"];
        var first = await CliRun.Of(args);
        var again = await CliRun.Of(args);
        first.ExitCode.ShouldBe(0, first.Error);
        again.Out.ShouldBe(first.Out);
        // The protocol: rounds numbered from 1 without a gap, US and CN in turn, every offer refused but the last,
        // which is the agreement, worth to each what the answer says, and at least its reservation value (0.35 for
        // both in negotiations/us-china-2019-11.yaml).
        var transcript = first.Json.GetProperty("transcript").EnumerateArray().ToList();
        transcript.Select(o => o.GetProperty("round").GetInt32()).ShouldBe(Enumerable.Range(1, transcript.Count));
        transcript.Select(o => o.GetProperty("party").GetString()).ShouldBe(transcript.Select((_, k) => k % 2 == 0 ? "US" : "CN"));
        transcript.SkipLast(1).ShouldAllBe(o => !o.GetProperty("accepted").GetBoolean());
        var last = transcript[^1];
        last.GetProperty("accepted").GetBoolean().ShouldBeTrue();
        first.Json.GetProperty("agreement").GetString().ShouldBe(last.GetProperty("offer").GetString());
        first.Json.GetProperty("rounds").GetInt32().ShouldBe(last.GetProperty("round").GetInt32());
        foreach (var party in new[] { "US", "CN" })
        {
            var utility = first.Json.GetProperty("utilities").GetProperty(party).GetDouble();
            utility.ShouldBe(last.GetProperty("utilities").GetProperty(party).GetDouble());
            utility.ShouldBeGreaterThanOrEqualTo(0.35);
        }
    }

    [Fact]
    public async Task A_concession_exponent_is_a_strategy_on_the_command_line()
    {
        async Task<string> Transcript(string us)
        {
            var run = await CliRun.Of("negotiate", "simulate", "negotiations/us-china-2019-11.yaml", "--strategy", $"US={us}", "--strategy", "CN=conceder", "--seed", "1", "--format", "json");
            run.ExitCode.ShouldBe(0, run.Error);
            return run.Json.GetProperty("transcript").GetRawText();
        }

        // The exponent is what the strategy does: boulware is concession:0.2 (Strategies.Named), and 0.5 concedes otherwise.
        (await Transcript("concession:0.2")).ShouldBe(await Transcript("boulware"));
        (await Transcript("concession:0.5")).ShouldNotBe(await Transcript("boulware"));
        (await CliRun.Of("negotiate", "simulate", "negotiations/us-china-2019-11.yaml", "--strategy", "US=concession:-2")).Error.ShouldContain("concession:E");
    }

    [Fact]
    public async Task A_genius_domain_round_trips()
    {
        var genius = Path.Combine(_folder, "genius");
        (await CliRun.Of("negotiate", "export", "negotiations/us-china-2019-11.yaml", "--genius", genius)).ExitCode.ShouldBe(0);
        File.Exists(Path.Combine(genius, "domain.xml")).ShouldBeTrue();
        var back = Path.Combine(_folder, "back.yaml");
        (await CliRun.Of("negotiate", "import", back, "--genius", genius)).ExitCode.ShouldBe(0);

        var original = await CliRun.Of("negotiate", "evaluate", "negotiations/us-china-2019-11.yaml", "--offer", "farm-purchases=30,list4a-rate=5%,currency=rules", "--format", "json");
        var imported = await CliRun.Of("negotiate", "evaluate", back, "--offer", "farm-purchases=30,list4a-rate=5%,currency=rules", "--format", "json");
        imported.ExitCode.ShouldBe(0, imported.Error);
        foreach (var party in new[] { "US", "CN" })
        {
            imported.Json.GetProperty("utilities").GetProperty(party).GetDouble().ShouldBe(original.Json.GetProperty("utilities").GetProperty(party).GetDouble(), 1e-9);
        }
    }
}
