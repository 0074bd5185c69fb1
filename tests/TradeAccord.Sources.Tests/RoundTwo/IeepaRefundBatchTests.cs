using System.Globalization;
using System.IO.Compression;
using System.Text;
using TradeAccord.App.Tariffs.Batch;
using TradeAccord.Core.Common;
using TradeAccord.Sources.Csv;

namespace TradeAccord.Sources.Tests.RoundTwo;

/// <summary>
/// The IEEPA refund estimate on entries files built from real trade: the 2024 US imports by line and partner
/// (data/trade/us_imports_2024), each partner's largest lines, one twelfth of the year's value per entry, on dates
/// chosen to cross the 2024–2025 measure steps. The entries are synthetic in their dates and values only.
/// </summary>
public class IeepaRefundBatchTests
{
    private const string Imports = "trade/us_imports_2024/us_imports_for_consumption_2024_hs10_by_country.csv.gz";

    // Census country codes of the file → ISO origin.
    private static readonly (string Census, string Iso)[] Partners = [("5700", "CN"), ("5520", "VN"), ("5880", "JP"), ("1220", "CA"), ("2010", "MX")];

    private static string EntriesFile(TempFolder temp, string name, string[] dates, Func<string, string, bool> use)
    {
        var byPartner = Partners.ToDictionary(p => p.Census, _ => new List<(string Hts, decimal Value)>());
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(Path.Combine(DataPaths.Locate().Data, Imports)), CompressionMode.Decompress)))
        {
            reader.ReadLine();
            while (reader.ReadLine() is { } line)
            {
                var fields = line.Split(',');
                if (byPartner.TryGetValue(fields[0], out var lines))
                {
                    lines.Add((fields[^2], decimal.Parse(fields[^1], CultureInfo.InvariantCulture)));
                }
            }
        }

        var text = new StringBuilder("id,hts,origin,entry_date,value_usd\n");
        var id = 0;
        foreach (var (census, iso) in Partners)
        {
            foreach (var (hts, value) in byPartner[census].OrderByDescending(l => l.Value).Take(150))
            {
                foreach (var date in dates.Where(d => use(iso, d)))
                {
                    text.Append(CultureInfo.InvariantCulture, $"{++id},{hts},{iso},{date},{Math.Round(value / 12m, 2)}\n");
                }
            }
        }

        return temp.Write(name, text.ToString());
    }

    private static decimal Column(string output, string column) =>
        CsvTable.Read(output, "out.csv", column).Sum(r => r[column].Length == 0 ? 0m : decimal.Parse(r[column], CultureInfo.InvariantCulture));

    [Fact]
    public void In_2024_no_IEEPA_duty_is_owed_and_the_refund_scenario_changes_nothing()
    {
        using var temp = new TempFolder();
        var input = EntriesFile(temp, "entries-2024.csv", ["2024-03-15", "2024-09-30"], (_, _) => true);

        var record = DutyBatch.Run(BuiltIn.Schedule(), CountryCode.US, input, Path.Combine(temp.Path, "record.csv"));
        var refund = DutyBatch.Run(BuiltIn.Schedule("ieepa-refund"), CountryCode.US, input, Path.Combine(temp.Path, "refund.csv"));

        record.Rows.ShouldBe(1_500);
        record.TotalIeepa.ShouldBe(0m);
        refund.TotalDuty.ShouldBe(record.TotalDuty);
        record.TotalDuty.ShouldBeGreaterThan(0m);
    }

    [Fact]
    public void In_2025_the_IEEPA_column_totals_the_difference_between_the_record_and_the_refund_scenario_to_the_cent()
    {
        using var temp = new TempFolder();
        // Canada and Mexico are left out from 2025-03-04 to 2025-06-03, when their IEEPA duties kept the 232 metals
        // duties off an entry (EO 14289 sec. 3(a)(ii) as first written): without the IEEPA duty the 232 duty would
        // have applied, so there the refund scenario differs from the IEEPA amount paid by design.
        var dates = new[] { "2025-02-10", "2025-03-05", "2025-04-07", "2025-04-15", "2025-05-20", "2025-06-10", "2025-08-20", "2025-11-15", "2026-03-02" };
        var input = EntriesFile(temp, "entries-2025.csv", dates,
            (iso, date) => iso is not ("CA" or "MX") || string.CompareOrdinal(date, "2025-03-04") < 0 || string.CompareOrdinal(date, "2025-06-04") >= 0);
        var recordOut = Path.Combine(temp.Path, "record.csv");

        var record = DutyBatch.Run(BuiltIn.Schedule(), CountryCode.US, input, recordOut);
        var refund = DutyBatch.Run(BuiltIn.Schedule("ieepa-refund"), CountryCode.US, input, Path.Combine(temp.Path, "refund.csv"));

        record.TotalIeepa.ShouldBeGreaterThan(0m);
        Column(recordOut, "ieepa_usd").ShouldBe(record.TotalIeepa);
        (record.TotalDuty - refund.TotalDuty).ShouldBe(record.TotalIeepa);
        refund.Errors.ShouldBe(record.Errors);
    }
}

public class ContentColumnsBatchTests
{
    [Fact]
    public void An_entries_file_declares_metal_content_and_end_use_and_a_bad_content_value_names_its_field()
    {
        using var temp = new TempFolder();
        // Real lines and dates; the values are synthetic. 8418.10.0010 (refrigerators) is a 2025-08-18 steel derivative.
        var input = temp.Write("entries.csv", """
            id,hts,origin,entry_date,value_usd,content_value_usd,declare_end_use
            1,8418.10.0010,JP,2025-08-20,10000,4000,
            2,8418.10.0010,JP,2025-08-20,10000,,
            3,8471.30.0100,JP,2026-03-02,10000,,true
            4,8418.10.0010,JP,2025-08-20,10000,12000,
            """);
        var output = Path.Combine(temp.Path, "out.csv");

        var summary = DutyBatch.Run(BuiltIn.Schedule(), CountryCode.US, input, output);

        var rows = CsvTable.Read(output, "out.csv", "id", "duty_usd", "warnings", "error").ToDictionary(r => r["id"]);
        rows["1"]["duty_usd"].ShouldBe("2900.00"); // 50% of the 4,000 of metal + Japan's 15% on the other 6,000
        rows["2"]["duty_usd"].ShouldBe("5000.00"); // no content value: 50% of the whole value, and the quote says so
        rows["2"]["warnings"].ShouldContain("no content value was given");
        rows["3"]["duty_usd"].ShouldBe("2500.00"); // declared an automobile part: Section 232 parts at 25%
        rows["4"]["error"].ShouldBe("line 5: field 'content_value_usd': '12000' is not an amount from 0 to the value 10000");
        summary.Errors.ShouldBe(1);
    }
}
