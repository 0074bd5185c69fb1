using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.App.Tariffs.Batch;

/// <summary>What every chunk of one batch is priced against, and where its totals go.</summary>
internal sealed record PricingJob(TariffSchedule Schedule, CountryCode Importer, EntryFile Entries, BatchTotals Totals);
