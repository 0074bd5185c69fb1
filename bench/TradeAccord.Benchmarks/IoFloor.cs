using System.Text;
using TradeAccord.App.Tariffs.Batch;

namespace TradeAccord.Benchmarks;

/// <summary>
/// The engine's I/O limit: the same pass as <see cref="DutyBatch"/> (its entry reader, its output writer and buffer,
/// every row copied back with the output columns appended) with nothing priced, so a run shows how close pricing
/// gets to the cost of just reading and writing the rows.
/// </summary>
internal static class IoFloor
{
    /// <summary>Copies every row of <paramref name="inputPath"/> to <paramref name="outputPath"/> with empty output columns.</summary>
    /// <returns>Rows copied.</returns>
    public static long Copy(string inputPath, string outputPath)
    {
        using var entries = EntryFile.Open(inputPath);
        using var output = new StreamWriter(outputPath, append: false, new UTF8Encoding(false), 1 << 16);
        output.Write(string.Join(',', entries.ColumnNames.Concat(DutyBatch.OutputColumns)));
        output.Write('\n');
        var empty = new string(',', DutyBatch.OutputColumns.Count);
        long rows = 0;
        foreach (var row in entries.Rows)
        {
            output.Write(row.Span);
            output.Write(empty);
            output.Write('\n');
            rows++;
        }

        return rows;
    }

    /// <summary>Reads and parses every row of <paramref name="inputPath"/> into a shipment, on one thread, pricing nothing.</summary>
    /// <returns>Rows parsed into a shipment.</returns>
    public static long Parse(string inputPath)
    {
        using var entries = EntryFile.Open(inputPath);
        long parsed = 0;
        foreach (var entry in entries.Read())
        {
            parsed += entry.Shipment is null ? 0 : 1;
        }

        return parsed;
    }
}
