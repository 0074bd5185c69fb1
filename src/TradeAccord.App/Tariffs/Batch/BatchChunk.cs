using System.Runtime.ExceptionServices;
using System.Text;
using nietras.SeparatedValues;
using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Csv;

namespace TradeAccord.App.Tariffs.Batch;

/// <summary>
/// A run of rows on their way through a batch: their input text (copied once into one buffer), their parsed
/// entries, and the priced output. Reused, so a batch of any size allocates a handful of buffers, not a few per row.
/// </summary>
/// <remarks>
/// A chunk is its own thread-pool work item, and the writer blocks on it without spinning: waiting on a task spins
/// first, and a sampling profile of a million entries found the writing thread spinning for a fifth of the pass's
/// thread time, on a machine whose two cores the pricing threads needed.
/// </remarks>
internal sealed class BatchChunk : IThreadPoolWorkItem
{
    private readonly object _gate = new();
    private bool _priced;
    private ExceptionDispatchInfo? _failure;
    private PricingJob? _job;

    private readonly EntryLine[] _entries = new EntryLine[DutyBatch.ChunkSize];
    private readonly int[] _ends = new int[DutyBatch.ChunkSize];
    private readonly int[] _lines = new int[DutyBatch.ChunkSize];
    private readonly bool[] _deferred = new bool[DutyBatch.ChunkSize];
    private char[] _input = new char[DutyBatch.ChunkSize * 64];
    private int _length;

    public int Count { get; private set; }

    public StringBuilder Output { get; } = new(DutyBatch.ChunkSize * 128);

    // A well-formed row is copied as written; a row with a wrong field count is rebuilt to the header's width, so
    // the output stays rectangular and the error column lines up. A well-formed row without quotes is parsed later,
    // on the thread that prices it; any other row is parsed here, from the reader, after its text was copied
    // (reading a quoted field unescapes it in the reader's buffer).
    public void Add(SepReader.Row row, int width, EntryFile entries)
    {
        var deferred = row.ColCount == width && !row.Span.Contains('"');
        if (row.ColCount == width)
        {
            Append(row.Span);
        }
        else
        {
            for (var i = 0; i < width; i++)
            {
                Append(i > 0 ? "," : "");
                Append(i < row.ColCount ? CsvText.Escape(row[i].ToString()) : "");
            }
        }

        _ends[Count] = _length;
        _lines[Count] = row.LineNumberFrom;
        _deferred[Count] = deferred;
        _entries[Count] = deferred ? default : entries.Parse(row);
        Count++;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (_length + text.Length > _input.Length)
        {
            Array.Resize(ref _input, Math.Max(_input.Length * 2, _length + text.Length));
        }

        text.CopyTo(_input.AsSpan(_length));
        _length += text.Length;
    }

    /// <summary>Prices the chunk on the thread pool; <see cref="WaitPriced"/> waits for it.</summary>
    public void StartPricing(PricingJob job)
    {
        _job = job;
        _priced = false;
        _failure = null;
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    void IThreadPoolWorkItem.Execute()
    {
        try
        {
            Price(_job!.Schedule, _job.Importer, _job.Entries, _job.Totals);
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            lock (_gate)
            {
                _priced = true;
                Monitor.Pulse(_gate);
            }
        }
    }

    /// <summary>Blocks until the pricing started by <see cref="StartPricing"/> is done, rethrowing what it threw.</summary>
    public void WaitPriced()
    {
        lock (_gate)
        {
            while (!_priced)
            {
                Monitor.Wait(_gate);
            }
        }

        _failure?.Throw();
    }

    public void Price(TariffSchedule schedule, CountryCode importer, EntryFile entries, BatchTotals totals)
    {
        long errors = 0;
        decimal value = 0m, duty = 0m, ieepa = 0m;
        var start = 0;
        for (var i = 0; i < Count; i++)
        {
            var text = _input.AsSpan(start, _ends[i] - start);
            Output.Append(text);
            start = _ends[i];
            CodeSlot? slot = null;
            var entry = _deferred[i] ? entries.ParseUnquoted(_lines[i], text, out slot) : _entries[i];
            if (entry.Shipment is { } plain && TryQuotePlain(schedule, importer, slot, plain, out var figures))
            {
                value += plain.Value ?? 0m;
                duty += figures.TotalDuty;
                ieepa += figures.IeepaDuty;
                DutyBatch.AppendPlain(Output, figures);
                Output.Append('\n');
                continue;
            }

            var quote = entry.Shipment is { } shipment ? DutyCalculator.Quote(schedule, importer, shipment) : null;
            if (quote is null || !quote.TryGetValue(out var priced))
            {
                errors++;
                Output.Append(",,,,,,,,").Append(CsvText.Escape(entry.Error ?? $"line {entry.Line}: {quote!.Error}"));
            }
            else
            {
                var owed = priced.TotalDuty ?? 0m;
                value += priced.Shipment.Value ?? 0m;
                duty += owed;
                ieepa += priced.IeepaDuty;
                DutyBatch.AppendPriced(Output, priced, owed);
            }

            Output.Append('\n');
        }

        totals.Add(Count, errors, value, duty, ieepa);
    }

    // The plain quote, through the code's resolution kept in its cache slot when the code has one.
    private static bool TryQuotePlain(TariffSchedule schedule, CountryCode importer, CodeSlot? slot, Shipment shipment, out PlainQuote figures)
    {
        if (slot is null)
        {
            return DutyCalculator.TryQuotePlain(schedule, importer, shipment, out figures);
        }

        var resolved = slot.Resolved;
        if (resolved is null || resolved.Schedule != schedule || resolved.Importer != importer)
        {
            resolved = DutyCalculator.Resolve(schedule, importer, shipment.Code);
            if (resolved is null)
            {
                figures = default;
                return false;
            }

            slot.Resolved = resolved;
        }

        return DutyCalculator.TryQuotePlain(resolved, shipment, out figures);
    }

    public void Clear()
    {
        Array.Clear(_entries, 0, Count);
        Count = 0;
        _length = 0;
        Output.Clear();
    }
}
