using System.Globalization;
using nietras.SeparatedValues;
using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Sources.Batch;

/// <summary>
/// Prices an entries file row by row and writes every input row back with mfn_rate, additional_rate, total_rate
/// (fractions), duty_usd, headings, warnings and error. Streams both files, so memory stays flat as files grow.
/// </summary>
public static class DutyBatch
{
    /// <summary>The columns appended to each row.</summary>
    public static readonly IReadOnlyList<string> OutputColumns =
        ["mfn_rate", "additional_rate", "total_rate", "duty_usd", "headings", "warnings", "error"];

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
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(outputPath);
        var columns = entries.ColumnNames;
        long rows = 0, errors = 0;
        decimal totalValue = 0m, totalDuty = 0m;
        var length = Math.Max(1, entries.Stream.Length);
        foreach (var current in entries.Rows)
        {
            var entry = entries.Parse(current);
            using var row = writer.NewRow();
            for (var i = 0; i < columns.Count; i++)
            {
                row[columns[i]].Set(i < current.ColCount ? current[i].Span : []);
            }

            rows++;
            var quote = entry.Shipment is { } shipment ? DutyCalculator.Quote(schedule, importer, shipment) : null;
            if (quote is null || !quote.TryGetValue(out var priced))
            {
                errors++;
                WriteEmpty(row);
                row["error"].Set(entry.Error ?? $"line {entry.Line}: {quote!.Error}");
            }
            else
            {
                var duty = priced.TotalDuty ?? 0m;
                totalValue += entry.Shipment!.Value ?? 0m;
                totalDuty += duty;
                row["mfn_rate"].Set(Fraction(priced.BaseAdValorem));
                row["additional_rate"].Set(Fraction(priced.AdditionalAdValorem));
                row["total_rate"].Set(Fraction(priced.TotalAdValorem));
                row["duty_usd"].Set(duty.ToString("0.00", CultureInfo.InvariantCulture));
                row["headings"].Set(string.Join(" ", priced.Layers.Select(l => l.Measure.Heading).OfType<string>()));
                row["warnings"].Set(string.Join(" | ", priced.Warnings));
                row["error"].Set("");
            }

            if ((rows & 0xFFFF) == 0)
            {
                progress?.Invoke((double)entries.Stream.Position / length);
            }
        }

        if (rows == 0)
        {
            // An input with only a header still gets a header in the output.
            writer.Header.Add([.. columns.Concat(OutputColumns)]);
            writer.Header.Write();
        }

        progress?.Invoke(1.0);
        return new BatchSummary(rows, errors, totalValue, totalDuty);
    }

    private static void WriteEmpty(SepWriter.Row row)
    {
        foreach (var column in OutputColumns)
        {
            row[column].Set("");
        }
    }

    private static string Fraction(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
