using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.App.Tariffs.Effective;

/// <summary>
/// Every weighted line's duty by authority on the current date, with running sums, so that a date on which a few
/// measures change costs a quote of the lines they cover only.
/// </summary>
internal sealed class RateBook
{
    private static readonly int Authorities = TariffAuthorities.All.Count;

    private readonly TariffSchedule _schedule;
    private readonly CountryCode[] _origins;
    private readonly ProductCode[] _lines;
    private readonly decimal[] _values;

    // Per line: its duty by authority (value × ad valorem), and its state.
    private readonly decimal[] _duty;
    private readonly State[] _state;

    private readonly decimal[] _sums;
    private decimal _priced, _partialValue, _missingValue;
    private int _partialLines, _missingLines;

    public RateBook(TariffSchedule schedule, IReadOnlyList<PartnerImports> partners, DateOnly date)
    {
        _schedule = schedule;
        _origins = [.. partners.SelectMany(p => p.Lines.Select(_ => p.Partner.Origin))];
        _lines = [.. partners.SelectMany(p => p.Lines)];
        _values = [.. partners.SelectMany(p => p.Values)];
        _duty = new decimal[_lines.Length * Authorities];
        _state = new State[_lines.Length];
        _sums = new decimal[Authorities];
        ImportValue = _values.Sum();
        for (var i = 0; i < _lines.Length; i++)
        {
            _state[i] = State.Missing; // counted as missing until priced, so Price's adjustment starts from nothing
            _missingLines++;
            _missingValue += _values[i];
            Price(i, date);
        }
    }

    private enum State : byte
    {
        Priced,
        Partial,
        Missing,
    }

    public decimal ImportValue { get; }

    /// <summary>Prices again, on <paramref name="date"/>, every line that one of <paramref name="changed"/> can reach.</summary>
    public void Reprice(DateOnly date, IReadOnlyList<Measure> changed)
    {
        var all = changed.Any(m => m.DefinesNomenclature);
        for (var i = 0; i < _lines.Length; i++)
        {
            if (all || Reaches(changed, i))
            {
                Price(i, date);
            }
        }
    }

    public EffectiveFigure Figure(DateOnly date)
    {
        var examples = _missingLines == 0
            ? []
            : Enumerable.Range(0, _lines.Length).Where(i => _state[i] == State.Missing).OrderByDescending(i => _values[i]).Take(5)
                .Select(i => $"{_lines[i].ToDotted()} ({_origins[i]})").ToList();
        return new EffectiveFigure(date, ImportValue, _priced, [.. _sums], _lines.Length, _partialLines, _partialValue, _missingLines, _missingValue, examples);
    }

    private bool Reaches(IReadOnlyList<Measure> changed, int i)
    {
        foreach (var measure in changed)
        {
            if (measure.Origins.Includes(_origins[i]) && measure.Coverage.Covers(_lines[i]))
            {
                return true;
            }
        }

        return false;
    }

    private void Price(int i, DateOnly date)
    {
        Remove(i);
        var value = _values[i];
        var result = DutyCalculator.Quote(_schedule, CountryCode.US, new Shipment(_lines[i], _origins[i], date));
        if (!result.TryGetValue(out var quote))
        {
            _state[i] = State.Missing;
            _missingLines++;
            _missingValue += value;
            return;
        }

        var partial = false;
        var at = i * Authorities;
        foreach (var layer in quote.Layers)
        {
            // A specific or text rate has no ad valorem figure without a unit value: its ad valorem part alone counts.
            partial |= layer.Rate.Specific.Count > 0 || !layer.Rate.IsComputable;
            var duty = value * layer.AdValorem;
            _duty[at + (int)layer.Measure.Authority] += duty;
            _sums[(int)layer.Measure.Authority] += duty;
        }

        _priced += value;
        _state[i] = partial ? State.Partial : State.Priced;
        if (partial)
        {
            _partialLines++;
            _partialValue += value;
        }
    }

    // Takes line i out of the sums, leaving it as if never priced.
    private void Remove(int i)
    {
        var value = _values[i];
        switch (_state[i])
        {
            case State.Missing:
                _missingLines--;
                _missingValue -= value;
                return;
            case State.Partial:
                _partialLines--;
                _partialValue -= value;
                break;
        }

        _priced -= value;
        var at = i * Authorities;
        for (var a = 0; a < Authorities; a++)
        {
            _sums[a] -= _duty[at + a];
            _duty[at + a] = 0m;
        }
    }
}
