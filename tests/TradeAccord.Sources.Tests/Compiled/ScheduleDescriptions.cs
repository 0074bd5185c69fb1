using System.Globalization;
using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using TradeAccord.Core.Tariffs.Stacking;
using TradeAccord.Sources.Compiled;

namespace TradeAccord.Sources.Tests.Compiled;

/// <summary>Plain-text descriptions of schedule parts, so a stored schedule can be compared field by field with a compiled one.</summary>
internal static class ScheduleDescriptions
{
    /// <summary>The shipped baseline compiled from the sources, as the loader does when nothing is stored.</summary>
    public static readonly Lazy<TariffSchedule> FreshlyCompiled = new(() => TariffSchedule.Compile(BuiltInData.Load(DataPaths.Locate().Data)));

    /// <summary>The compiled baseline written to a stored file's bytes and read back.</summary>
    public static TariffSchedule RoundTrip(TariffSchedule schedule, string fingerprint = "00112233445566778899aabbccddeeff")
    {
        using var buffer = new MemoryStream();
        StoredScheduleFile.Write(buffer, schedule, fingerprint);
        var (stored, problem) = StoredScheduleFile.Read(buffer.ToArray(), fingerprint);
        return stored ?? throw new InvalidOperationException(problem);
    }

    public static string Describe(object? value) => value switch
    {
        null => "null",
        string text => text,
        ProductCoverage coverage => $"coverage {coverage.Id} of {coverage.Count} lines",
        DutyRate rate => Rate(rate),
        OriginScope scope => $"{(scope.IsAllExcept ? "all except" : "only")} {string.Join(",", scope.Countries.Select(c => c.Value).Order(StringComparer.Ordinal))}",
        IEnumerable<string> texts => "[" + string.Join(", ", texts) + "]",
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    public static string Rate(DutyRate rate) =>
        $"{rate.Text}|{rate.AdValorem.ToString(CultureInfo.InvariantCulture)}|{rate.IsComputable}|{rate.AdValoremQualifier}|" +
        string.Join(";", rate.Specific.Select(p => $"{p.PerUnit.ToString(CultureInfo.InvariantCulture)} {p.Unit} {p.Qualifier}"));

    public static string Rule(StackingRule rule) =>
        $"{rule.Id}|{rule.Citation}|{rule.Validity}|{Describe(rule.Origins)}|{Describe(rule.When)}|{Describe(rule.Removes)}|{rule.Part}|{rule.Threshold}";

    /// <summary>Everything a quote says: figures, layers with their measures and amounts, layers removed, warnings.</summary>
    public static string Quote(Result<DutyQuote> result)
    {
        if (!result.Success)
        {
            return "error: " + result.Error;
        }

        var quote = result.GetValueOrThrow();
        return string.Join(" / ",
        [
            $"{quote.Line} {quote.Nomenclature} total {quote.TotalDuty} at {quote.TotalAdValorem} complete {quote.IsComplete} ieepa {quote.IeepaDuty}",
            .. quote.Layers.Select(l => $"{l.Measure.Id} {l.Rate.Text} {l.Amount} share {l.Share}"),
            .. quote.NotApplied.Select(n => $"not {n.Measure.Id} by {n.Rule.Id} whole {n.Whole}"),
            .. quote.Warnings,
        ]);
    }
}
