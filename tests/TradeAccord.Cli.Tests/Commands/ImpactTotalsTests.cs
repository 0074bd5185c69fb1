using System.Globalization;

namespace TradeAccord.Cli.Tests.Commands;

/// <summary>`accord impact`: groups that add up to the total however they are cut, and the base trade against the source file.</summary>
public sealed class ImpactTotalsTests
{
    private static readonly string[] Fields =
    [
        "importsBefore", "importsAfter", "tradeCreation", "tradeDiversion", "tariffRevenueBefore", "tariffRevenueAfter",
        "importerDutyBurden", "consumerSurplusChange", "importsFromPartnerBefore", "importsFromPartnerAfter",
    ];

    [Theory]
    [InlineData("list")]
    [InlineData("chapter")]
    [InlineData("hs6")]
    public async Task The_groups_add_up_to_the_total(string by)
    {
        var run = await CliRun.Of("impact", "--importer", "US", "--scenario", "dec15-proceeds", "--baseline", "phase-one", "--year", "2019", "--by", by, "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Json.GetProperty("by").GetString().ShouldBe(by);
        var groups = run.Json.GetProperty("products").EnumerateArray().ToList();
        groups.Count.ShouldBeGreaterThan(1);
        foreach (var field in Fields)
        {
            // Each group's figure is rounded to the dollar on its own: the sum may differ from the total by half a dollar a group.
            groups.Sum(g => g.GetProperty(field).GetDecimal()).ShouldBe(run.Json.GetProperty(field).GetDecimal(), groups.Count * 0.5m + 1m, field);
        }
    }

    [Fact]
    public async Task By_chapter_names_two_digit_chapters_each_once()
    {
        var run = await CliRun.Of("impact", "--importer", "US", "--scenario", "no-301", "--baseline", "phase-one", "--year", "2017", "--by", "chapter", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        var names = run.Json.GetProperty("products").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();
        names.ShouldAllBe(n => n.Length == 2 && n.All(char.IsAsciiDigit));
        names.Distinct().Count().ShouldBe(names.Count);
        // Chapter 85 (electrical machinery) has lines in the 2017 trade file and on the Section 301 lists.
        names.ShouldContain("85");
    }

    [Fact]
    public async Task The_us_2017_base_trade_is_the_usitc_files_total()
    {
        var run = await CliRun.Of("impact", "--importer", "US", "--scenario", "no-301", "--baseline", "phase-one", "--year", "2017", "--format", "json");
        run.ExitCode.ShouldBe(0, run.Error);

        // Summed here from the file itself (its last column; descriptions may hold commas, so read from the right):
        // data/SOURCES.md section 6 gives the total as 505,469,954,379 USD.
        var file = Path.Combine(TradeAccord.Sources.DataPaths.Locate().Data, "trade", "us_imports_from_china_hts10_2017_usitc.csv");
        var total = File.ReadLines(file).Skip(1).Sum(l => decimal.Parse(l[(l.LastIndexOf(',') + 1)..], CultureInfo.InvariantCulture));
        total.ShouldBe(505_469_954_379m);

        // What the model prices plus what it leaves out (lines without a rate, their value in the notes, USD bn to 2 places).
        var leftOut = run.Json.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!)
            .SingleOrDefault(n => n.Contains("lines (", StringComparison.Ordinal) && n.Contains("left out", StringComparison.Ordinal));
        var leftOutUsd = leftOut is null ? 0m
            : decimal.Parse(leftOut[(leftOut.IndexOf('(', StringComparison.Ordinal) + 1)..leftOut.IndexOf(" USD", StringComparison.Ordinal)], CultureInfo.InvariantCulture) * 1_000_000_000m;
        (run.Json.GetProperty("importsFromPartnerBefore").GetDecimal() + leftOutUsd).ShouldBe(total, 5_000_000m);
    }
}
