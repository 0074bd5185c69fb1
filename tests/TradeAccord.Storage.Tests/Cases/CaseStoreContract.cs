using System.Data.Common;
using TradeAccord.App.Cases;
using TradeAccord.Core.Common;
using TradeAccord.Core.Enforcement;
using TradeAccord.Core.Errors;
using TradeAccord.Storage.Cases;
using TradeAccord.Sources.References;

namespace TradeAccord.Storage.Tests.Cases;

/// <summary>
/// What every case store must do, run against DuckDB and against PostgreSQL: the phase one process walked to each
/// of its ends on a fake clock, every out-of-order action refused, tampering detected, two writers racing, and a
/// write failing before its commit.
/// </summary>
public abstract class CaseStoreContract : IDisposable
{
    private static readonly CountryCode US = CountryCode.US;
    private static readonly CountryCode CN = CountryCode.CN;

    /// <summary>Opens this test's store: empty on the first open (a new file or a new database), the same store on every later one.</summary>
    protected abstract ICaseStore Open(StoreOptions options);

    public abstract void Dispose();

    private ICaseStore NewStore() => Open(StoreOptions.Default);

    /// <summary>A second connection to the same store, for the racing writer.</summary>
    private ICaseStore SecondConnection() => Open(StoreOptions.Default);

    private CaseService Service(ICaseStore store) => new(store, Shipped.Loader);

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private (CaseService Cases, string Id) Opened(ICaseStore store, bool confidential = false)
    {
        var cases = Service(store);
        var view = cases.Open(Shipped.Loader.Documents.Find(ReferenceKind.Agreement, "us-china-phase-one")!, US, CN, "6.2", "Purchases of 2020 short of Article 6.2", D("2021-01-15"), confidential);
        return (cases, view.Header.Id);
    }

    private static void Ok((CaseView View, Step Step) result) => result.Step.Refusal.ShouldBeNull();

    [Fact]
    public void A_case_opens_in_the_first_stage_with_the_templates_deadline()
    {
        using var store = NewStore();
        var (cases, id) = Opened(store);

        id.ShouldBe("US-CN-2021-001");
        var view = cases.View(id, D("2021-01-15"), new Viewer(US));
        view.Stage.Id.ShouldBe("assessment");
        view.Events.Single().Kind.ShouldBe("appeal-filed");
        view.Deadlines.Single().ShouldBe(new Deadline("consultation-high-level", D("2021-04-15"), false, false));
        view.Permitted.Select(a => a.Id).ShouldBe(["assess"]);
        Opened(store).Id.ShouldBe("US-CN-2021-002");
    }

    [Fact]
    public void Cases_opened_on_the_calendars_last_day_are_numbered_within_their_year()
    {
        // Found by fuzzing the case endpoint: a year's cases were counted up to the next year's first day, which does not
        // exist after 9999 (requests now stop at 2100, Fields.RecordDates); the count takes the year's days inclusive.
        using var store = NewStore();
        var cases = Service(store);
        var phaseOne = Shipped.Loader.Documents.Find(ReferenceKind.Agreement, "us-china-phase-one")!;

        cases.Open(phaseOne, US, CN, "6.2", "Filed on the last day", D("2100-12-31"), false).Header.Id.ShouldBe("US-CN-2100-001");
        cases.Open(phaseOne, US, CN, "6.2", "Filed on the last day again", D("2100-12-31"), false).Header.Id.ShouldBe("US-CN-2100-002");
        cases.Open(phaseOne, US, CN, "6.2", "Filed on the year's first day", D("2100-01-01"), false).Header.Id.ShouldBe("US-CN-2100-003");
    }

    [Fact]
    public void Consultations_end_in_consensus()
    {
        using var store = NewStore();
        var (cases, id) = Opened(store);
        Ok(cases.Advance(id, "assess", CN, D("2021-02-01"), "assessed"));
        Ok(cases.Advance(id, "hold-consultation", US, D("2021-02-10"), "first meeting"));
        Ok(cases.Advance(id, "escalate", CN, D("2021-02-20"), null));
        Ok(cases.Advance(id, "reach-consensus", null, D("2021-03-01"), "China to publish a purchase plan"));

        var view = cases.View(id, D("2021-06-01"), new Viewer(US));
        view.Stage.Id.ShouldBe("resolved");
        view.Stage.IsFinal.ShouldBeTrue();
        view.Deadlines.ShouldBeEmpty();
        view.Overdue.ShouldBeFalse();
        view.Events.Select(e => e.Kind).ShouldBe(["appeal-filed", "assess", "hold-consultation", "escalate", "reach-consensus"]);
        cases.Advance(id, "escalate", US, D("2021-06-01"), null).Step.Refusal.ShouldBe("the case is closed (resolved: Resolved by consensus): no action is possible");
        cases.VerifyAsAuditor(id).ShouldBeNull();
    }

    [Fact]
    public void No_consensus_ends_in_a_response_and_a_counter_measure_is_rejected_on_record()
    {
        using var store = NewStore();
        var (cases, id) = ToDetermination(store);
        var responses = new CaseResponses(cases, Shipped.Loader);
        var scenario = Path.Combine(Path.GetTempPath(), $"accord-response-{Guid.NewGuid():N}.yaml");
        try
        {
            var (view, step, terms) = responses.SuspendObligation(id, D("2021-04-20"), "us-list4a", scenario);
            step.Refusal.ShouldBeNull();
            view.Stage.Id.ShouldBe("response-taken");
            terms.Kind.ShouldBe("suspend-obligation");
            File.ReadAllText(scenario).ShouldContain("replace: us301-l4a-15");
        }
        finally
        {
            File.Delete(scenario);
        }

        var counter = cases.Advance(id, "counter-respond", CN, D("2021-04-25"), "tariffs on US soybeans");
        counter.Step.RecordedRefusal.ShouldBeTrue();
        counter.View.Stage.Id.ShouldBe("response-taken");
        counter.View.Events[^1].Kind.ShouldBe(CaseWorkflow.CounterResponseRejected);
        Ok(cases.Advance(id, "accept-response", CN, D("2021-05-01"), null));
        cases.View(id, D("2021-05-01"), new Viewer(CN)).Stage.Id.ShouldBe("closed");
        cases.VerifyAsAuditor(id).ShouldBeNull();
    }

    [Fact]
    public void A_bad_faith_claim_ends_in_withdrawal_after_the_notice_period()
    {
        using var store = NewStore();
        var (cases, id) = ToDetermination(store);
        using (var scenario = new TempFile())
        {
            new CaseResponses(cases, Shipped.Loader).SuspendObligation(id, D("2021-04-20"), "us-list4a", scenario.Path).Step.Refusal.ShouldBeNull();
        }

        Ok(cases.Advance(id, "notice-withdrawal", CN, D("2021-05-01"), "the response was taken in bad faith"));
        var noticed = cases.View(id, D("2021-05-01"), new Viewer(CN));
        noticed.Termination.ShouldBe(D("2021-06-30"));
        noticed.Deadlines.Single().ShouldBe(new Deadline("withdrawal-noticed", D("2021-06-30"), false, false));
        noticed.Permitted.ShouldBeEmpty("termination waits for the notice period");

        cases.Advance(id, "terminate", US, D("2021-06-29"), null).Step.Refusal
            .ShouldBe("'terminate' is possible from 2021-06-30, when the time limit of withdrawal-noticed has passed");
        Ok(cases.Advance(id, "terminate", US, D("2021-06-30"), null));
        var ended = cases.View(id, D("2021-07-01"), new Viewer(US));
        ended.Stage.Id.ShouldBe("terminated");
        ended.Termination.ShouldBe(D("2021-06-30"));
    }

    [Fact]
    public void Deadlines_follow_the_fake_clock()
    {
        using var store = NewStore();
        var (cases, id) = Opened(store);
        cases.View(id, D("2021-04-15"), new Viewer(US)).Overdue.ShouldBeFalse();
        cases.View(id, D("2021-04-16"), new Viewer(US)).Overdue.ShouldBeTrue();
        Ok(cases.Advance(id, "assess", CN, D("2021-02-01"), null));
        cases.View(id, D("2021-04-16"), new Viewer(US)).Overdue.ShouldBeTrue("still in consultations after the 90 days");
        cases.List(D("2021-04-16"), new Viewer(US)).Single().Overdue.ShouldBeTrue();
        Ok(cases.Advance(id, "reach-consensus", null, D("2021-04-20"), null));
        cases.View(id, D("2021-05-01"), new Viewer(US)).Overdue.ShouldBeFalse();
    }

    [Fact]
    public void Every_action_out_of_order_or_by_the_wrong_party_is_refused_with_the_permitted_ones()
    {
        using var store = NewStore();
        var (cases, id) = Opened(store);
        var all = cases.AgreementOf(store.Load(id)!.Header).Enforcement!.Stages.SelectMany(s => s.Actions).Select(a => a.Id).Distinct().ToList();
        foreach (var action in all.Where(a => a != "assess"))
        {
            var refused = cases.Advance(id, action, US, D("2021-01-20"), null).Step;
            refused.Refusal.ShouldBe($"'{action}' is not an action of stage assessment");
            refused.Permitted.Select(a => a.Id).ShouldBe(["assess"]);
        }

        cases.Advance(id, "assess", US, D("2021-01-20"), null).Step.Refusal.ShouldBe("only the party-complained-against (CN) may take this action, not US");
        cases.Advance(id, "assess", CN, D("2021-01-10"), null).Step.Refusal.ShouldStartWith("2021-01-10 is before the last event (appeal-filed on 2021-01-15)");
        Ok(cases.Advance(id, "assess", null, D("2021-01-20"), null));
        cases.Advance(id, "escalate", null, D("2021-01-21"), null).Step.Refusal.ShouldBe("either party may take this action: say which with --by US or --by CN");
        store.Load(id)!.Events.Count.ShouldBe(2, "refusals write nothing");
    }

    [Fact]
    public void An_edited_event_is_detected_and_named()
    {
        using var store = NewStore();
        var (cases, id) = Opened(store);
        Ok(cases.Advance(id, "assess", CN, D("2021-02-01"), "assessed"));
        Ok(cases.Advance(id, "hold-consultation", US, D("2021-02-10"), "first meeting"));
        cases.VerifyAsAuditor(id).ShouldBeNull();

        Tamper(store, "UPDATE case_events SET note = 'no meeting took place' WHERE case_id = $1 AND seq = 2", id);

        var broken = cases.VerifyAsAuditor(id)!.Value;
        broken.Event.Sequence.ShouldBe(2);
        broken.Problem.ShouldBe("its content does not match its hash: the event was changed after it was written");
    }

    [Fact]
    public void A_deleted_event_and_an_edited_header_are_detected()
    {
        using var store = NewStore();
        var (cases, id) = Opened(store);
        Ok(cases.Advance(id, "assess", CN, D("2021-02-01"), null));
        Ok(cases.Advance(id, "hold-consultation", US, D("2021-02-10"), null));

        Tamper(store, "UPDATE cases SET summary = 'nothing to see' WHERE id = $1", id);
        cases.VerifyAsAuditor(id)!.Value.Problem.ShouldBe("the stored case header differs from the one sealed in the appeal");

        Tamper(store, "DELETE FROM case_events WHERE case_id = $1 AND seq = 2", id);
        var broken = cases.VerifyAsAuditor(id)!.Value;
        broken.Event.Sequence.ShouldBe(3);
        broken.Problem.ShouldStartWith("sequence 3 where 2 was expected");
    }

    [Fact]
    public void Two_writers_on_one_case_end_with_one_conflict_and_no_lost_event()
    {
        using var first = NewStore();
        var (cases, id) = Opened(first);
        using var second = SecondConnection();
        var header = first.Load(id)!.Header;
        var workflow = new CaseWorkflow(cases.AgreementOf(header).Enforcement!);
        var seen = first.Load(id)!;
        var stale = second.Load(id)!;

        var a = workflow.Advance(header, seen.Events, "assess", CN, D("2021-02-01"), "writer A").Event!;
        var b = workflow.Advance(header, stale.Events, "assess", CN, D("2021-02-02"), "writer B").Event!;
        first.Append(id, seen.Version, a);
        Should.Throw<CaseConflictException>(() => second.Append(id, stale.Version, b)).Message.ShouldContain("another writer got there first");

        var final = first.Load(id)!;
        final.Events.Select(e => e.Note).ShouldBe(["Purchases of 2020 short of Article 6.2", "writer A"]);
        CaseChain.FirstBreak(id, final.Events).ShouldBeNull();
    }

    [Fact]
    public void Creating_a_case_whose_id_is_taken_is_a_conflict_that_changes_nothing()
    {
        using var store = NewStore();
        var (_, id) = Opened(store);
        var stored = store.Load(id)!;

        var error = Should.Throw<CaseConflictException>(() => store.Create(stored.Header with { Summary = "a second case" }, stored.Events[0]));
        error.Message.ShouldBe($"case {id} exists already");
        error.Kind.ShouldBe(ErrorKind.Conflict);
        error.InnerException.ShouldBeAssignableTo<DbException>();
        var after = store.Load(id)!;
        after.Header.ShouldBe(stored.Header);
        after.Events.ShouldBe(stored.Events);
    }

    [Fact]
    public async Task A_writer_racing_inside_anothers_transaction_is_stopped_by_the_key()
    {
        using var store = NewStore();
        var (cases, id) = Opened(store);
        var seen = store.Load(id)!;
        var workflow = new CaseWorkflow(cases.AgreementOf(seen.Header).Enforcement!);
        var a = workflow.Advance(seen.Header, seen.Events, "assess", CN, D("2021-02-01"), "writer A").Event!;
        var b = workflow.Advance(seen.Header, seen.Events, "assess", CN, D("2021-02-02"), "writer B").Event!;

        // Writer B starts inside A's transaction, after A's insert: both passed the version check on the same log, so
        // only the (case, seq) key can stop one of them.
        var racer = Task.CompletedTask;
        Exception? first = null;
        using (var writerA = Open(new StoreOptions { BeforeCommit = _ => racer = Race.Inside(() =>
               {
                   using var writerB = SecondConnection();
                   writerB.Append(id, seen.Version, b);
               }) }))
        {
            try
            {
                writerA.Append(id, seen.Version, a);
            }
            catch (CaseConflictException e)
            {
                first = e;
            }
        }

        var second = await Race.Outcome(racer);
        (first is null).ShouldNotBe(second is null, "exactly one writer wins");
        var lost = (first ?? second).ShouldBeOfType<CaseConflictException>();
        lost.Message.ShouldBe($"case {id} was changed by another writer while this event was written: reload the case and try again");
        var events = store.Load(id)!.Events;
        events.Select(e => e.Note).ShouldBe(["Purchases of 2020 short of Article 6.2", first is null ? "writer A" : "writer B"]);
        CaseChain.FirstBreak(id, events).ShouldBeNull();
    }

    [Fact]
    public void A_fault_inside_a_write_before_its_commit_leaves_nothing()
    {
        using var store = NewStore();
        var (cases, id) = Opened(store);
        var seen = store.Load(id)!;
        var next = new CaseWorkflow(cases.AgreementOf(seen.Header).Enforcement!).Advance(seen.Header, seen.Events, "assess", CN, D("2021-02-01"), null).Event!;
        using (var faulty = Open(new StoreOptions { BeforeCommit = _ => throw new InvalidOperationException("fault injected before the commit") }))
        {
            Should.Throw<InvalidOperationException>(() => faulty.Append(id, seen.Version, next));
            Should.Throw<InvalidOperationException>(() => faulty.Create(seen.Header with { Id = "US-CN-2021-900" }, seen.Events[0]));
        }

        store.Load(id)!.Events.Count.ShouldBe(1);
        store.Load("US-CN-2021-900").ShouldBeNull();
        store.Append(id, seen.Version, next);
        store.Load(id)!.Events.Count.ShouldBe(2);
    }

    [Fact]
    public void Racing_writers_on_threads_never_interleave()
    {
        using var store = NewStore();
        var (cases, id) = Opened(store);
        Ok(cases.Advance(id, "assess", CN, D("2021-02-01"), null));
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, i =>
        {
            using var writer = SecondConnection();
            var service = Service(writer);
            try
            {
                var step = service.Advance(id, "hold-consultation", US, D("2021-02-10"), $"meeting {i}").Step;
                outcomes.Add(step.Refusal is null ? "written" : "refused");
            }
            catch (CaseConflictException)
            {
                outcomes.Add("conflict");
            }
        });

        var events = store.Load(id)!.Events;
        events.Count.ShouldBe(2 + outcomes.Count(o => o == "written"));
        outcomes.Count(o => o == "written").ShouldBeGreaterThanOrEqualTo(1);
        (outcomes.Count(o => o == "written") + outcomes.Count(o => o == "conflict")).ShouldBe(8);
        CaseChain.FirstBreak(id, events).ShouldBeNull();
    }

    [Fact]
    public void A_confidential_case_is_read_only_by_the_two_offices()
    {
        using var store = NewStore();
        var (cases, id) = Opened(store, confidential: true);
        cases.View(id, D("2021-01-20"), new Viewer(US)).Header.Confidential.ShouldBeTrue();
        cases.View(id, D("2021-01-20"), new Viewer(CN)).Stage.Id.ShouldBe("assessment");
        Should.Throw<CaseException>(() => cases.View(id, D("2021-01-20"), Viewer.Observer))
            .Message.ShouldBe($"case {id} is confidential: readable only by the offices of US and CN");
        cases.List(D("2021-01-20"), Viewer.Observer).ShouldBeEmpty();
        cases.List(D("2021-01-20"), new Viewer(CN)).Count.ShouldBe(1);
    }

    [Fact]
    public void An_observer_cannot_act_on_a_confidential_case_nor_learn_of_it_by_trying()
    {
        using var store = NewStore();
        var (cases, id) = Opened(store, confidential: true);
        var refused = Should.Throw<CaseException>(() => cases.Advance(id, "assess", null, D("2021-02-01"), null));
        refused.NotFound.ShouldBeTrue();
        refused.Message.ShouldNotContain("Purchases");
        Should.Throw<CaseException>(() => cases.Verify(id, Viewer.Observer)).NotFound.ShouldBeTrue();
        cases.Verify(id, new Viewer(CN)).ShouldBeNull();
        store.Load(id)!.Events.Count.ShouldBe(1);
    }

    [Fact]
    public void A_view_at_an_earlier_date_replays_the_case_as_it_stood_then()
    {
        using var store = NewStore();
        var (cases, id) = ToDetermination(store);

        var then = cases.View(id, D("2021-03-01"), new Viewer(US));
        then.Events.Select(e => e.Kind).ShouldBe(["appeal-filed", "assess", "escalate"]);
        then.Stage.Id.ShouldBe("consultation-deputies");
        var deadlineDay = cases.View(id, D("2021-04-15"), new Viewer(US));
        deadlineDay.Stage.Id.ShouldBe("consultation-high-level");
        cases.View(id, D("2021-04-16"), new Viewer(US)).Stage.Id.ShouldBe("determination");
        // The case did not exist before its appeal: not listed, and not shown.
        cases.List(D("2021-01-14"), new Viewer(US)).ShouldBeEmpty();
        Should.Throw<CaseException>(() => cases.View(id, D("2021-01-14"), new Viewer(US))).NotFound.ShouldBeTrue();
    }

    [Fact]
    public void A_list_as_of_a_past_day_flags_the_deadline_missed_that_day()
    {
        using var store = NewStore();
        var (cases, id) = Opened(store);
        Ok(cases.Advance(id, "assess", CN, D("2021-02-01"), null));
        Ok(cases.Advance(id, "reach-consensus", null, D("2021-04-20"), null));

        // Consensus came on 2021-04-20, five days after the 90 days ran out: on 2021-04-16 the case was overdue.
        cases.List(D("2021-04-16"), new Viewer(US)).Single().Overdue.ShouldBeTrue();
        cases.List(D("2021-04-21"), new Viewer(US)).Single().Overdue.ShouldBeFalse();
    }

    private (CaseService Cases, string Id) ToDetermination(ICaseStore store)
    {
        var (cases, id) = Opened(store);
        Ok(cases.Advance(id, "assess", CN, D("2021-02-01"), null));
        Ok(cases.Advance(id, "escalate", US, D("2021-02-20"), null));
        Ok(cases.Advance(id, "escalate", US, D("2021-03-10"), null));
        Ok(cases.Advance(id, "determine", US, D("2021-04-16"), "no consensus"));
        return (cases, id);
    }

    private static void Tamper(ICaseStore store, string sql, string id)
    {
        var connection = ((SqlCaseStore)store).Connection;
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.Value = id;
        command.Parameters.Add(parameter);
        command.ExecuteNonQuery().ShouldBeGreaterThan(0);
    }

    private sealed class TempFile : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"accord-{Guid.NewGuid():N}.yaml");

        public void Dispose() => File.Delete(Path);
    }
}
