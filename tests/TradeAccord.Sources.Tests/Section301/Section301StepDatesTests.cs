using TradeAccord.Core.Tariffs;

namespace TradeAccord.Sources.Tests.Section301;

/// <summary>
/// Every Section 301 step of 2018–2020 (data/section301/measures.yaml) on the day before it and on its first day, with
/// the dates of the notices it cites; from 2025 the open steps continue as parts whose lines come from the HTS footnotes.
/// </summary>
public class Section301StepDatesTests
{
    public static TheoryData<string, string, string?, string> Steps => new()
    {
        { "us301-l1", "2018-07-06", null, "25%" },          // 83 FR 28710
        { "us301-l2", "2018-08-23", null, "25%" },          // 83 FR 40823
        { "us301-l3-10", "2018-09-24", "2019-05-10", "10%" }, // 83 FR 47974
        { "us301-l3-25", "2019-05-10", null, "25%" },       // 84 FR 20459
        { "us301-l3x-10", "2018-09-24", "2019-05-10", "10%" },
        { "us301-l3x-25", "2019-05-10", null, "25%" },
        { "us301-l3-transit", "2019-05-10", "2019-06-15", "10%" }, // heading 9903.88.09
        { "us301-l4a-15", "2019-09-01", "2020-02-14", "15%" },  // 84 FR 43304
        { "us301-l4a-7.5", "2020-02-14", null, "7.5%" },    // USTR notice of modification, January 2020 (phase one)
        { "us301-l4b-15", "2019-12-15", null, "15%" },      // 84 FR 43304; suspended by the notice of 2019-12-18
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void A_step_starts_on_its_day_and_its_line_runs_on_to_its_end(string id, string from, string? to, string rate)
    {
        var measures = BuiltIn.Schedule().Set.Measures;
        var step = measures.Single(m => m.Id == id);
        var first = BuiltIn.Day(from);

        step.Rate!.Text.ShouldBe(rate);
        step.Validity.Contains(first.AddDays(-1)).ShouldBeFalse();
        step.Validity.Contains(first).ShouldBeTrue();
        // An open step is cut at the first footnoted HTS revision and continues as {id}@date parts to the end.
        var parts = measures.Where(m => m.Id == id || m.Id.StartsWith(id + "@", StringComparison.Ordinal)).OrderBy(m => m.Validity.Start).ToList();
        for (var i = 1; i < parts.Count; i++)
        {
            parts[i].Validity.Start.ShouldBe(parts[i - 1].Validity.EndOrNull!.Value);
            parts[i].Rate!.Text.ShouldBe(rate);
        }

        var end = parts[^1].Validity.EndOrNull;
        end.ShouldBe(to is null ? null : BuiltIn.Day(to));
        if (end is { } last)
        {
            parts[^1].Validity.Contains(last.AddDays(-1)).ShouldBeTrue();
            parts[^1].Validity.Contains(last).ShouldBeFalse();
        }
    }
}
