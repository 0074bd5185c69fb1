using TradeAccord.App.Tracking;
using System.Data.Common;
using TradeAccord.Core.Agreements;
using TradeAccord.Core.Commitments;
using TradeAccord.Core.Errors;
using TradeAccord.Sources;

namespace TradeAccord.Storage.Tests;

/// <summary>
/// What every trade store must do, run against DuckDB and against PostgreSQL: imports all or nothing (a bad file, a
/// failing bulk load, a fault inside the transaction), a vintage label taken once even by two imports at the same
/// moment, vintages in import order, and sums equal to those computed from the rows. The CSV fixtures are
/// synthetic: real codes, made-up values.
/// </summary>
public abstract class TradeStoreContract : IDisposable
{
    private const string Good = "month,code,value_usd\n2020-01,120190,1000\n2020-02,120190,2000\n";

    private static readonly Dictionary<string, AnnexLine?> Uncovered = new() { ["120190"] = null };

    private readonly string _folder = Directory.CreateTempSubdirectory("accord-trade-").FullName;

    /// <summary>Opens this test's store: empty on the first open, the same store on every later one.</summary>
    protected abstract ITradeStore Open(StoreOptions options);

    private ITradeStore Open() => Open(StoreOptions.Default);

    public virtual void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void A_malformed_file_is_rejected_with_its_line_and_changes_nothing()
    {
        using var store = Open();
        TradeData.Import(store, "us-exports", Write("good.csv", Good), "v1");
        var before = store.RowCount();

        var month = Write("bad.csv", "month,code,value_usd\n2020-03,120190,1000\n2020-04,120190,2000\n2020-13,120190,5\n");
        Should.Throw<SourceException>(() => TradeData.Import(store, "us-exports", month, "v2", "bad.csv"))
            .Message.ShouldBe("bad.csv:4: field 'month': '2020-13' is not a month: expected yyyy-MM from 1990 to 2100");
        var value = Write("bad-value.csv", "month,code,value_usd\n2020-03,120190,1000\n2020-03,12019,x\n");
        Should.Throw<SourceException>(() => TradeData.Import(store, "us-exports", value, "v2", "bad-value.csv"))
            .Message.ShouldStartWith("bad-value.csv:3: field 'value_usd'");

        store.RowCount().ShouldBe(before);
        store.Vintages("us-exports").Select(v => v.Vintage).ShouldBe(["v1"]);
    }

    [Fact]
    public void A_second_vintage_does_not_disturb_the_first_and_becomes_the_latest()
    {
        using var store = Open();
        TradeData.Import(store, "us-exports", Write("a.csv", Good), "2021-02");
        TradeData.Import(store, "us-exports", Write("b.csv", "month,code,value_usd\n2020-01,120190,1500\n2020-02,120190,2500\n2020-03,120190,10\n"), "2021-03");

        store.MonthlyTotals("us-exports", "2021-02", Uncovered).Sum(t => t.ValueUsd).ShouldBe(3000m);
        store.MonthlyTotals("us-exports", "2021-03", Uncovered).Sum(t => t.ValueUsd).ShouldBe(4010m);
        store.Latest("us-exports")!.Vintage.ShouldBe("2021-03");
        var first = store.Vintages("us-exports")[0];
        (first.Rows, first.First, first.Last).ShouldBe((2L, new DateOnly(2020, 1, 1), new DateOnly(2020, 2, 1)));
    }

    [Fact]
    public void A_vintage_label_is_used_once_and_a_second_use_is_a_conflict()
    {
        using var store = Open();
        TradeData.Import(store, "us-exports", Write("a.csv", Good), "v1");
        var before = store.RowCount();

        var error = Should.Throw<StoreException>(() => TradeData.Import(store, "us-exports", Write("b.csv", Good), "v1"));
        error.Message.ShouldBe("us-exports already has a vintage 'v1': expected a new --vintage label (each vintage is kept)");
        error.Kind.ShouldBe(ErrorKind.Conflict);
        store.RowCount().ShouldBe(before);
    }

    [Fact]
    public void Vintages_are_listed_in_import_order_not_by_label()
    {
        using var store = Open();
        var flows = new[] { new TradeFlow(new DateOnly(2020, 1, 1), "120190", 1m) };
        store.ImportMonthly("b", "2021-03", "b1.csv", flows);
        store.ImportMonthly("a", "2021-03", "a1.csv", flows);
        store.ImportMonthly("b", "2021-02", "b2.csv", flows);

        store.Vintages().Select(v => (v.Series, v.Vintage, v.Sequence)).ShouldBe([("a", "2021-03", 2L), ("b", "2021-03", 1L), ("b", "2021-02", 3L)]);
        store.Vintages("b").Select(v => v.Vintage).ShouldBe(["2021-03", "2021-02"]);
        store.Latest("b")!.Vintage.ShouldBe("2021-02", "the latest is the last imported, whatever its label");
        store.Latest("c").ShouldBeNull();
    }

    [Fact]
    public void Sums_equal_the_totals_computed_from_the_rows_and_those_of_an_in_memory_duckdb()
    {
        var flows = SyntheticFlows();
        var annual = new[] { new AnnualFlow(2021, "Services", 40_000_000_000.25m), new AnnualFlow(2017, "Services", 50_000_000_000m), new AnnualFlow(2017, "Energy", 7.5m) };
        var mapping = new Dictionary<string, AnnexLine?>
        {
            ["120190"] = new("1201", "1201", "Agriculture", "Oilseeds"),
            ["120110"] = new("1201", "1201", "Agriculture", "Oilseeds"),
            ["030617"] = new("0306", "0306", "Agriculture", "Seafood"),
            ["270900"] = new("2709", "2709", "Energy", "Crude oil"),
            ["999999"] = null,
        };

        // 880000 is in no mapping at all: like a null line, it counts as trade outside the annex.
        var expected = flows.GroupBy(f => (f.Month, mapping.GetValueOrDefault(f.Code)?.Category, mapping.GetValueOrDefault(f.Code)?.Subcategory))
            .Select(g => new MonthlyTotal(g.Key.Month, g.Key.Category, g.Key.Subcategory, g.Sum(f => f.ValueUsd)))
            .OrderBy(t => t.Month).ThenBy(t => t.Category is null).ThenBy(t => t.Category, StringComparer.Ordinal)
            .ThenBy(t => t.Subcategory is null).ThenBy(t => t.Subcategory, StringComparer.Ordinal).ToList();
        expected.Count.ShouldBe(12, "the fixture has three months of three subcategories in two categories, and uncovered trade");

        using var store = Open();
        store.ImportMonthly("s", "v", "flows.csv", flows);
        store.ImportAnnual("y", "v", "annual.csv", annual);
        using var reference = TradeStores.OpenInMemory();
        reference.ImportMonthly("s", "v", "flows.csv", flows);
        reference.ImportAnnual("y", "v", "annual.csv", annual);

        store.MonthlyTotals("s", "v", mapping).ShouldBe(expected);
        store.MonthlyTotals("s", "v", mapping).ShouldBe(reference.MonthlyTotals("s", "v", mapping));
        store.Codes("s", "v").ShouldBe(["030617", "120110", "120190", "270900", "880000", "999999"]);
        store.Annual("y", "v").ShouldBe([annual[2], annual[1], annual[0]]);
        store.Vintages("s").Single().ShouldBe(new VintageInfo("s", "v", "monthly", "flows.csv", flows.Length, new DateOnly(2020, 1, 1), new DateOnly(2020, 3, 1), 1));
        store.RowCount().ShouldBe(reference.RowCount());
    }

    [Fact]
    public void A_failing_bulk_load_leaves_nothing_and_the_label_free()
    {
        using var store = Open();
        TradeData.Import(store, "s", Write("good.csv", Good), "v1");
        var before = store.RowCount();

        // The last row does not fit DECIMAL(18,2): the load fails after the rows before it went to the staging table.
        var flows = SyntheticFlows().Append(new TradeFlow(new DateOnly(2020, 4, 1), "120190", 100_000_000_000_000_000m)).ToList();
        var error = Should.Throw<StoreException>(() => store.ImportMonthly("s", "v2", "huge.csv", flows));
        error.Kind.ShouldBe(ErrorKind.BadInput);
        error.Message.ShouldStartWith("huge.csv: could not be stored, nothing was changed: ");
        store.RowCount().ShouldBe(before);
        store.Vintages("s").Select(v => v.Vintage).ShouldBe(["v1"]);
        store.Codes("s", "v2").ShouldBeEmpty();

        store.ImportMonthly("s", "v2", "fixed.csv", flows[..^1]).Rows.ShouldBe(flows.Count - 1);
        store.MonthlyTotals("s", "v2", Uncovered).Sum(t => t.ValueUsd).ShouldBe(flows[..^1].Sum(f => f.ValueUsd));
    }

    [Fact]
    public void A_fault_inside_the_import_transaction_leaves_nothing()
    {
        var seen = new List<string>();
        var faulty = new StoreOptions
        {
            BeforeCommit = subject =>
            {
                seen.Add(subject);
                if (subject == "s/v2")
                {
                    throw new InvalidOperationException("fault injected before the commit");
                }
            },
        };
        using (var store = Open(faulty))
        {
            store.ImportMonthly("s", "v1", "v1.csv", SyntheticFlows());
            var before = store.RowCount();

            Should.Throw<InvalidOperationException>(() => store.ImportMonthly("s", "v2", "v2.csv", SyntheticFlows()));
            Should.Throw<InvalidOperationException>(() => store.ImportAnnual("s", "v2", "v2.csv", [new AnnualFlow(2020, "Services", 1m)]));
            store.RowCount().ShouldBe(before);
        }

        seen.ShouldBe(["s/v1", "s/v2", "s/v2"]);
        using var reopened = Open();
        reopened.Vintages("s").Select(v => v.Vintage).ShouldBe(["v1"]);
        reopened.Codes("s", "v2").ShouldBeEmpty();
        reopened.ImportMonthly("s", "v2", "v2.csv", SyntheticFlows()).Sequence.ShouldBe(2, "the failed imports took no sequence number");
    }

    [Fact]
    public async Task Two_imports_of_different_series_at_the_same_moment_are_both_stored_one_after_the_other()
    {
        // The second import starts inside the first one's transaction. Both read the last sequence number: without
        // the import lock, DuckDB gave both vintages sequence 1 and PostgreSQL failed one as a serialisation conflict.
        var racer = Task.CompletedTask;
        var racing = new StoreOptions
        {
            BeforeCommit = _ => racer = Race.Inside(() =>
            {
                using var second = Open();
                second.ImportMonthly("b", "v1", "b.csv", SyntheticFlows());
            }),
        };

        using (var first = Open(racing))
        {
            first.ImportMonthly("a", "v1", "a.csv", SyntheticFlows());
        }

        (await Race.Outcome(racer)).ShouldBeNull();
        using var store = Open();
        store.Vintages().Select(v => (v.Series, v.Sequence)).ShouldBe([("a", 1L), ("b", 2L)]);
    }

    [Fact]
    public async Task Two_imports_of_one_label_at_the_same_moment_store_it_once_and_the_loser_gets_a_conflict()
    {
        // The second import starts inside the first one's transaction: neither sees the other's vintage before it
        // writes, so only the key on (series, vintage) can stop one of them.
        var other = new[] { new TradeFlow(new DateOnly(2020, 1, 1), "120190", 7m) };
        var racer = Task.CompletedTask;
        var racing = new StoreOptions
        {
            BeforeCommit = _ => racer = Race.Inside(() =>
            {
                using var second = Open();
                second.ImportMonthly("s", "v1", "second.csv", other);
            }),
        };

        StoreException? firstLost = null;
        using (var first = Open(racing))
        {
            try
            {
                first.ImportMonthly("s", "v1", "first.csv", SyntheticFlows());
            }
            catch (StoreException e)
            {
                firstLost = e;
            }
        }

        var secondLost = await Race.Outcome(racer);
        (firstLost is null).ShouldNotBe(secondLost is null, "exactly one of the two imports is stored");
        var lost = (firstLost ?? secondLost).ShouldBeOfType<StoreException>();
        lost.Kind.ShouldBe(ErrorKind.Conflict);
        lost.InnerException.ShouldBeAssignableTo<DbException>();

        using var store = Open();
        var stored = store.Vintages("s").ShouldHaveSingleItem();
        var (rows, codes) = firstLost is null ? (SyntheticFlows().Length, 6) : (other.Length, 1);
        stored.Rows.ShouldBe(rows);
        store.Codes("s", "v1").Count.ShouldBe(codes);
        store.RowCount().ShouldBe(rows + codes + 1);
    }

    [Fact]
    public void A_provider_failure_after_opening_is_a_store_exception()
    {
        using var store = Open();
        using (var command = ((SqlTradeStore)store).Connection.CreateCommand())
        {
            command.CommandText = "DROP TABLE vintage_codes";
            command.ExecuteNonQuery();
        }

        var error = Should.Throw<StoreException>(() => store.Codes("s", "v"));
        error.Kind.ShouldBe(ErrorKind.Unavailable);
        error.Message.ShouldStartWith($"{store.Path}: the codes could not be read: ");
        error.InnerException.ShouldBeAssignableTo<DbException>();
        Should.Throw<StoreException>(() => store.RowCount()).Kind.ShouldBe(ErrorKind.Unavailable);
    }

    [Fact]
    public void The_built_in_series_load_once_survive_reopening_and_track_to_the_figures_of_the_shared_store()
    {
        using (var store = Open())
        {
            var loaded = TradeData.EnsureBuiltIn(store, Shipped.Loader.Paths);
            loaded.Single(v => v.Series == "us-exports").Rows.ShouldBe(364_150);
            // Each monthly release of 2021's year-to-date category totals is a vintage; release n holds n months × 3 categories.
            loaded.Where(v => v.Series == "us-exports-by-category").Select(v => (v.Vintage, v.Rows))
                .ShouldBe(Enumerable.Range(1, 11).Select(n => ($"census-ytd-2021-{n:00}", 3L * n)));
        }

        using var reopened = Open();
        TradeData.EnsureBuiltIn(reopened, Shipped.Loader.Paths).ShouldBeEmpty();
        reopened.Vintages("us-exports").Single().Vintage.ShouldBe("census-2021-03-25");
        reopened.Latest("us-exports-by-category")!.Vintage.ShouldBe("census-ytd-2021-11");

        var report = TradeData.Track(reopened, Shipped.PhaseOne, Shipped.Loader.AgreementContext,
            new TrackRequest(["us-exports"], null, new TrackOptions(2020), Shipped.Loader.Baseline)).Single();
        var shared = Shipped.Track(new TrackOptions(2020));
        report.Total.PercentOfTarget.ShouldBe(62.56m);
        report.Total.ShouldBe(shared.Total);
        report.Categories.Select(c => c.Progress).ShouldBe(shared.Categories.Select(c => c.Progress));
        var continued = TradeData.Track(reopened, Shipped.PhaseOne, Shipped.Loader.AgreementContext,
            new TrackRequest(["us-exports"], null, new TrackOptions(2021), Shipped.Loader.Baseline)).Single();
        continued.Continuation.ShouldBe(Shipped.Track(new TrackOptions(2021)).Continuation);
        continued.Total.ShouldBe(Shipped.Track(new TrackOptions(2021)).Total);
    }

    private static TradeFlow[] SyntheticFlows() =>
    [
        .. new[] { 1, 2, 3 }.SelectMany(m => new[]
        {
            new TradeFlow(new DateOnly(2020, m, 1), "120190", 1_000.10m * m, 5m * m, "kg"),
            new TradeFlow(new DateOnly(2020, m, 1), "120110", 20.05m),
            new TradeFlow(new DateOnly(2020, m, 1), "030617", 333.33m, 1.5m, "t"),
            new TradeFlow(new DateOnly(2020, m, 1), "270900", 12_345_678_901.99m),
            new TradeFlow(new DateOnly(2020, m, 1), "999999", 0.01m),
            new TradeFlow(new DateOnly(2020, m, 1), "880000", 42m),
        }),
    ];

    private string Write(string name, string text)
    {
        var file = Path.Combine(_folder, name);
        File.WriteAllText(file, text);
        return file;
    }
}
