namespace TradeAccord.Storage.CrashWriter;

/// <summary>What the trials of one operation on one store found.</summary>
/// <param name="Store">"duckdb" or "postgresql".</param>
/// <param name="Operation">"import" (a trade file) or "append" (case events).</param>
public sealed record CrashTally(string Store, string Operation)
{
    /// <summary>Children killed while running.</summary>
    public int Kills { get; set; }

    /// <summary>Children that ended by themselves before their kill came (checked as well, not counted as kills).</summary>
    public int EndedFirst { get; set; }

    /// <summary>
    /// Kills that came after the child's last write transaction was whole and about to commit, before the commit was
    /// acknowledged: the narrowest and most telling moment (included in <see cref="Kills"/>).
    /// </summary>
    public int InCommit { get; set; }

    /// <summary>Kills after which the write under way was absent: the store as it was before.</summary>
    public int Old { get; set; }

    /// <summary>Kills after which the write under way was there entirely: it had committed.</summary>
    public int New { get; set; }

    /// <summary>Kills after which the case's whole hash chain verified (appends only).</summary>
    public int ChainsVerified { get; set; }

    /// <summary>Writes the children acknowledged (printed after their commit).</summary>
    public int Acknowledged { get; set; }

    /// <summary>Acknowledged writes, or writes stored before the kill, missing after it. Must be 0.</summary>
    public int Lost { get; set; }

    /// <summary>Vintages or events stored in part, changed, or stored without a writer having made them. Must be 0.</summary>
    public int Torn { get; set; }

    /// <summary>What each lost or torn count was, for the failure message.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>One row of the report.</summary>
    public string Row() =>
        $"{Store,-11} {Operation,-9} {Kills,5} {InCommit,9} {Old,5} {New,5} {(Operation == "append" ? ChainsVerified.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-"),7} {Acknowledged,12} {Lost,5} {Torn,5} {EndedFirst,11}";

    /// <summary>The heading of <see cref="Row"/>.</summary>
    public static string Heading =>
        $"{"store",-11} {"operation",-9} {"kills",5} {"in-commit",9} {"old",5} {"new",5} {"chains",7} {"acknowledged",12} {"lost",5} {"torn",5} {"ended-first",11}";

    internal void Problem(bool torn, string what)
    {
        if (torn)
        {
            Torn++;
        }
        else
        {
            Lost++;
        }

        Problems.Add(what);
    }
}
