namespace TradeAccord.App.Tariffs.Batch;

/// <summary>Running totals of a batch, added to by the chunks as they are priced on several threads.</summary>
internal sealed class BatchTotals
{
    private readonly Lock _lock = new();
    private long _rows;
    private long _errors;
    private decimal _value;
    private decimal _duty;
    private decimal _ieepa;

    public void Add(long rows, long errors, decimal value, decimal duty, decimal ieepa)
    {
        lock (_lock)
        {
            _rows += rows;
            _errors += errors;
            _value += value;
            _duty += duty;
            _ieepa += ieepa;
        }
    }

    public BatchSummary Summary()
    {
        lock (_lock)
        {
            return new BatchSummary(_rows, _errors, _value, _duty, _ieepa);
        }
    }
}
