using System.Globalization;
using nietras.SeparatedValues;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Sources;

/// <summary>
/// Writes a compiled schedule as plain CSV rows anyone can check with SQL: one row per line, measure and rate part.
/// </summary>
/// <remarks>
/// Columns: importer, hts, origin, measure_id, kind, heading, status, ad_valorem, specific, unit, rate_text,
/// valid_from, valid_to, export_condition, supersedes, requires_claim. <c>origin</c> is <c>*</c> for every origin,
/// a country code (or several joined by <c>;</c>), or <c>!</c> followed by the origins left out. <c>valid_to</c> is
/// exclusive and empty when open. A line listed without a rate of its own (a 10-digit line inheriting from its
/// 8-digit parent) is not written: a checker takes the most specific row per entry and measure. A rate with two
/// specific parts gives two rows; the second carries no ad valorem part, so the rows of a measure add up.
/// </remarks>
public static class ScheduleExporter
{
    /// <summary>The header, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "importer", "hts", "origin", "measure_id", "kind", "heading", "status", "ad_valorem", "specific", "unit", "rate_text",
        "valid_from", "valid_to", "export_condition", "supersedes", "requires_claim",
    ];

    /// <summary>Writes the measures valid on <paramref name="date"/> (every measure when null).</summary>
    /// <returns>Rows written.</returns>
    public static long Write(TariffSchedule schedule, TextWriter output, DateOnly? date = null, Core.Common.CountryCode? importer = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(output, leaveOpen: true);
        writer.Header.Add([.. Columns]);
        writer.Header.Write();
        long rows = 0;
        foreach (var measure in schedule.Set.Measures)
        {
            if ((date is { } d && !measure.Validity.Contains(d)) || (importer is { } i && measure.Importer != i))
            {
                continue;
            }

            foreach (var (line, own) in measure.Coverage.Entries.OrderBy(e => e.Key))
            {
                var rate = own ?? measure.Rate;
                if (rate is null)
                {
                    continue;
                }

                var parts = Math.Max(1, rate.Specific.Count);
                for (var part = 0; part < parts; part++)
                {
                    var specific = part < rate.Specific.Count ? rate.Specific[part] : null;
                    using var row = writer.NewRow();
                    row["importer"].Set(measure.Importer.Value);
                    row["hts"].Set(line.Value);
                    row["origin"].Set(Origin(measure.Origins));
                    row["measure_id"].Set(measure.Id);
                    row["kind"].Set(measure.Kind.ToString().ToLowerInvariant());
                    row["heading"].Set(measure.Heading ?? "");
                    row["status"].Set(Status(measure.Status));
                    row["ad_valorem"].Set(!rate.IsComputable ? "" : Number(part == 0 ? rate.AdValorem : 0m));
                    row["specific"].Set(specific is null ? "" : Number(specific.PerUnit));
                    row["unit"].Set(specific?.Unit ?? "");
                    row["rate_text"].Set(rate.Text);
                    row["valid_from"].Set(Iso(measure.Validity.Start));
                    row["valid_to"].Set(measure.Validity.EndOrNull is { } end ? Iso(end) : "");
                    row["export_condition"].Set(measure.ExportCondition?.ToString() ?? "");
                    row["supersedes"].Set(string.Join(";", measure.Supersedes));
                    row["requires_claim"].Set(measure.RequiresClaim ? "true" : "false");
                    rows++;
                }
            }
        }

        return rows;
    }

    /// <summary>The export's origin notation.</summary>
    public static string Origin(OriginScope scope) =>
        scope.IsAllExcept
            ? scope.Countries.Count == 0 ? "*" : "!" + string.Join(";", scope.Countries.Select(c => c.Value).Order(StringComparer.Ordinal))
            : string.Join(";", scope.Countries.Select(c => c.Value).Order(StringComparer.Ordinal));

    private static string Status(MeasureStatus status) => status switch
    {
        MeasureStatus.InForce => "in-force",
        MeasureStatus.Suspended => "suspended",
        _ => "proposed",
    };

    private static string Number(decimal value) => value.ToString("0.########", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
