using TradeAccord.App.Tracking;
using TradeAccord.Core.Commitments;
using TradeAccord.Sources;

namespace TradeAccord.Storage.Tests;

/// <summary>Imports into a real DuckDB file. The CSV fixtures here are synthetic: real codes, made-up values.</summary>
public class StoreTests
{
    private const string Good = "month,code,value_usd\n2020-01,120190,1000\n2020-02,120190,2000\n";

    [Fact]
    public void An_import_with_a_malformed_row_is_rejected_with_its_line_and_changes_nothing()
    {
        using var temp = new TempStore();
        TradeData.Import(temp.Store, "us-exports", temp.Write("good.csv", Good), "v1");
        var before = temp.Store.RowCount();

        var bad = temp.Write("bad.csv", "month,code,value_usd\n2020-03,120190,1000\n2020-04,120190,2000\n2020-13,120190,5\n");
        var error = Should.Throw<SourceException>(() => TradeData.Import(temp.Store, "us-exports", bad, "v2", "bad.csv"));

        error.Message.ShouldBe("bad.csv:4: field 'month': '2020-13' is not a month: expected yyyy-MM from 1990 to 2100");
        temp.Store.RowCount().ShouldBe(before);
        temp.Store.Vintages("us-exports").Select(v => v.Vintage).ShouldBe(["v1"]);
    }

    [Theory]
    [InlineData("month,code,value_usd\n2020-01,1201x0,5\n", "x.csv:2: field 'code': '1201x0' is not a product code: expected 2 to 10 digits")]
    [InlineData("month,code,value_usd\n2020-01,120190,-5\n", "x.csv:2: field 'value_usd': '-5' is not an amount: expected a number of zero or more, without separators")]
    [InlineData("month,code,value_usd\n2020-01,120190,1,000\n", "x.csv:2: has 4 fields: expected 3 as in the header")]
    [InlineData("month,code,value_usd\n2020-01,120190,5\n2020-01,120190,6\n", "x.csv:3: field 'month': 2020-01 and code 120190 appear on an earlier row too")]
    [InlineData("month,value_usd\n2020-01,5\n", "x.csv:1: has no product code column: expected a header with month, code (or hs6), value_usd")]
    [InlineData("month,code\n2020-01,120190\n", "x.csv:1: missing column 'value_usd'")]
    [InlineData("year,category,value_usd\n20x0,Services,5\n", "x.csv:2: field 'year': '20x0' is not a year")]
    [InlineData("year,category,value_usd\n2020,,5\n", "x.csv:2: field 'category': is empty")]
    public void Malformed_files_name_the_line_and_field(string text, string expected)
    {
        using var temp = new TempStore();
        var error = Should.Throw<SourceException>(() => TradeData.Import(temp.Store, "s", temp.Write("x.csv", text), "v", "x.csv"));
        error.Message.ShouldStartWith(expected);
        temp.Store.RowCount().ShouldBe(0);
    }

    [Fact]
    public void A_second_vintage_does_not_disturb_the_first_and_becomes_the_latest()
    {
        using var temp = new TempStore();
        TradeData.Import(temp.Store, "us-exports", temp.Write("a.csv", Good), "2021-02");
        TradeData.Import(temp.Store, "us-exports", temp.Write("b.csv", "month,code,value_usd\n2020-01,120190,1500\n2020-02,120190,2500\n2020-03,120190,10\n"), "2021-03");

        var mapping = new Dictionary<string, Core.Agreements.AnnexLine?> { ["120190"] = null };
        temp.Store.MonthlyTotals("us-exports", "2021-02", mapping).Sum(t => t.ValueUsd).ShouldBe(3000m);
        temp.Store.MonthlyTotals("us-exports", "2021-03", mapping).Sum(t => t.ValueUsd).ShouldBe(4010m);
        temp.Store.Latest("us-exports")!.Vintage.ShouldBe("2021-03");
        var first = temp.Store.Vintages("us-exports")[0];
        (first.Rows, first.First, first.Last).ShouldBe((2L, new DateOnly(2020, 1, 1), new DateOnly(2020, 2, 1)));
    }

    [Fact]
    public void A_vintage_label_is_used_once()
    {
        using var temp = new TempStore();
        TradeData.Import(temp.Store, "us-exports", temp.Write("a.csv", Good), "v1");
        Should.Throw<StoreException>(() => TradeData.Import(temp.Store, "us-exports", temp.Write("b.csv", Good), "v1"))
            .Message.ShouldBe("us-exports already has a vintage 'v1': expected a new --vintage label (each vintage is kept)");
    }

    [Fact]
    public void The_store_survives_closing_and_the_built_in_series_loads_once()
    {
        using var temp = new TempStore();
        var loaded = TradeData.EnsureBuiltIn(temp.Store, Shipped.Loader.Paths);
        loaded.Single(v => v.Series == "us-exports").Rows.ShouldBe(364_150);
        // Each monthly release of 2021's year-to-date category totals is a vintage; release n holds n months × 3 categories.
        loaded.Where(v => v.Series == "us-exports-by-category").Select(v => (v.Vintage, v.Rows))
            .ShouldBe(Enumerable.Range(1, 11).Select(n => ($"census-ytd-2021-{n:00}", 3L * n)));
        TradeData.EnsureBuiltIn(temp.Store, Shipped.Loader.Paths).ShouldBeEmpty();
        temp.Store.Vintages("us-exports").Single().Vintage.ShouldBe("census-2021-03-25");
        temp.Store.Latest("us-exports-by-category")!.Vintage.ShouldBe("census-ytd-2021-11");
    }

    [Fact]
    public void Yearly_services_figures_are_tracked_against_the_full_year_target()
    {
        using var temp = new TempStore();
        TradeData.EnsureBuiltIn(temp.Store, Shipped.Loader.Paths);
        // Synthetic services figures (not official data), only to exercise the yearly path.
        TradeData.Import(temp.Store, "us-services", temp.Write("services.csv", "year,category,value_usd\n2017,Services,50000000000\n2020,Services,40000000000\n"), "synthetic");

        var report = TradeData.Track(temp.Store, Shipped.PhaseOne, Shipped.Loader.AgreementContext,
            new TrackRequest([], null, new TrackOptions(2020), Shipped.Loader.Baseline)).Single();

        var services = report.Categories.Single(c => c.Name == "Services");
        services.HasData.ShouldBeTrue();
        services.Progress.Target.ShouldBe(62_800_000_000m);
        services.Progress.PercentOfTarget.ShouldBe(63.69m);
        report.Notes.ShouldContain("Services: yearly figures, compared with the full-year target");
        // Over the whole year the total includes services; through June it cannot, and says so.
        report.Total.Target.ShouldBe(report.Categories.Where(c => c.HasData).Sum(c => c.Progress.Target));
        var june = TradeData.Track(temp.Store, Shipped.PhaseOne, Shipped.Loader.AgreementContext,
            new TrackRequest([], null, new TrackOptions(2020, new DateOnly(2020, 6, 1)), Shipped.Loader.Baseline)).Single();
        june.Total.Target.ShouldBe(june.Categories.Where(c => c.Months.Count > 0).Sum(c => c.Progress.Target));
        june.Notes.ShouldContain("Services: yearly figures, left out of the total until the window's last month is counted");
    }
}
