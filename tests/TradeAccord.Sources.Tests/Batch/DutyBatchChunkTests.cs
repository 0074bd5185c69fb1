using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TradeAccord.App.Tariffs.Batch;
using TradeAccord.Core.Common;

namespace TradeAccord.Sources.Tests.Batch;

/// <summary>
/// A batch of more than one chunk (the batch prices chunks of 1,024 rows on the thread pool): every row comes back in
/// its place, errors name the row's own line in the big file, and the totals are those of pricing each row alone.
/// </summary>
public partial class DutyBatchChunkTests
{
    private const string Header = "ID,HTS,Origin,Entry_Date,Value_USD,Export_Date,Quantity,Unit";

    // Good rows (several measures, a quantity) and bad ones (unknown code, bad date, negative value, short row).
    private static readonly string[] Templates =
    [
        "7326.90.8688,CN,2019-06-20,{0},,,",
        "7326.90.8688,CN,2019-06-14,{0},2019-05-01,,",
        "0402.99.9000,DE,2019-10-01,{0},,100,kg",
        "9999.99.99,CN,2019-06-20,{0},,,",
        "8471.30.0100,CN,2020-03-01,{0},,,",
        "7326.90.8688,CN,2019-13-01,{0},,,",
        "0101.29.0090,CN,2019-10-01,{0},,,",
        "7326.90.8688,CN,2019-06-20,-{0},,,",
        "7326.90.8688,CN,2019-06-20",
    ];

    [Fact]
    public void Three_chunks_come_back_in_order_with_each_rows_own_line_and_the_totals_of_each_row_alone()
    {
        using var temp = new TempFolder();
        // 2,600 rows: two full chunks and a part, with the templates falling differently on each chunk's edges.
        var rows = Enumerable.Range(1, 2_600).Select(i => $"{i}," + string.Format(CultureInfo.InvariantCulture, Templates[i % Templates.Length], 100 + i)).ToList();
        var input = temp.Write("entries.csv", Header + "\n" + string.Join("\n", rows) + "\n");
        var output = Path.Combine(temp.Path, "duties.csv");
        var schedule = BuiltIn.Schedule();

        var summary = DutyBatch.Run(schedule, CountryCode.US, input, output);

        var written = File.ReadAllLines(output);
        written.Length.ShouldBe(rows.Count + 1);
        var (errors, value, duty, ieepa) = (0L, 0m, 0m, 0m);
        for (var i = 0; i < rows.Count; i++)
        {
            // The same row priced alone, as line 2 of a file of its own; its error then names line 2.
            var single = temp.Write($"single-{i}.csv", Header + "\n" + rows[i] + "\n");
            var singleOut = Path.Combine(temp.Path, $"single-{i}.out.csv");
            var alone = DutyBatch.Run(schedule, CountryCode.US, single, singleOut);
            var expected = LineReference().Replace(File.ReadAllLines(singleOut)[1], $"line {i + 2}:");
            written[i + 1].ShouldBe(expected, $"row {i + 1} (line {i + 2})");
            (errors, value, duty, ieepa) = (errors + alone.Errors, value + alone.TotalValue, duty + alone.TotalDuty, ieepa + alone.TotalIeepa);
            File.Delete(single);
            File.Delete(singleOut);
        }

        summary.ShouldBe(new BatchSummary(rows.Count, errors, value, duty, ieepa));
        // Rows i with i mod 9 in {3, 5, 7, 8} are malformed: 288 full cycles of nine (4 each) and rows 2593-2600 (4 more).
        errors.ShouldBe(288 * 4 + 4);
    }

    [GeneratedRegex("line 2:")]
    private static partial Regex LineReference();
}
