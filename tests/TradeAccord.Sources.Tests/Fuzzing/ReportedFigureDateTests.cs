using TradeAccord.Sources.Trade;

namespace TradeAccord.Sources.Tests.Fuzzing;

/// <summary>
/// Dates at the calendar's edges in reported figures, found by fuzzing `data import` with edge dates: 9999-12-31 has
/// no next day (ArgumentOutOfRangeException), year 0000 no first of January, Arabic-Indic digits passed the pattern
/// but not int.Parse, and a range running backwards reached DateInterval's ArgumentException. Each is now the row's
/// error, naming the column.
/// </summary>
public class ReportedFigureDateTests
{
    private const string Header = "date,period,figure,unit,measures,data_source_as_reported,source_url,source_title,note\n";

    [Theory]
    [InlineData("9999-12-31", "since 2025-01-01", "date", "'9999-12-31' is out of range: expected a date from 1990 to 2100")]
    [InlineData("2025-04", "0000", "period", "'0000' is out of range: expected a year from 1990 to 2100")]
    [InlineData("2025-04", "9999", "period", "'9999' is out of range: expected a year from 1990 to 2100")]
    [InlineData("2025-04", "٢٠٢٥", "period", "'٢٠٢٥' is not a period: expected yyyy-MM, yyyy-MM..yyyy-MM, yyyy, since yyyy-MM-dd or MYyyyy/yy")]
    [InlineData("2025-04", "2025-03..2025-01", "period", "'2025-03..2025-01' ends before it starts: expected a period running forward")]
    [InlineData("2025-04-01", "since 2025-05-01", "period", "'since 2025-05-01' ends before it starts: expected a period running forward")]
    public void Read_DateAtTheEdges_RowErrorNamingTheColumn(string date, string period, string field, string problem)
    {
        using var temp = new TempFolder();
        var file = temp.Write("reported.csv", Header + $"{date},{period},2.44,million t,China's soybean imports from the U.S.,China GACC,https://example.org,t,\n");

        var error = Should.Throw<SourceException>(() => ReportedFigureReader.Read(file, "reported.csv"));

        error.Message.ShouldBe($"reported.csv:2: field '{field}': {problem}");
    }
}
