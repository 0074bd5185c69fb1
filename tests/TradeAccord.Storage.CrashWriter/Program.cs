// The child of the crash trials (CrashTrials): it writes to a store until the trial kills it with SIGKILL at a
// random moment, and prints each write only after it has committed, so the trial knows what was acknowledged.
//
// usage: TradeAccord.Storage.CrashWriter import <db> <series> <vintage> <file>
//          imports a trade file as `accord data import` does, printing "commit <series>/<vintage>" when its transaction
//          is written and about to commit, then "imported <series> <vintage> <rows>"
//        TradeAccord.Storage.CrashWriter append <db> <case-id> [<events>]
//          appends notes to the case, printing "commit <case-id>" before and "ack <sequence> <hash>" after each commit
//          (until killed, or <events>)
//        TradeAccord.Storage.CrashWriter built-in <db>
//          loads the built-in trade data as a first request does, printing "imported <series> <vintage> <rows>" for each
//   <db>  a DuckDB file or a PostgreSQL connection string, as accord's --db
using TradeAccord.App.Tracking;
using TradeAccord.Core.Enforcement;
using TradeAccord.Sources;
using TradeAccord.Storage;
using TradeAccord.Storage.Cases;

// A second process waits for the first one's DuckDB lock for as long as a built-in import can take on a busy machine.
// The commit line tells the trial that a kill after it came while the transaction, whole, was committing.
var patient = new StoreOptions { LockWait = TimeSpan.FromMinutes(5), BeforeCommit = subject => Console.Out.WriteLine($"commit {subject}") };
switch (args)
{
    case ["import", var db, var series, var vintage, var file]:
    {
        using var store = TradeStores.Open(db, patient);
        var stored = TradeData.Import(store, series, file, vintage);
        Console.Out.WriteLine($"imported {stored.Series} {stored.Vintage} {stored.Rows}");
        return 0;
    }

    case ["append", var db, var caseId, .. var rest] when rest is [] or [_]:
    {
        var count = rest is [var n] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue;
        using var store = CaseStores.Open(db, patient);
        var stored = store.Load(caseId);
        if (stored is null)
        {
            await Console.Error.WriteLineAsync($"no case {caseId} in {store.Description}");
            return 1;
        }

        var last = stored.Events[^1];
        for (var i = 0; i < count; i++)
        {
            // The next link of the chain: a note that changes no stage, sealed as any event is.
            var note = CaseChain.Seal(caseId, new CaseEvent(last.Sequence + 1, "note", last.At, null, last.ToStage, last.ToStage,
                $"note {last.Sequence + 1}, written until the process is killed", null, last.Hash, ""));
            store.Append(caseId, last.Sequence, note);
            Console.Out.WriteLine($"ack {note.Sequence} {note.Hash}");
            last = note;
        }

        return 0;
    }

    case ["built-in", var db]:
    {
        using var store = TradeStores.Open(db, patient);
        foreach (var vintage in TradeData.EnsureBuiltIn(store, DataPaths.Locate()))
        {
            Console.Out.WriteLine($"imported {vintage.Series} {vintage.Vintage} {vintage.Rows}");
        }

        return 0;
    }

    default:
        await Console.Error.WriteLineAsync("usage: TradeAccord.Storage.CrashWriter import <db> <series> <vintage> <file> | append <db> <case-id> [<events>] | built-in <db>");
        return 2;
}
