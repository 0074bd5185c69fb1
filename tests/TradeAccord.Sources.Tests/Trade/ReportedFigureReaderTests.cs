using TradeAccord.Core.Commitments;
using TradeAccord.Sources.Trade;

namespace TradeAccord.Sources.Tests.Trade;

/// <summary>The reported soybean figures of 2025-2026: each row classed by statistic and by how it adds up, commitments left out.</summary>
public class ReportedFigureReaderTests
{
    private static readonly string File = Path.Combine(BuiltIn.Loader.Paths.Data, "trade", "soybean_purchases_2025-2026_reported.csv");

    [Fact]
    public void Every_row_but_the_three_commitments_is_a_figure_with_its_line()
    {
        var figures = ReportedFigureReader.Read(File, "soybeans.csv");
        figures.Count.ShouldBe(30);
        figures.Select(f => f.Line).ShouldBe(figures.Select(f => f.Line).Order().ToList());
        figures.ShouldAllBe(f => f.Line >= 2 && f.Line <= 31);
        figures.Count(f => f.Statistic == Statistic.Arrivals).ShouldBe(15);
    }

    [Theory]
    [InlineData(9, Statistic.Arrivals, Cumulation.Month, Confidence.Official, "2025-09-01", "2025-10-01")]
    [InlineData(14, Statistic.Arrivals, Cumulation.ToDate, Confidence.Official, "2025-01-01", "2025-12-01")]
    [InlineData(16, Statistic.Arrivals, Cumulation.Whole, Confidence.Official, "2025-01-01", "2026-01-01")]
    [InlineData(8, Statistic.Arrivals, Cumulation.Month, Confidence.Weak, "2025-07-01", "2025-08-01")]
    [InlineData(22, Statistic.Purchases, Cumulation.ToDate, Confidence.Official, "2025-09-01", "2025-09-19")]
    [InlineData(23, Statistic.Exports, Cumulation.ToDate, Confidence.Official, "2025-09-01", "2025-10-17")]
    [InlineData(30, Statistic.Purchases, Cumulation.Since, Confidence.Estimate, "2025-10-30", "2026-01-13")]
    [InlineData(31, Statistic.Purchases, Cumulation.Whole, Confidence.Statement, "2025-11-01", "2026-01-01")]
    public void Each_row_is_classed_from_its_words(int line, Statistic statistic, Cumulation cumulation, Confidence confidence, string from, string to)
    {
        var figure = ReportedFigureReader.Read(File, "soybeans.csv").Single(f => f.Line == line);
        (figure.Statistic, figure.Cumulation, figure.Confidence).ShouldBe((statistic, cumulation, confidence));
        figure.Span.ShouldBe(new(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_period_that_cannot_be_read_is_located_by_line_and_column()
    {
        var folder = Directory.CreateTempSubdirectory("accord-reported-");
        try
        {
            var broken = Path.Combine(folder.FullName, "broken.csv");
            var lines = System.IO.File.ReadAllLines(File);
            lines[8] = lines[8].Replace(",2025-09,0,t,", ",last autumn,0,t,", StringComparison.Ordinal);
            System.IO.File.WriteAllLines(broken, lines);

            var error = Should.Throw<SourceException>(() => ReportedFigureReader.Read(broken, "broken.csv"));
            error.Message.ShouldContain("broken.csv");
            error.Message.ShouldContain(":9");
            error.Message.ShouldContain("period");
            error.Message.ShouldContain("'last autumn' is not a period");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
