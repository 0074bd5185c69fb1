using TradeAccord.Core.Agreements;

namespace TradeAccord.Sources.Tests.Agreements;

/// <summary>The signed agreement's tariff obligations against the real schedule, as recorded and under scenarios.</summary>
public class TariffCheckTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("phase-one")]
    public void Phase_one_is_met_on_2020_03_01(string? scenario)
    {
        var verdicts = Check(scenario, "2020-03-01");
        verdicts["us-list4a"].Verdict.ShouldBe(Verdict.Met);
        verdicts["us-list4a"].InSchedule.ShouldBe("us301-l4a-7.5 in force at 7.5% since 2020-02-14");
        verdicts["us-list4b"].Verdict.ShouldBe(Verdict.Met);
        verdicts["us-list4b"].InSchedule.ShouldBe("us301-l4b-15 suspended at 15% since 2019-12-15");
    }

    [Fact]
    public void Dec15_proceeds_breaks_the_list_4b_obligation_on_2020_03_01()
    {
        var verdicts = Check("dec15-proceeds", "2020-03-01");
        verdicts["us-list4b"].Verdict.ShouldBe(Verdict.Broken);
        verdicts["us-list4b"].Reason.ShouldBe("required suspended from 2019-12-15, but us301-l4b-15 is applied");
        verdicts["us-list4a"].Verdict.ShouldBe(Verdict.Met);
    }

    [Fact]
    public void The_list_4a_cut_is_not_yet_due_before_2020_02_14_and_the_rate_then_is_named()
    {
        var verdicts = Check(null, "2020-02-13");
        verdicts["us-list4a"].Verdict.ShouldBe(Verdict.NotYetDue);
        verdicts["us-list4a"].InSchedule.ShouldBe("us301-l4a-15 in force at 15% since 2019-09-01");
    }

    [Fact]
    public void Escalation_scenario_breaks_the_list_4b_suspension_and_leaves_the_list_4a_rate_met()
    {
        // escalation-2019-10 applies List 4B at 15% from 2019-12-15 (the agreement requires it suspended) and leaves
        // List 4A alone (cut to the 7.5% the agreement requires on 2020-02-14).
        var verdicts = Check("escalation-2019-10", "2020-03-01");
        verdicts["us-list4b"].Verdict.ShouldBe(Verdict.Broken);
        verdicts["us-list4b"].Reason.ShouldBe("required suspended from 2019-12-15, but us301-l4b-15 is applied");
        verdicts["us-list4a"].Verdict.ShouldBe(Verdict.Met);
    }

    [Fact]
    public void Removing_section_301_breaks_the_list_4a_rate_obligation_and_says_nothing_is_applied()
    {
        var verdicts = Check("no-301", "2020-03-01");
        verdicts["us-list4a"].Verdict.ShouldBe(Verdict.Broken);
        verdicts["us-list4a"].Reason.ShouldBe("required 7.5% from 2020-02-14, but nothing is applied on this line");
    }

    [Fact]
    public void China_obligations_outside_the_data_are_not_checkable_and_say_why()
    {
        var verdicts = Check(null, "2020-03-01");
        foreach (var id in new[] { "cn-sept2019-10pct", "cn-sept2019-5pct", "cn-dec2019" })
        {
            verdicts[id].Verdict.ShouldBe(Verdict.NotCheckable);
            verdicts[id].Reason.ShouldContain("2019-06-12");
        }
    }

    [Fact]
    public void The_us_position_is_broken_by_the_record_after_the_cut()
    {
        var us = Agreements.Load(Agreements.UsPosition);
        var checks = TariffCheck.Run(us, BuiltIn.Loader.Baseline, BuiltIn.Schedule().Set, BuiltIn.Day("2020-03-01")).ToDictionary(c => c.Obligation.Id);
        checks["us-list4a"].Verdict.ShouldBe(Verdict.Broken);
        checks["us-list4a"].Reason.ShouldBe("required 15% from 2019-09-01, but the line applies 7.5%");
    }

    private static Dictionary<string, ObligationCheck> Check(string? scenario, string date) =>
        TariffCheck.Run(Agreements.Load(Agreements.PhaseOne), BuiltIn.Loader.Baseline, BuiltIn.Schedule(scenario).Set, BuiltIn.Day(date))
            .ToDictionary(c => c.Obligation.Id);
}
