using TradeAccord.Core.Agreements;
using TradeAccord.Core.Commitments;

namespace TradeAccord.Storage;

/// <summary>
/// Where trade flows live: monthly and yearly releases by series and vintage. The embedded DuckDB file by default,
/// or a PostgreSQL server; both keep every vintage, import all or nothing, and sum next to the data.
/// </summary>
public interface ITradeStore : IDisposable
{
    /// <summary>Where the store is (a file path, or the server and database), for messages.</summary>
    string Path { get; }

    /// <summary>Every vintage, by series then import order.</summary>
    IReadOnlyList<VintageInfo> Vintages(string? series = null);

    /// <summary>The latest vintage of <paramref name="series"/>, or null.</summary>
    VintageInfo? Latest(string series);

    /// <summary>Stores a monthly release; all or nothing.</summary>
    VintageInfo ImportMonthly(string series, string vintage, string source, IReadOnlyList<TradeFlow> flows);

    /// <summary>Stores a yearly release; all or nothing.</summary>
    VintageInfo ImportAnnual(string series, string vintage, string source, IReadOnlyList<AnnualFlow> flows);

    /// <summary>Stores a release of reported figures (kind <c>reported</c>); all or nothing.</summary>
    VintageInfo ImportReported(string series, string vintage, string source, IReadOnlyList<ReportedFigure> figures);

    /// <summary>The reported figures of a vintage, in the order of their rows.</summary>
    IReadOnlyList<ReportedFigure> Reported(string series, string vintage);

    /// <summary>The distinct product codes of a monthly vintage.</summary>
    IReadOnlyList<string> Codes(string series, string vintage);

    /// <summary>Monthly sums of a vintage by the annex line each code maps to.</summary>
    IReadOnlyList<MonthlyTotal> MonthlyTotals(string series, string vintage, IReadOnlyDictionary<string, AnnexLine?> mapping);

    /// <summary>The yearly figures of a vintage.</summary>
    IReadOnlyList<AnnualFlow> Annual(string series, string vintage);

    /// <summary>Rows stored, over all tables (for checks that nothing changed).</summary>
    long RowCount();

    /// <summary>
    /// Runs <paramref name="work"/> holding the store's import lock, which every import also takes to move its rows
    /// in: on PostgreSQL an advisory lock shared by every process on the database, on a DuckDB file a lock shared by
    /// this process's connections (the file itself is one process's at a time). A check for a vintage followed by its
    /// import, inside it, cannot race another process or request doing the same.
    /// </summary>
    /// <remarks>Reentrant: an import inside <paramref name="work"/> takes the lock it holds already.</remarks>
    /// <exception cref="StoreException">The lock could not be taken (the server went away).</exception>
    T Exclusively<T>(Func<T> work);
}
