using System.Globalization;
using TradeAccord.Core.Common;

namespace TradeAccord.Core.Tariffs;

/// <summary>Computes the duty a shipment owes under a compiled schedule, layer by layer, and says why.</summary>
public static class DutyCalculator
{
    /// <summary>Quotes the duty <paramref name="shipment"/> owes when imported into <paramref name="importer"/>.</summary>
    /// <returns>The quote, or why none can be given (unknown importer or code, date outside the data, ambiguous code).</returns>
    public static Result<DutyQuote> Quote(TariffSchedule schedule, CountryCode importer, Shipment shipment)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(shipment);
        if (!schedule.TryGetImporter(importer, out var measures))
        {
            return Result<DutyQuote>.Fail(
                $"no tariff data for importer '{importer}': the schedule has {string.Join(", ", schedule.Importers.Order())}");
        }

        if (!schedule.DataPeriod.Contains(shipment.EntryDate))
        {
            return Result<DutyQuote>.Fail(
                $"entry date {Iso(shipment.EntryDate)} is outside the data: expected a date from {Iso(schedule.DataPeriod.Start)} " +
                $"to {Iso(schedule.DataPeriod.LastDay!.Value)}");
        }

        if (shipment.ExportDate is { } exported && exported > shipment.EntryDate)
        {
            return Result<DutyQuote>.Fail($"export date {Iso(exported)} is after the entry date {Iso(shipment.EntryDate)}");
        }

        if (shipment.Value is < 0m)
        {
            return Result<DutyQuote>.Fail($"value {shipment.Value} is negative: expected an amount of zero or more");
        }

        if (shipment.Quantity is < 0m)
        {
            return Result<DutyQuote>.Fail($"quantity {shipment.Quantity} is negative: expected zero or more");
        }

        var warnings = new List<string>();
        var layer = measures.NomenclatureOn(shipment.EntryDate);
        if (layer is null)
        {
            return Result<DutyQuote>.Ok(Price(schedule, measures, shipment, shipment.Code, null, warnings));
        }

        if (layer.DocumentedFrom is { } documented && shipment.EntryDate < documented)
        {
            warnings.Add($"no shipped revision was in force on {Iso(shipment.EntryDate)}: using the nearest, {layer.Title} " +
                $"(in force from {Iso(documented)})");
        }

        var resolution = ResolveLine(measures, layer, shipment.Code, warnings);
        if (!resolution.TryGetValue(out var line))
        {
            return Result<DutyQuote>.Fail(resolution.Error!);
        }

        return line is { } resolved
            ? Result<DutyQuote>.Ok(Price(schedule, measures, shipment, resolved, layer, warnings))
            : QuoteLinesBelow(schedule, measures, layer, shipment, warnings);
    }

    // Finds the line the declared code stands for: itself when the revision lists it, its 8-digit parent when only
    // the statistical suffix is unknown, or null when the code spans several lines.
    private static Result<ProductCode?> ResolveLine(ImporterSchedule measures, Measure layer, ProductCode code, List<string> warnings)
    {
        // A listed line without a rate of its own whose lines below carry the rates (the HTS prints some
        // 8-digit subheadings that way) is answered from the lines below, like a shorter code.
        if (layer.Coverage.Lists(code) && (layer.RateFor(code) is not null || measures.LinesBelow(layer, code).Count == 0))
        {
            return Result<ProductCode?>.Ok(code);
        }

        if (code.DigitCount == 10 && layer.Coverage.Lists(code.Truncate(8)))
        {
            warnings.Add($"{code.ToDotted()} is not a statistical line of {layer.Title}: rates of {code.Truncate(8).ToDotted()} used");
            return Result<ProductCode?>.Ok(code.Truncate(8));
        }

        return measures.LinesBelow(layer, code).Count > 0
            ? Result<ProductCode?>.Ok(null)
            : Result<ProductCode?>.Fail($"unknown code {code.ToDotted()}: not a line of {layer.Title}");
    }

    // A code above line level (an HS6 code for China's 10-digit schedule) is answered when every line below it
    // owes the same; otherwise the caller must choose, and is told the lines.
    private static Result<DutyQuote> QuoteLinesBelow(
        TariffSchedule schedule, ImporterSchedule measures, Measure layer, Shipment shipment, List<string> warnings)
    {
        var lines = measures.LinesBelow(layer, shipment.Code).Where(l => !measures.LinesBelow(layer, l).Any()).ToList();
        var quotes = lines.Select(l => Price(schedule, measures, shipment, l, layer, [.. warnings])).ToList();
        var signatures = quotes.Select(Signature).Distinct(StringComparer.Ordinal).ToList();
        if (signatures.Count > 1)
        {
            var listing = string.Join("; ", quotes.Take(12).Select(q => $"{q.Line.ToDotted()} {DutyRate.FormatPercent(q.TotalAdValorem)}"));
            return Result<DutyQuote>.Fail(
                $"{shipment.Code.ToDotted()} spans {lines.Count} lines of {layer.Title} with different duties ({listing}" +
                $"{(lines.Count > 12 ? "; ..." : "")}): give the full line");
        }

        var first = quotes[0];
        return Result<DutyQuote>.Ok(first with
        {
            Line = shipment.Code,
            Warnings = [.. first.Warnings, $"{shipment.Code.ToDotted()} spans {lines.Count} lines of {layer.Title}; all owe the same"],
        });
    }

    private static string Signature(DutyQuote quote) =>
        string.Join("|", quote.Layers.Select(l => l.Measure.Id + "=" + l.Rate.Text));

    private static DutyQuote Price(
        TariffSchedule schedule, ImporterSchedule measures, Shipment shipment, ProductCode line, Measure? layer, List<string> warnings)
    {
        var applicable = new List<CandidateMeasure>();
        foreach (var candidate in measures.CandidatesFor(line))
        {
            var measure = candidate.Measure;
            if (!measure.Validity.Contains(shipment.EntryDate) || !measure.Origins.Includes(shipment.Origin))
            {
                continue;
            }

            if (measure.Status != MeasureStatus.InForce)
            {
                warnings.Add($"{measure.Title} ({measure.Heading}) at {candidate.Rate?.Text} is {Describe(measure.Status)}: not applied");
                continue;
            }

            if (measure.ExportCondition is { } condition)
            {
                if (shipment.ExportDate is not { } exported)
                {
                    warnings.Add($"{measure.Title} ({measure.Heading}) applies only to goods {condition}: give the export date to claim it");
                    continue;
                }

                if (!condition.IsMetBy(exported))
                {
                    continue;
                }
            }

            if (measure.RequiresClaim && !shipment.ClaimExclusions)
            {
                warnings.Add($"{measure.Title}: {measure.Note} Not applied unless claimed.");
                continue;
            }

            applicable.Add(candidate);
        }

        var superseded = applicable.SelectMany(c => c.Measure.Supersedes).ToHashSet(StringComparer.Ordinal);
        var layers = new List<DutyLayer>();
        foreach (var candidate in applicable.Where(c => !superseded.Contains(c.Measure.Id))
                     .OrderBy(c => c.Measure.Kind).ThenBy(c => c.Measure.Heading, StringComparer.Ordinal))
        {
            layers.Add(Layer(candidate, shipment, warnings));
        }

        return new DutyQuote
        {
            Importer = measures.Importer,
            Shipment = shipment,
            Line = line,
            ScheduleName = schedule.Name,
            Nomenclature = layer?.Title,
            Layers = layers,
            Warnings = warnings,
        };
    }

    private static DutyLayer Layer(CandidateMeasure candidate, Shipment shipment, List<string> warnings)
    {
        var measure = candidate.Measure;
        if (candidate.Rate is not { } rate)
        {
            warnings.Add($"{measure.Title}: the source gives no rate for this line; not computed");
            return new DutyLayer(measure, DutyRate.NotComputable("(no rate in source)"), null, false);
        }

        if (!rate.IsComputable)
        {
            warnings.Add($"{measure.Title}: rate \"{rate.Text}\" states no figure the engine can apply; not computed");
            return new DutyLayer(measure, rate, null, false);
        }

        if (rate.IsQualified)
        {
            warnings.Add($"{measure.Title}: rate \"{rate.Text}\" is levied on part of the goods; computed on the value and quantity as declared");
        }

        var complete = true;
        decimal? amount = null;
        if (shipment.Value is { } value)
        {
            amount = value * rate.AdValorem;
        }
        else if (rate.AdValorem != 0m)
        {
            complete = false;
        }

        foreach (var specific in rate.Specific)
        {
            if (shipment.Quantity is { } quantity && shipment.Unit is { } unit && QuantityUnit.Normalize(unit) == specific.Unit)
            {
                amount = (amount ?? 0m) + (quantity * specific.PerUnit);
            }
            else
            {
                complete = false;
                warnings.Add($"{measure.Title}: the specific part {SpecificText(specific)} needs a quantity in {specific.Unit}; not computed");
            }
        }

        // Adding 0.00m gives every amount two decimals (1000.00, not 1000.0) without changing its value.
        return new DutyLayer(measure, rate, amount is { } a ? Math.Round(a, 2, MidpointRounding.AwayFromZero) + 0.00m : null, complete);
    }

    private static string SpecificText(SpecificDuty specific) =>
        specific.PerUnit.ToString("0.######", CultureInfo.InvariantCulture) + "/" + specific.Unit;

    private static string Describe(MeasureStatus status) => status switch
    {
        MeasureStatus.Suspended => "suspended",
        MeasureStatus.Proposed => "proposed only",
        _ => "in force",
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
