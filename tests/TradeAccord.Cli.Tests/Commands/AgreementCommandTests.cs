
namespace TradeAccord.Cli.Tests.Commands;

/// <summary>The agreement commands run in process on the shipped agreements and data.</summary>
public class AgreementCommandTests
{
    [Fact]
    public async Task Validate_the_three_shipped_files_succeeds()
    {
        var run = await CliRun.Of("agreement", "validate", "us-china-phase-one", "positions-2019-11/us", "positions-2019-11/china");
        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("us-china-phase-one.yaml: valid (17 provisions)");
        run.Out.ShouldContain("china.yaml: valid (6 provisions)");
    }

    [Fact]
    public async Task A_missing_file_is_one_problem_and_the_other_files_are_still_checked()
    {
        var run = await CliRun.Of("agreement", "validate", "nowhere/none.yaml", "us-china-phase-one");

        run.ExitCode.ShouldBe(1);
        run.Out.ShouldContain("nowhere/none.yaml:1:1: error [unreadable] no such agreement: expected a file or one of positions-2019-11/china");
        run.Out.ShouldContain("us-china-phase-one.yaml: valid (17 provisions)");
        run.Out.ShouldContain("1 problem in 1 of 2 files");
    }

    [Fact]
    public async Task Validate_a_broken_file_lists_every_problem_and_exits_1()
    {
        var folder = Path.Combine(Path.GetTempPath(), "accord-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var text = await File.ReadAllTextAsync(Shipped("us-china-phase-one"), TestContext.Current.CancellationToken);
            var file = Path.Combine(folder, "broken.yaml");
            await File.WriteAllTextAsync(file, text.Replace("measure: us301-l4b-15", "measure: us301-l4c-15", StringComparison.Ordinal)
                .Replace("category: Energy", "category: Coal", StringComparison.Ordinal), TestContext.Current.CancellationToken);

            var run = await CliRun.Of("agreement", "validate", file, "--format", "json");

            run.ExitCode.ShouldBe(1);
            var problems = run.Json.GetProperty("files")[0].GetProperty("problems").EnumerateArray().ToList();
            problems.Select(p => p.GetProperty("rule").GetString()).ShouldBe(["unknown-measure", "unknown-category"]);
            problems[0].GetProperty("path").GetString().ShouldBe("tariffs[1].measure");
            problems[0].GetProperty("column").GetInt32().ShouldBe(14);

            var text2 = await CliRun.Of("agreement", "validate", file);
            text2.Out.ShouldContain($"{file}:");
            text2.Out.ShouldContain(": error [unknown-category] purchases[2].category: 'Coal' is not a category");
            text2.Out.ShouldContain("2 problems in 1 of 1 file");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Check_phase_one_is_met_and_dec15_proceeds_breaks_list_4b()
    {
        var met = await CliRun.Of("agreement", "check", "us-china-phase-one", "--date", "2020-03-01", "--format", "json");
        met.ExitCode.ShouldBe(0, met.Error);
        Verdicts(met)["us-list4a"].ShouldBe("met");
        Verdicts(met)["us-list4b"].ShouldBe("met");

        var broken = await CliRun.Of("agreement", "check", "us-china-phase-one", "--date", "2020-03-01", "--scenario", "dec15-proceeds");
        broken.ExitCode.ShouldBe(0, broken.Error);
        broken.Out.ShouldContain("broken");
        broken.Out.ShouldContain("1 met, 1 broken, 3 not-checkable");

        // Scripts ask for a failing exit code; the record still passes.
        (await CliRun.Of("agreement", "check", "us-china-phase-one", "--date", "2020-03-01", "--scenario", "dec15-proceeds", "--fail-on-broken")).ExitCode.ShouldBe(2);
        (await CliRun.Of("agreement", "check", "us-china-phase-one", "--date", "2020-03-01", "--fail-on-broken", "--format", "json")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Diff_of_the_positions_names_where_they_part()
    {
        var run = await CliRun.Of("agreement", "diff", "positions-2019-11/us", "positions-2019-11/china", "--format", "json");
        run.ExitCode.ShouldBe(0, run.Error);
        var changes = run.Json.GetProperty("changes").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("change").GetString());
        changes["purchases-agriculture"].ShouldBe("changed");
        changes["us-list4a"].ShouldBe("changed");
        changes["enforcement"].ShouldBe("changed");
        changes["cond-purchases-exit"].ShouldBe("added");

        var table = await CliRun.Of("agreement", "diff", "positions-2019-11/us", "positions-2019-11/china");
        table.Out.ShouldContain("level 40–50 USD billion");
        table.Out.ShouldContain("best-efforts");
    }

    [Fact]
    public async Task Apply_writes_a_scenario_that_duty_prices()
    {
        var output = Path.Combine(Path.GetTempPath(), $"accord-china-{Guid.NewGuid():N}.yaml");
        try
        {
            var apply = await CliRun.Of("agreement", "apply", "positions-2019-11/china", "--assume-signed", "2019-12-15", "--output", output);
            apply.ExitCode.ShouldBe(0, apply.Error);
            (await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken)).ShouldContain("replace: us301-l4a-15");

            var duty = await CliRun.Of("duty", "--hts", "0101.21.0010", "--origin", "CN", "--entry-date", "2020-03-01", "--value", "10000", "--scenario", output, "--format", "json");
            duty.ExitCode.ShouldBe(0, duty.Error);
            duty.Json.GetProperty("totalDuty").GetDecimal().ShouldBe(0m);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Apply_of_a_draft_without_a_date_warns_which_obligation_it_left_out()
    {
        var run = await CliRun.Of("agreement", "apply", "positions-2019-11/china");
        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("replace: us301-l4b-15");
        run.Error.ShouldContain("warning: not applied: us-list4a: starts on signing, which the draft does not date");
    }

    [Fact]
    public async Task Timeline_show_and_schema_print_what_they_promise()
    {
        var timeline = await CliRun.Of("agreement", "timeline", "us-china-phase-one", "--format", "json");
        timeline.ExitCode.ShouldBe(0, timeline.Error);
        timeline.Json.GetProperty("dated")[0].GetProperty("date").GetString().ShouldBe("2019-12-15");

        var show = await CliRun.Of("agreement", "show", "us-china-phase-one", "--format", "json");
        show.Json.GetProperty("purchases").GetArrayLength().ShouldBe(4);
        show.Json.GetProperty("enforcement").GetProperty("withdrawal").GetProperty("noticeDays").GetInt32().ShouldBe(60);

        var schema = await CliRun.Of("agreement", "schema");
        schema.Json.GetProperty("$schema").GetString().ShouldBe("https://json-schema.org/draft/2020-12/schema");
    }

    [Fact]
    public async Task An_unknown_agreement_name_lists_the_known_ones()
    {
        var run = await CliRun.Of("agreement", "show", "phase-two");
        // A name that is neither shipped nor a file is a bad question (exit 1), not a malformed file (exit 2).
        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("no such agreement: expected a file or one of positions-2019-11/china, positions-2019-11/us, us-china-2025-11, us-china-2026-05, us-china-phase-one");
    }

    private static Dictionary<string, string> Verdicts(CliRun run) =>
        run.Json.GetProperty("obligations").EnumerateArray().ToDictionary(o => o.GetProperty("id").GetString()!, o => o.GetProperty("verdict").GetString()!);

    private static string Shipped(string name)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var file = Path.Combine(d.FullName, "agreements", name + ".yaml");
            if (File.Exists(file))
            {
                return file;
            }
        }

        throw new FileNotFoundException(name);
    }
}
