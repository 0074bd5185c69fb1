using TradeAccord.App.Tracking;
using TradeAccord.Core.Commitments;
using TradeAccord.Sources;

namespace TradeAccord.Storage.Tests;

/// <summary>
/// Reading release files into a real DuckDB file, and tracking yearly figures; what the store itself must do is in
/// <see cref="TradeStoreContract"/>. The CSV fixtures here are synthetic: real codes, made-up values.
/// </summary>
public class TradeDataTests
{
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
