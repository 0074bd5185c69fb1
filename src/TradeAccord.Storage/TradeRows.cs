using System.Data.Common;
using TradeAccord.Core.Commitments;
using TradeAccord.Core.Errors;

namespace TradeAccord.Storage;

/// <summary>What the trade store reads and checks: the rows of its queries, and an import's preconditions.</summary>
internal static class TradeRows
{
    /// <summary>The columns the vintages queries select, in order.</summary>
    public const string VintageColumns = "series, vintage, kind, source, row_count, first_month, last_month, sequence";

    public static List<VintageInfo> Vintages(DbDataReader reader)
    {
        var list = new List<VintageInfo>();
        while (reader.Read())
        {
            list.Add(new VintageInfo(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4),
                DateOnly.FromDateTime(reader.GetDateTime(5)), DateOnly.FromDateTime(reader.GetDateTime(6)), reader.GetInt64(7)));
        }

        return list;
    }

    public static List<string> Codes(DbDataReader reader)
    {
        var codes = new List<string>();
        while (reader.Read())
        {
            codes.Add(reader.GetString(0));
        }

        return codes;
    }

    /// <summary>Rows of (month, category, subcategory, sum).</summary>
    public static List<MonthlyTotal> Totals(DbDataReader reader)
    {
        var totals = new List<MonthlyTotal>();
        while (reader.Read())
        {
            totals.Add(new MonthlyTotal(DateOnly.FromDateTime(reader.GetDateTime(0)), reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetDecimal(3)));
        }

        return totals;
    }

    /// <summary>Rows of (year, category, value).</summary>
    public static List<AnnualFlow> Annual(DbDataReader reader)
    {
        var flows = new List<AnnualFlow>();
        while (reader.Read())
        {
            flows.Add(new AnnualFlow(reader.GetInt32(0), reader.GetString(1), reader.GetDecimal(2)));
        }

        return flows;
    }

    /// <summary>Refuses an empty release (bad input), or a vintage label the series has already (a conflict).</summary>
    /// <exception cref="StoreException">The import cannot go ahead.</exception>
    public static void CheckNew(ITradeStore store, string series, string vintage, string source, int rows)
    {
        if (rows == 0)
        {
            throw new StoreException($"{source}: has no rows: nothing to import");
        }

        if (store.Vintages(series).Any(v => v.Vintage == vintage))
        {
            throw Taken(series, vintage);
        }
    }

    /// <summary>The vintage label is taken: found before the import, or by the key when another import took it meanwhile.</summary>
    public static StoreException Taken(string series, string vintage, Exception? inner = null) =>
        new($"{series} already has a vintage '{vintage}': expected a new --vintage label (each vintage is kept)", ErrorKind.Conflict, inner);
}
