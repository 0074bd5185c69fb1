using TradeAccord.Core.Common;
using TradeAccord.Core.Impact;
using TradeAccord.Sources;
using TradeAccord.Sources.References;
using TradeAccord.Sources.Impact;

namespace TradeAccord.App.Impact;

/// <summary>Sums of impact effects over a group of lines.</summary>
public sealed record ImpactTotals(double ImportsBefore = 0, double ImportsAfter = 0, double TradeCreation = 0, double TradeDiversion = 0, double RevenueBefore = 0,
    double RevenueAfter = 0, double ImporterDutyBurden = 0, double ConsumerSurplusChange = 0, double PartnerBefore = 0, double PartnerAfter = 0)
{
    /// <summary>The totals of <paramref name="effects"/>.</summary>
    public static ImpactTotals Of(IEnumerable<ImpactEffect> effects)
    {
        ArgumentNullException.ThrowIfNull(effects);
        var t = new ImpactTotals();
        foreach (var e in effects)
        {
            t = t with
            {
                ImportsBefore = t.ImportsBefore + e.ImportsBefore, ImportsAfter = t.ImportsAfter + e.ImportsAfter, TradeCreation = t.TradeCreation + e.TradeCreation,
                TradeDiversion = t.TradeDiversion + e.TradeDiversion, RevenueBefore = t.RevenueBefore + e.RevenueBefore, RevenueAfter = t.RevenueAfter + e.RevenueAfter,
                ImporterDutyBurden = t.ImporterDutyBurden + e.ImporterDutyBurden, ConsumerSurplusChange = t.ConsumerSurplusChange + e.ConsumerSurplusChange,
                PartnerBefore = t.PartnerBefore + e.Line.ImportsPartner, PartnerAfter = t.PartnerAfter + e.PartnerAfter,
            };
        }

        return t;
    }
}

/// <summary>An impact run: inputs, groups and totals.</summary>
/// <param name="Inputs">What went in.</param>
/// <param name="Before">Baseline schedule name.</param>
/// <param name="After">Scenario schedule name.</param>
/// <param name="Date">The date tariffs were compared on.</param>
/// <param name="By">The grouping.</param>
/// <param name="SupplyElasticity">The export supply elasticity, or null.</param>
/// <param name="Groups">Per group, largest revenue change first.</param>
/// <param name="Total">Over all lines.</param>
public sealed record ImpactRun(ImpactInputs Inputs, string Before, string After, DateOnly Date, ImpactGrouping By, double? SupplyElasticity,
    IReadOnlyList<(string Name, ImpactTotals Totals)> Groups, ImpactTotals Total)
{
    /// <summary>Runs the model for the CLI and the API alike.</summary>
    public static ImpactRun Compute(ScheduleLoader loader, CountryCode importer, DocumentRef scenario, DocumentRef? baseline, int year, DateOnly? date, ImpactGrouping by, double? supplyElasticity)
    {
        ArgumentNullException.ThrowIfNull(loader);
        var before = loader.Load(baseline);
        var after = loader.Load(scenario);
        // By default the last day of the year, kept within the schedule's data: a base year before the data (2017)
        // is priced at the tariffs of the data's first day, one after it at those of its last day.
        var lastDay = before.DataPeriod.LastDay!.Value;
        var firstDay = before.DataPeriod.Start;
        var on = date ?? (new DateOnly(year, 12, 31) is var end && end > lastDay ? lastDay : end < firstDay ? firstDay : end);
        var inputs = new ImpactData(loader.Paths, loader.Baseline).Build(importer, before, after, year, on);
        var effects = ImpactModel.Run(inputs.Lines, supplyElasticity);
        var groups = effects.GroupBy(e => by switch { ImpactGrouping.Chapter => e.Line.Code[..2], ImpactGrouping.Hs6 => e.Line.Code[..6], _ => e.Line.Group })
            .Select(g => (Name: g.Key, Totals: ImpactTotals.Of(g)))
            .OrderByDescending(g => Math.Abs(g.Totals.RevenueAfter - g.Totals.RevenueBefore)).ThenBy(g => g.Name, StringComparer.Ordinal).ToList();
        return new ImpactRun(inputs, before.Name, after.Name, on, by, supplyElasticity, groups, ImpactTotals.Of(effects));
    }

    /// <summary>The JSON shape (fixed names, USD).</summary>
    public object ToJson() => new
    {
        importer = Inputs.Importer.ToString(), partner = Inputs.Partner.ToString(), scenario = After, baseline = Before, year = Inputs.Year, date = Date,
        series = Inputs.Series, supplyElasticity = SupplyElasticity, lines = Inputs.Lines.Count,
        importsBefore = Usd(Total.ImportsBefore), importsAfter = Usd(Total.ImportsAfter), tradeCreation = Usd(Total.TradeCreation),
        tradeDiversion = Usd(Total.TradeDiversion), tariffRevenueBefore = Usd(Total.RevenueBefore), tariffRevenueAfter = Usd(Total.RevenueAfter),
        importerDutyBurden = Usd(Total.ImporterDutyBurden), consumerSurplusChange = Usd(Total.ConsumerSurplusChange),
        importsFromPartnerBefore = Usd(Total.PartnerBefore), importsFromPartnerAfter = Usd(Total.PartnerAfter),
        importsFromRestBefore = Usd(Total.ImportsBefore - Total.PartnerBefore), importsFromRestAfter = Usd(Total.ImportsAfter - Total.PartnerAfter),
        by = By.Name(),
        products = Groups.Select(g => new
        {
            name = g.Name, importsBefore = Usd(g.Totals.ImportsBefore), importsAfter = Usd(g.Totals.ImportsAfter), tradeCreation = Usd(g.Totals.TradeCreation),
            tradeDiversion = Usd(g.Totals.TradeDiversion), tariffRevenueBefore = Usd(g.Totals.RevenueBefore), tariffRevenueAfter = Usd(g.Totals.RevenueAfter),
            importerDutyBurden = Usd(g.Totals.ImporterDutyBurden), consumerSurplusChange = Usd(g.Totals.ConsumerSurplusChange),
            importsFromPartnerBefore = Usd(g.Totals.PartnerBefore), importsFromPartnerAfter = Usd(g.Totals.PartnerAfter),
            importsFromRestBefore = Usd(g.Totals.ImportsBefore - g.Totals.PartnerBefore), importsFromRestAfter = Usd(g.Totals.ImportsAfter - g.Totals.PartnerAfter),
        }),
        notes = Inputs.Notes,
    };

    private static decimal Usd(double value) => Math.Round((decimal)value, 0);
}
