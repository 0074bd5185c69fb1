// A writer for the crash tests: it appends one event to a case and pauses inside the append's transaction, after
// writing the marker file, until the test kills it. The tests need a real second process: DuckDB's file lock is per
// process, and only a killed process shows that an uncommitted append leaves nothing behind.
//
// usage: TradeAccord.Storage.PausingWriter <db> <case-id> <marker-file>
//   <db>  a DuckDB file or a PostgreSQL connection string, as accord's --db
using TradeAccord.Core.Enforcement;
using TradeAccord.Storage;
using TradeAccord.Storage.Cases;

if (args is not [var db, var caseId, var marker])
{
    await Console.Error.WriteLineAsync("usage: TradeAccord.Storage.PausingWriter <db> <case-id> <marker-file>");
    return 2;
}

var options = new StoreOptions
{
    BeforeCommit = _ =>
    {
        File.WriteAllText(marker, caseId);
        // Bounded, so a writer the test failed to kill ends by itself; throwing rolls the append back.
        Thread.Sleep(TimeSpan.FromMinutes(2));
        throw new TimeoutException("not killed within two minutes: giving up without committing");
    },
};

using var store = CaseStores.Open(db, options);
var stored = store.Load(caseId);
if (stored is null)
{
    await Console.Error.WriteLineAsync($"no case {caseId} in {store.Description}");
    return 1;
}

// The next link of the chain: a note that changes no stage, sealed as any event is.
var last = stored.Events[^1];
var note = new CaseEvent(stored.Version + 1, "note", last.At, null, last.ToStage, last.ToStage,
    "written by a process killed before it commits", null, last.Hash, "");
store.Append(caseId, stored.Version, CaseChain.Seal(caseId, note));
return 0;
