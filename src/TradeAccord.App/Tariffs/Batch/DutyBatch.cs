using System.Globalization;
using System.Text;
using TradeAccord.Sources;
using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Csv;

namespace TradeAccord.App.Tariffs.Batch;

/// <summary>
/// Prices an entries file row by row and writes every input row back with mfn_rate, additional_rate, total_rate
/// (fractions), duty_usd, ieepa_usd (the part of duty_usd levied under IEEPA: an estimate of the IEEPA share, not legal
/// advice on what can be claimed back), headings, warnings and error. Streams both files, so memory stays flat as files grow.
/// </summary>
/// <remarks>
/// Rows are read in order on the calling thread (so line numbers are exact), parsed and priced in chunks on the
/// thread pool, and written back in order. A few chunks in flight keep every core busy and memory flat. Each
/// well-formed input row is copied to the output as it was written, with the new columns after it.
/// </remarks>
public static class DutyBatch
{
    /// <summary>The columns appended to each row.</summary>
    public static readonly IReadOnlyList<string> OutputColumns =
        ["mfn_rate", "additional_rate", "total_rate", "duty_usd", "ieepa_usd", "headings", "warnings", "error"];

    // 1,024 rows keep every per-chunk array under the large object heap's threshold, so chunks never trigger full
    // collections of the heap the schedule lives on (measured: 4,096-row chunks spent 40% of a run in GC pauses).
    internal const int ChunkSize = 1024;
    private static readonly int MaxChunksInFlight = Environment.ProcessorCount * 2;

    /// <summary>Prices <paramref name="inputPath"/> into <paramref name="outputPath"/>.</summary>
    /// <param name="schedule">The compiled schedule (baseline or scenario).</param>
    /// <param name="importer">The importing country.</param>
    /// <param name="inputPath">The entries file.</param>
    /// <param name="outputPath">Where to write the priced rows.</param>
    /// <param name="progress">Receives the fraction of the input read, now and then.</param>
    /// <exception cref="SourceException">The input cannot be read or lacks a required column.</exception>
    public static BatchSummary Run(
        TariffSchedule schedule, CountryCode importer, string inputPath, string outputPath, Action<double>? progress = null)
    {
        using var entries = EntryFile.Open(inputPath);
        using var output = new StreamWriter(outputPath, append: false, new UTF8Encoding(false), 1 << 16);
        var columns = entries.ColumnNames;
        output.Write(string.Join(',', columns.Concat(OutputColumns).Select(CsvText.Escape)));
        output.Write('\n');

        var totals = new BatchTotals();
        var length = Math.Max(1, entries.Stream.Length);
        var job = new PricingJob(schedule, importer, entries, totals);
        var pending = new Queue<BatchChunk>();
        var spare = new Stack<BatchChunk>();
        var chunk = new BatchChunk();
        foreach (var row in entries.Rows)
        {
            chunk.Add(row, columns.Count, entries);
            if (chunk.Count < ChunkSize)
            {
                continue;
            }

            chunk.StartPricing(job);
            pending.Enqueue(chunk);
            chunk = spare.Count > 0 ? spare.Pop() : new BatchChunk();
            if (pending.Count >= MaxChunksInFlight)
            {
                spare.Push(Write(output, pending.Dequeue()));
                progress?.Invoke((double)entries.Stream.Position / length);
            }
        }

        if (chunk.Count > 0)
        {
            chunk.StartPricing(job);
            pending.Enqueue(chunk);
        }

        while (pending.Count > 0)
        {
            Write(output, pending.Dequeue());
        }

        progress?.Invoke(1.0);
        return totals.Summary();
    }

    private static BatchChunk Write(StreamWriter output, BatchChunk done)
    {
        done.WaitPriced();
        output.Write(done.Output);
        done.Clear();
        return done;
    }

    /// <summary>Appends the priced columns of a plain quote (no warnings), starting with the comma after the input.</summary>
    internal static void AppendPlain(StringBuilder line, PlainQuote priced)
    {
        AppendFigures(line, priced.BaseAdValorem, priced.AdditionalAdValorem, priced.TotalAdValorem, priced.TotalDuty, priced.IeepaDuty);
        line.Append(CsvText.Escape(priced.Headings));
        line.Append(',');
        if (priced.SourceWarning is not null || priced.CodeWarning is not null)
        {
            line.Append(priced.SourceWarning is null || priced.CodeWarning is null
                ? EscapedOnce(priced.SourceWarning ?? priced.CodeWarning!)
                : CsvText.Escape(priced.SourceWarning + " | " + priced.CodeWarning));
        }

        line.Append(',');
    }

    // mfn_rate, additional_rate, total_rate, duty_usd and ieepa_usd, each after a comma, and the comma before headings.
    private static void AppendFigures(StringBuilder line, decimal baseRate, decimal additional, decimal total, decimal duty, decimal ieepa)
    {
        line.Append(',');
        FixedPoint.AppendFraction(line, baseRate);
        line.Append(',');
        FixedPoint.AppendFraction(line, additional);
        line.Append(',');
        FixedPoint.AppendFraction(line, total);
        line.Append(',');
        FixedPoint.AppendCents(line, duty);
        line.Append(',');
        FixedPoint.AppendCents(line, ieepa);
        line.Append(',');
    }

    // The warnings of plain quotes are a few cached texts repeated on many rows: quote each once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Escaped = new(StringComparer.Ordinal);

    private static string EscapedOnce(string warning) =>
        Escaped.TryGetValue(warning, out var escaped) ? escaped : Escaped.Count < 10_000 ? Escaped.GetOrAdd(warning, CsvText.Escape(warning)) : CsvText.Escape(warning);

    /// <summary>Appends the priced columns of one quote, starting with the comma after the input.</summary>
    internal static void AppendPriced(StringBuilder line, DutyQuote priced, decimal duty)
    {
        AppendFigures(line, priced.BaseAdValorem, priced.AdditionalAdValorem, priced.TotalAdValorem, duty, priced.IeepaDuty);
        AppendHeadings(line, priced);
        line.Append(',');
        if (priced.Warnings.Count > 0)
        {
            line.Append(CsvText.Escape(string.Join(" | ", priced.Warnings)));
        }

        line.Append(',');
    }

    // Most entries have one heading (or none): only several need a joined string.
    private static void AppendHeadings(StringBuilder line, DutyQuote quote)
    {
        string? single = null;
        var several = false;
        foreach (var layer in quote.Layers)
        {
            if (layer.Measure.Heading is { } heading)
            {
                several |= single is not null;
                single ??= heading;
            }
        }

        var headings = several ? string.Join(" ", quote.Layers.Select(l => l.Measure.Heading).OfType<string>()) : single;
        if (headings is not null)
        {
            line.Append(CsvText.Escape(headings));
        }
    }
}
