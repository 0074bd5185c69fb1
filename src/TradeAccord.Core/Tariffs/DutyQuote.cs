using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs.Stacking;

namespace TradeAccord.Core.Tariffs;

/// <summary>The duty one shipment owes, layer by layer, with the warnings a broker must read.</summary>
public sealed record DutyQuote
{
    /// <summary>The importing country.</summary>
    public required CountryCode Importer { get; init; }

    /// <summary>The shipment as asked.</summary>
    public required Shipment Shipment { get; init; }

    /// <summary>The tariff line the code resolved to.</summary>
    public required ProductCode Line { get; init; }

    /// <summary>The schedule (baseline or scenario) used.</summary>
    public required string ScheduleName { get; init; }

    /// <summary>The nomenclature layer (e.g. HTS revision) used for the line, if the importer has one.</summary>
    public string? Nomenclature { get; init; }

    /// <summary>The layers applied, in the order of the schedule.</summary>
    public required IReadOnlyList<DutyLayer> Layers
    {
        get;
        init
        {
            field = value;
            decimal total = 0m, baseRate = 0m, duty = 0m;
            var anyAmount = false;
            var complete = true;
            for (var i = 0; i < value.Count; i++)
            {
                var layer = value[i];
                total += layer.AdValorem;
                baseRate += layer.Measure.Kind is MeasureKind.Mfn or MeasureKind.Column2 ? layer.AdValorem : 0m;
                duty += layer.Amount ?? 0m;
                anyAmount |= layer.Amount is not null;
                complete &= layer.IsComplete;
            }

            TotalAdValorem = total;
            BaseAdValorem = baseRate;
            TotalDuty = anyAmount ? duty + 0.00m : null;
            IsComplete = complete;
        }
    }

    /// <summary>Layers a stacking rule removed, in whole or from part of the value, with the rule that did.</summary>
    public IReadOnlyList<NotAppliedLayer> NotApplied { get; init; } = [];

    /// <summary>Warnings: nearest revision used, suspended measures, exclusions available, parts not computed.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Sum of the ad valorem fractions of all layers.</summary>
    public decimal TotalAdValorem { get; private init; }

    /// <summary>Ad valorem fraction of the ordinary (MFN or column 2) layer.</summary>
    public decimal BaseAdValorem { get; private init; }

    /// <summary>Ad valorem fraction of every additional layer.</summary>
    public decimal AdditionalAdValorem => TotalAdValorem - BaseAdValorem;

    /// <summary>Sum of the layer amounts (each rounded to the cent), or null when no amount could be computed.</summary>
    public decimal? TotalDuty { get; private init; }

    /// <summary>The part of <see cref="TotalDuty"/> levied under IEEPA (both programmes); zero when none.</summary>
    public decimal IeepaDuty => Layers.Where(l => l.Measure.Authority.IsIeepa()).Sum(l => l.Amount ?? 0m) + 0.00m;

    /// <summary>Whether every layer was computed in full.</summary>
    public bool IsComplete { get; private init; }
}
