using System.Diagnostics;
using Npgsql;
using TradeAccord.Core.Enforcement;
using TradeAccord.Storage.Cases;

namespace TradeAccord.Cli.Tests.Commands;

/// <summary><c>accord case</c> end to end on a DuckDB file per test (and a crash test on both stores).</summary>
public sealed class CaseCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("accord-case-cli-").FullName;

    private string Db => Path.Combine(_folder, "store.duckdb");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<CliRun> Run(params string[] args) => CliRun.Of([.. args, "--db", Db]);

    private async Task<string> Open(string at = "2021-01-15", params string[] extra)
    {
        var run = await Run(["case", "open", "--agreement", "agreements/us-china-phase-one.yaml", "--complainant", "US", "--respondent", "CN",
            "--article", "6.2", "--summary", "Purchases short of Article 6.2", "--at", at, "--format", "json", .. extra]);
        run.ExitCode.ShouldBe(0, run.Error);
        return run.Json.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Open_prints_id_state_and_deadlines()
    {
        var run = await Run("case", "open", "--agreement", "agreements/us-china-phase-one.yaml", "--complainant", "US", "--respondent", "CN",
            "--article", "6.2", "--summary", "Purchases short of Article 6.2", "--at", "2021-01-15", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Json.GetProperty("id").GetString().ShouldBe("US-CN-2021-001");
        run.Json.GetProperty("state").GetString().ShouldBe("assessment");
        var deadline = run.Json.GetProperty("deadlines")[0];
        deadline.GetProperty("stage").GetString().ShouldBe("consultation-high-level");
        deadline.GetProperty("due").GetString().ShouldBe("2021-04-15");
    }

    [Fact]
    public async Task A_refused_action_lists_the_permitted_ones_and_exits_non_zero()
    {
        var id = await Open();
        var run = await Run("case", "advance", id, "--action", "respond", "--at", "2021-01-20");
        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain("refused: 'respond' is not an action of stage assessment");
        run.Error.ShouldContain("permitted now: assess (by party-complained-against)");
    }

    [Fact]
    public async Task Show_and_list_replay_the_case_as_of_a_date()
    {
        var id = await Open();
        (await Run("case", "advance", id, "--action", "assess", "--by", "CN", "--at", "2021-02-01", "--note", "assessed")).ExitCode.ShouldBe(0);

        var show = await Run("case", "show", id, "--at", "2021-05-01", "--format", "json");
        show.ExitCode.ShouldBe(0, show.Error);
        show.Json.GetProperty("state").GetString().ShouldBe("consultation-officials");
        show.Json.GetProperty("events").GetArrayLength().ShouldBe(2);
        show.Json.GetProperty("overdue").GetBoolean().ShouldBeTrue();
        show.Json.GetProperty("deadlines")[0].GetProperty("due").GetString().ShouldBe("2021-04-15");

        (await Run("case", "list", "--overdue", "--at", "2021-04-15")).Out.ShouldNotContain(id);
        (await Run("case", "list", "--overdue", "--at", "2021-04-16")).Out.ShouldContain(id);
    }

    [Fact]
    public async Task Verify_exits_zero_when_intact_and_one_naming_the_first_bad_event()
    {
        var id = await Open();
        (await Run("case", "advance", id, "--action", "assess", "--by", "CN", "--at", "2021-02-01")).ExitCode.ShouldBe(0);
        var intact = await Run("case", "verify", id);
        intact.ExitCode.ShouldBe(0);
        intact.Out.ShouldContain($"{id}: chain intact (2 events)");

        using (var store = DuckDbCaseStore.Open(Db))
        using (var command = store.Connection.CreateCommand())
        {
            command.CommandText = "UPDATE case_events SET event_date = DATE '2021-01-31' WHERE seq = 2";
            command.ExecuteNonQuery();
        }

        var broken = await Run("case", "verify", id);
        broken.ExitCode.ShouldBe(1);
        broken.Out.ShouldContain($"{id}: chain broken at event 2 (assess, 2021-01-31): its content does not match its hash");
    }

    [Fact]
    public async Task A_confidential_case_is_refused_to_an_observer()
    {
        var id = await Open("2021-01-15", "--confidential");
        var observer = await Run("case", "show", id, "--at", "2021-01-20");
        observer.ExitCode.ShouldBe(1);
        observer.Error.ShouldContain("is confidential: readable only by the offices of US and CN");
        (await Run("case", "show", id, "--at", "2021-01-20", "--as", "CN")).ExitCode.ShouldBe(0);

        // Acting is reading: an observer's action is refused without a word of the case, and nothing is recorded.
        var act = await Run("case", "advance", id, "--action", "assess", "--at", "2021-02-01");
        act.ExitCode.ShouldBe(1);
        (act.Out + act.Error).ShouldNotContain("Purchases short");
        (await Run("case", "verify", id)).ExitCode.ShouldBe(1);
        (await Run("case", "advance", id, "--action", "assess", "--as", "US", "--by", "CN", "--at", "2021-02-01")).Error.ShouldContain("--as US cannot act --by CN");
        (await Run("case", "verify", id, "--as", "CN")).Out.ShouldContain("chain intact (1 events)");
    }

    [Fact]
    public async Task A_later_event_does_not_show_in_a_replay_of_an_earlier_day()
    {
        var id = await Open();
        (await Run("case", "advance", id, "--action", "assess", "--by", "CN", "--at", "2021-02-01")).ExitCode.ShouldBe(0);
        (await Run("case", "advance", id, "--action", "reach-consensus", "--by", "US", "--at", "2021-04-20")).ExitCode.ShouldBe(0);

        var before = await Run("case", "show", id, "--at", "2021-04-16", "--format", "json");
        before.Json.GetProperty("state").GetString().ShouldBe("consultation-officials");
        before.Json.GetProperty("events").GetArrayLength().ShouldBe(2);
        before.Json.GetProperty("overdue").GetBoolean().ShouldBeTrue();
        (await Run("case", "list", "--overdue", "--at", "2021-04-16")).Out.ShouldContain(id);
        (await Run("case", "list", "--overdue", "--at", "2021-04-21")).Out.ShouldNotContain(id);
    }

    [Fact]
    public async Task After_a_withdrawal_notice_show_says_when_termination_opens()
    {
        var id = await Open("2021-01-15");
        foreach (var (action, by, at) in new[]
                 {
                     ("assess", "CN", "2021-02-01"), ("escalate", "US", "2021-02-20"), ("escalate", "US", "2021-03-10"), ("determine", "US", "2021-04-16"),
                 })
        {
            (await Run("case", "advance", id, "--action", action, "--by", by, "--at", at)).ExitCode.ShouldBe(0);
        }

        var respond = await Run("case", "respond", id, "--proportionate", "--harm", "10000000000", "--at", "2021-05-01", "--as", "US", "--output", Path.Combine(_folder, "r.yaml"));
        respond.ExitCode.ShouldBe(0, respond.Error);
        (await Run("case", "advance", id, "--action", "notice-withdrawal", "--by", "CN", "--at", "2021-05-20")).ExitCode.ShouldBe(0);

        // 60 days' notice from 2021-05-20: the obligations end on 2021-07-19, and termination may be recorded from the day after.
        var show = await Run("case", "show", id, "--at", "2021-06-01", "--as", "US");
        show.Out.ShouldContain("withdrawal: the agreement's obligations end on 2021-07-19");
        show.Out.ShouldContain("permitted from 2021-07-20: terminate (either-party)");
    }

    [Fact]
    public async Task A_proportionate_response_is_recorded_and_priced_on_real_lines()
    {
        var id = await Open("2020-03-02");
        foreach (var (action, by, at) in new[] { ("assess", "CN", "2020-03-10"), ("escalate", "US", "2020-04-01"), ("escalate", "US", "2020-05-01"), ("determine", "US", "2020-06-01") })
        {
            (await Run("case", "advance", id, "--action", action, "--by", by, "--at", at)).ExitCode.ShouldBe(0);
        }

        var scenario = Path.Combine(_folder, "response.yaml");
        var respond = await Run("case", "respond", id, "--proportionate", "--harm", "10000000000", "--at", "2020-07-01", "--output", scenario);
        respond.ExitCode.ShouldBe(0, respond.Error);
        respond.Out.ShouldContain("harm claimed: 10.00 USD bn a year");
        // 101.81 USD bn: the 2017 US imports from China on the lines 9903.88.15 covers (data/SOURCES.md section 6,
        // USITC DataWeb via trade/us_imports_from_china_hts10_2017_usitc.csv); 10 / 101.81 = 9.82%, rounded up to 10%.
        respond.Out.ShouldContain("Section 301 List 4A (9903.88.15): imports 101.81 USD bn in 2017; rate needed 10.00 / 101.81 = 9.82%");
        respond.Out.ShouldContain("rate rounded up to half a point: 10%; estimated cost 101.81 × 10% = 10.18 USD bn a year");

        // A List 4A line (live horses; 0101.21.00 is under 9903.88.15 in section301/usitc_china_tariffs_2020-01-01.csv,
        // general rate free in the HTS) entered after the response: 10,000 × (7.5% from 2020-02-14 + the 10% response) = 1,750.
        var duty = await CliRun.Of("duty", "--hts", "0101.21.0010", "--origin", "CN", "--entry-date", "2020-08-01", "--value", "10000", "--scenario", scenario, "--format", "json");
        duty.ExitCode.ShouldBe(0, duty.Error);
        duty.Json.GetProperty("totalDuty").GetDecimal().ShouldBe(1_750m);
        var show = await Run("case", "show", id, "--at", "2020-07-01", "--format", "json");
        show.Json.GetProperty("state").GetString().ShouldBe("response-taken");
        show.Json.GetProperty("events")[5].GetProperty("data").GetString()!.ShouldContain("\"kind\":\"remedial-measure\"");
    }

    [Theory]
    [InlineData("duckdb")]
    [InlineData("postgres")]
    public async Task A_process_killed_in_the_middle_of_a_write_leaves_the_log_readable_and_the_case_consistent(string kind)
    {
        var (db, cleanup) = kind == "duckdb" ? (Db, (Action)(() => { })) : NewPostgresDatabase();
        try
        {
            var open = await CliRun.Of("case", "open", "--complainant", "US", "--respondent", "CN", "--summary", "crash test", "--at", "2021-01-15", "--format", "json", "--db", db);
            open.ExitCode.ShouldBe(0, open.Error);
            var id = open.Json.GetProperty("id").GetString()!;

            // The writer is a process of its own that appends to the case and pauses inside the transaction.
            var marker = Path.Combine(_folder, "paused");
            using (var writer = StartWriter(db, id, marker))
            {
                for (var waited = 0; !File.Exists(marker); waited += 100)
                {
                    if (writer.HasExited)
                    {
                        throw new ShouldAssertException($"the writer ended before pausing: {await writer.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}");
                    }

                    waited.ShouldBeLessThan(60_000, "the writer never reached its pause");
                    await Task.Delay(100, TestContext.Current.CancellationToken);
                }

                writer.HasExited.ShouldBeFalse("the writer is paused inside its transaction");
                writer.Kill(entireProcessTree: true);
                await writer.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            var verify = await CliRun.Of("case", "verify", id, "--db", db);
            verify.ExitCode.ShouldBe(0, verify.Out + verify.Error);
            verify.Out.ShouldContain("chain intact (1 events)");
            var retry = await CliRun.Of("case", "advance", id, "--action", "assess", "--by", "CN", "--at", "2021-02-01", "--db", db, "--format", "json");
            retry.ExitCode.ShouldBe(0, retry.Error);
            retry.Json.GetProperty("events").GetArrayLength().ShouldBe(2);
        }
        finally
        {
            cleanup();
        }
    }

    [Fact]
    public async Task A_second_process_waits_for_the_duckdb_lock_instead_of_failing()
    {
        var id = await Open();
        var marker = Path.Combine(_folder, "holding");
        using var holder = StartWriter(Db, id, marker);
        for (var waited = 0; !File.Exists(marker); waited += 100)
        {
            holder.HasExited.ShouldBeFalse("the first writer ended before pausing");
            waited.ShouldBeLessThan(60_000, "the first writer never reached its pause");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        // The first process holds the file; a second one started now must wait for it, not fail on the lock. Each time
        // it meets the lock it reads the file (DuckDB, then the check that tells a held database from a broken file),
        // which the kernel reports as accesses: at most three a try (measured), so ten mean it met the lock and came
        // back again and again. The paused holder reads nothing meanwhile, and no time is guessed: a slow start only
        // delays the signal.
        var accesses = 0;
        using var watcher = new FileSystemWatcher(Path.GetDirectoryName(Db)!, Path.GetFileName(Db)) { NotifyFilter = NotifyFilters.LastAccess };
        watcher.Changed += (_, _) => Interlocked.Increment(ref accesses);
        watcher.EnableRaisingEvents = true;
        using var second = Process.Start(new ProcessStartInfo(BuiltPrograms.Executable("TradeAccord.Cli", "accord"), ["case", "show", id, "--at", "2021-02-01", "--format", "json", "--db", Db])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        })!;
        for (var waited = 0; Volatile.Read(ref accesses) < 10; waited += 50)
        {
            if (second.HasExited)
            {
                Assert.Fail($"the second process ended (exit {second.ExitCode}) instead of waiting for the lock: "
                            + await second.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
            }

            waited.ShouldBeLessThan(120_000, "the second process never tried the file twice");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        second.HasExited.ShouldBeFalse("the second process should be waiting for the lock");
        holder.Kill(entireProcessTree: true);
        await holder.WaitForExitAsync(TestContext.Current.CancellationToken);
        var output = await second.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await second.WaitForExitAsync(TestContext.Current.CancellationToken);
        second.ExitCode.ShouldBe(0, await second.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
        output.ShouldContain("\"state\": \"assessment\"");
    }

    // A writer that appends an event to the case and pauses inside the append's transaction (after writing the
    // marker file) until it is killed: the store takes the pause as a hook at construction, so it is a small program
    // of its own, not a switch in accord.
    private static Process StartWriter(string db, string caseId, string marker)
    {
        var start = new ProcessStartInfo(BuiltPrograms.Executable("TradeAccord.Storage.PausingWriter", "TradeAccord.Storage.PausingWriter"))
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { db, caseId, marker })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static (string ConnectionString, Action Cleanup) NewPostgresDatabase()
    {
        var server = Environment.GetEnvironmentVariable("ACCORD_TEST_PG")
                     ?? throw new InvalidOperationException("ACCORD_TEST_PG is not set: run ./scripts/test.sh, which starts PostgreSQL for the tests");
        var name = "accord_crash_" + Guid.NewGuid().ToString("N");
        Admin(server, $"CREATE DATABASE {name}");
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
        return (connection, () => Admin(server, $"DROP DATABASE {name} WITH (FORCE)"));
    }

    private static void Admin(string server, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
