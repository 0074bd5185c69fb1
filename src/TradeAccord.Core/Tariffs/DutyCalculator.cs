using System.Globalization;
using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs.Stacking;

namespace TradeAccord.Core.Tariffs;

/// <summary>Computes the duty a shipment owes under a compiled schedule, layer by layer, and says why.</summary>
/// <remarks>
/// Batch files price millions of entries through here, so the per-line work (resolving the code, collecting the
/// measures that cover it, the texts of warnings) is cached by <see cref="ImporterSchedule"/> and a quote only
/// filters a short candidate list by date, origin and condition.
/// </remarks>
public static class DutyCalculator
{
    /// <summary>The largest value or quantity an entry may declare.</summary>
    public const decimal MaxAmount = 1_000_000_000_000_000m;

    /// <summary>Quotes the duty <paramref name="shipment"/> owes when imported into <paramref name="importer"/>.</summary>
    /// <returns>The quote, or why none can be given (unknown importer or code, date outside the data, ambiguous code).</returns>
    public static Result<DutyQuote> Quote(TariffSchedule schedule, CountryCode importer, Shipment shipment)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        CheckShipment(shipment);
        if (!schedule.TryGetImporter(importer, out var measures))
        {
            return Result<DutyQuote>.Fail(
                $"no tariff data for importer '{importer}': the schedule has {string.Join(", ", schedule.Importers.Order())}");
        }

        if (Check(schedule, shipment) is { } problem)
        {
            return Result<DutyQuote>.Fail(problem);
        }

        var lookup = measures.Lookup(shipment.Code);
        var index = measures.NomenclatureIndexOn(shipment.EntryDate);
        if (index < 0)
        {
            return Result<DutyQuote>.Ok(Price(schedule, measures, shipment, shipment.Code, lookup[0].Candidates, null, null));
        }

        var layer = measures.NomenclatureLayers[index];
        List<string>? warnings = null;
        if (measures.SourceWarning(index, shipment.EntryDate) is { } sourceWarning)
        {
            Warn(ref warnings, sourceWarning);
        }

        var resolution = lookup[index];
        if (resolution.Error is { } error)
        {
            return Result<DutyQuote>.Fail(error);
        }

        if (resolution.WarningFor(shipment.Origin) is { } warning)
        {
            Warn(ref warnings, warning);
        }

        return resolution.Line is { } line
            ? Result<DutyQuote>.Ok(Price(schedule, measures, shipment, line, resolution.Candidates, layer, warnings))
            : QuoteLinesBelow(schedule, measures, layer, shipment, resolution.Span!.Value, warnings);
    }

    /// <summary>
    /// Prices the common case — every layer a plain percentage or a specific rate with its quantity, no condition,
    /// claim or replacement, no warning but the cached ones about the source or the declared code — without
    /// allocating, for batch files of millions of entries. Returns false whenever the full <see cref="Quote"/> is
    /// needed; when it returns true its figures and warnings equal those of <see cref="Quote"/>.
    /// </summary>
    public static bool TryQuotePlain(TariffSchedule schedule, CountryCode importer, Shipment shipment, out PlainQuote quote)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        CheckShipment(shipment);
        quote = default;
        return schedule.TryGetImporter(importer, out var measures) && TryQuotePlain(schedule, measures, null, shipment, out quote);
    }

    /// <summary>
    /// <see cref="TryQuotePlain(TariffSchedule, CountryCode, Shipment, out PlainQuote)"/> for a shipment whose code was
    /// resolved beforehand: the same answer, without looking the code up.
    /// </summary>
    /// <exception cref="ArgumentException">The shipment's code is not the resolved one.</exception>
    public static bool TryQuotePlain(ResolvedCode code, Shipment shipment, out PlainQuote quote)
    {
        ArgumentNullException.ThrowIfNull(code);
        CheckShipment(shipment);
        if (shipment.Code != code.Code)
        {
            throw new ArgumentException($"The shipment's code {shipment.Code} is not the resolved code {code.Code}.", nameof(shipment));
        }

        return TryQuotePlain(code.Schedule, code.Measures, code.Lookup, shipment, out quote);
    }

    /// <summary>Looks <paramref name="code"/> up once for <see cref="TryQuotePlain(ResolvedCode, Shipment, out PlainQuote)"/>.</summary>
    /// <returns>The resolved code, or null when the schedule has no tariff data for <paramref name="importer"/>.</returns>
    public static ResolvedCode? Resolve(TariffSchedule schedule, CountryCode importer, ProductCode code)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (code.Value is null)
        {
            throw new ArgumentException("The code must be a parsed value, not a default.", nameof(code));
        }

        return schedule.TryGetImporter(importer, out var measures) ? new ResolvedCode(schedule, importer, measures, code) : null;
    }

    // lookup: the code's resolutions when resolved beforehand, else null (looked up here, after the cheap checks).
    private static bool TryQuotePlain(TariffSchedule schedule, ImporterSchedule measures, LineResolution[]? lookup, in Shipment shipment, out PlainQuote quote)
    {
        quote = default;
        if (shipment.Value is not { } value || Check(schedule, shipment) is not null)
        {
            return false;
        }

        var index = measures.NomenclatureIndexOn(shipment.EntryDate);
        if (index < 0)
        {
            return false;
        }

        var resolution = (lookup ?? measures.Lookup(shipment.Code))[index];
        if (resolution.Line is null)
        {
            return false;
        }

        decimal total = 0m, baseRate = 0m, duty = 0m, ieepa = 0m;
        var applied = 0;
        string? headings = null;
        var candidates = resolution.Candidates;
        Span<int> applying = candidates.Length <= 64 ? stackalloc int[candidates.Length] : new int[candidates.Length];
        for (var i = 0; i < candidates.Length; i++)
        {
            var candidate = candidates[i];
            var measure = candidate.Measure;
            if (!measure.Validity.Contains(shipment.EntryDate) || !measure.Origins.Includes(shipment.Origin))
            {
                continue;
            }

            if (candidate.Notes is not null || measure.Supersedes.Count > 0 || measure.LevyBase != LevyBase.Value ||
                !TryPlainAmount(candidate, shipment, value, out var amount))
            {
                return false;
            }

            applying[applied] = i;
            applied++;
            total += candidate.AdValorem;
            baseRate += measure.Kind is MeasureKind.Mfn or MeasureKind.Column2 ? candidate.AdValorem : 0m;
            duty += amount;
            ieepa += measure.Authority.IsIeepa() ? amount : 0m;
            if (measure.Heading is { } heading)
            {
                headings = headings is null ? heading : headings + " " + heading;
            }
        }

        if (applied == 0)
        {
            return false; // the full quote reports no duty as unknown (null), not as zero
        }

        if (!StackingLeavesAlone(schedule.Set.StackingRules, shipment, candidates, applying[..applied]))
        {
            return false;
        }

        quote = new PlainQuote(baseRate, total, duty + 0.00m, headings ?? "", measures.SourceWarning(index, shipment.EntryDate),
            resolution.WarningFor(shipment.Origin), ieepa + 0.00m);
        return true;
    }

    // Whether no stacking rule changes any of the applying layers, so the full quote would levy each on the whole
    // value as the plain path does. A rule does nothing when it is not in force on the entry date or for the origin,
    // when none of the layers triggers it (a rule with triggers), when it removes none of their families, or when it
    // keeps the reciprocal duty off US content and the entry declares none. Anything else takes the full quote.
    // Asking this per entry, rather than refusing every layer of a family some rule names, keeps the plain path for
    // the 2025-2026 entries that no rule touches (most of them; they took the full quote before).
    private static bool StackingLeavesAlone(IReadOnlyList<StackingRule> rules, in Shipment shipment, CandidateMeasure[] candidates, ReadOnlySpan<int> applying)
    {
        for (var r = 0; r < rules.Count; r++)
        {
            var rule = rules[r];
            if (!rule.Validity.Contains(shipment.EntryDate) || !rule.Origins.Includes(shipment.Origin) ||
                (rule.Part == StackingPart.UsContent && shipment.UsContentValue is null))
            {
                continue;
            }

            var triggered = rule.When.Count == 0;
            var removes = false;
            foreach (var i in applying)
            {
                var family = candidates[i].Measure.StackingFamily;
                triggered = triggered || rule.TriggeredBy(family);
                removes = removes || rule.RemovesFamily(family);
            }

            if (triggered && removes)
            {
                return false;
            }
        }

        return true;
    }

    // A plain percentage, or a specific or compound rate whose every part has the quantity it needs: the cases the
    // full quote prices without a warning.
    private static bool TryPlainAmount(in CandidateMeasure candidate, in Shipment shipment, decimal value, out decimal amount)
    {
        amount = 0m;
        if (candidate.IsPlainAdValorem)
        {
            amount = Math.Round(value * candidate.AdValorem, 2, MidpointRounding.AwayFromZero);
            return true;
        }

        if (candidate.Rate is not { IsComputable: true, IsQualified: false } rate || shipment.Quantity is not { } quantity || shipment.Unit is not { } unit)
        {
            return false;
        }

        var exact = value * rate.AdValorem;
        var canonical = QuantityUnit.Normalize(unit);
        foreach (var specific in rate.Specific)
        {
            if (specific.Unit != canonical)
            {
                return false;
            }

            exact += quantity * specific.PerUnit;
        }

        amount = Math.Round(exact, 2, MidpointRounding.AwayFromZero);
        return true;
    }

    // A default ProductCode or CountryCode is a caller's bug, not bad input: it would otherwise price as "00" or Andorra.
    private static void CheckShipment(in Shipment shipment)
    {
        if (shipment.Code.Value is null || shipment.Origin.Value is null)
        {
            throw new ArgumentException("The shipment's code and origin must be parsed values, not defaults.", nameof(shipment));
        }
    }

    private static string? Check(TariffSchedule schedule, in Shipment shipment)
    {
        if (!schedule.DataPeriod.Contains(shipment.EntryDate))
        {
            return $"entry date {Iso(shipment.EntryDate)} is outside the data: expected a date from {Iso(schedule.DataPeriod.Start)} " +
                $"to {Iso(schedule.DataPeriod.LastDay!.Value)}";
        }

        if (shipment.ExportDate is { } exported && exported > shipment.EntryDate)
        {
            return $"export date {Iso(exported)} is after the entry date {Iso(shipment.EntryDate)}";
        }

        if (shipment.Value is < 0m)
        {
            return $"value {shipment.Value} is negative: expected an amount of zero or more";
        }

        // Far above any entry line, and low enough that no product or sum of a batch can overflow a decimal.
        if (shipment.Value > MaxAmount || shipment.Quantity > MaxAmount)
        {
            return $"{(shipment.Value > MaxAmount ? $"value {shipment.Value}" : $"quantity {shipment.Quantity}")} is too large: expected at most {MaxAmount:N0}";
        }

        return shipment.Quantity is < 0m ? $"quantity {shipment.Quantity} is negative: expected zero or more" : null;
    }

    // A code above line level (an HS6 code for China's 10-digit schedule) is answered when every line below it
    // owes the same; otherwise the caller must choose, and is told the lines.
    private static Result<DutyQuote> QuoteLinesBelow(
        TariffSchedule schedule, ImporterSchedule measures, Measure layer, Shipment shipment, ProductCode span, List<string>? warnings)
    {
        var lines = measures.LinesBelow(layer, span).Where(l => measures.LinesBelow(layer, l).Count == 0).ToList();
        if (lines.Count == 0)
        {
            return Result<DutyQuote>.Fail($"unknown code {shipment.Code.ToDotted()}: not a line of {layer.Title}");
        }

        var quotes = lines.Select(l => Price(schedule, measures, shipment, l, measures.CandidatesFor(l), layer, warnings is null ? null : [.. warnings])).ToList();
        var signatures = quotes.Select(Signature).Distinct(StringComparer.Ordinal).ToList();
        if (signatures.Count > 1)
        {
            var listing = string.Join("; ", quotes.Take(12).Select(q => $"{q.Line.ToDotted()} {DutyRate.FormatPercent(q.TotalAdValorem)}"));
            return Result<DutyQuote>.Fail(
                $"{span.ToDotted()} spans {lines.Count} lines of {layer.Title} with different duties ({listing}" +
                $"{(lines.Count > 12 ? "; ..." : "")}): give the full line");
        }

        var first = quotes[0];
        return Result<DutyQuote>.Ok(first with
        {
            Line = shipment.Code,
            Warnings = [.. quotes.SelectMany(q => q.Warnings).Distinct(StringComparer.Ordinal), lines.Count == 1
                ? $"{span.ToDotted()} is printed only as {lines[0].ToDotted()} in {layer.Title}; priced as that line"
                : $"{span.ToDotted()} spans {lines.Count} lines of {layer.Title}; all owe the same"],
        });
    }

    private static string Signature(DutyQuote quote) =>
        string.Join("|", quote.Layers.Select(l => l.Measure.Id + "=" + l.Rate.Text));

    private static DutyQuote Price(TariffSchedule schedule, ImporterSchedule measures, Shipment shipment, ProductCode line,
        CandidateMeasure[] candidates, Measure? layer, List<string>? warnings)
    {
        // An array, not IReadOnlyList: indexing an array through the interface goes through a generic helper
        // that cost a third of a quote's time (measured with a sampling profiler).
        Span<bool> applies = stackalloc bool[candidates.Length];
        var count = 0;
        var supersedes = false;
        for (var i = 0; i < candidates.Length; i++)
        {
            if (Applies(candidates[i], shipment, ref warnings))
            {
                applies[i] = true;
                count++;
                supersedes |= candidates[i].Measure.Supersedes.Count > 0;
            }
        }

        // Only transit rates and claimed exclusions replace other measures: rare enough to build the set on demand.
        HashSet<string>? superseded = null;
        if (supersedes)
        {
            superseded = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < candidates.Length; i++)
            {
                if (applies[i])
                {
                    superseded.UnionWith(candidates[i].Measure.Supersedes);
                }
            }
        }

        var chosen = new List<int>(count);
        for (var i = 0; i < candidates.Length; i++)
        {
            if (applies[i] && superseded?.Contains(candidates[i].Measure.Id) != true)
            {
                chosen.Add(i);
            }
        }

        var layers = new List<DutyLayer>(chosen.Count);
        List<NotAppliedLayer>? notApplied = null;
        if (schedule.Set.StackingRules.Count == 0 && chosen.TrueForAll(i => candidates[i].Measure.LevyBase == LevyBase.Value))
        {
            foreach (var i in chosen)
            {
                layers.Add(Layer(candidates[i], shipment, shipment.Value, ref warnings));
            }
        }
        else
        {
            (var bases, var removed, notApplied) = StackingStep.Apply(schedule.Set.StackingRules, shipment, candidates, chosen, ref warnings);
            for (var k = 0; k < chosen.Count; k++)
            {
                if (!removed[k])
                {
                    layers.Add(Layer(candidates[chosen[k]], shipment, bases[k], ref warnings));
                }
            }
        }

        return new DutyQuote
        {
            Importer = measures.Importer,
            Shipment = shipment,
            Line = line,
            ScheduleName = schedule.Name,
            Nomenclature = layer?.Title,
            Layers = layers,
            NotApplied = (IReadOnlyList<NotAppliedLayer>?)notApplied ?? [],
            Warnings = (IReadOnlyList<string>?)warnings ?? [],
        };
    }

    private static bool Applies(CandidateMeasure candidate, Shipment shipment, ref List<string>? warnings)
    {
        var measure = candidate.Measure;
        if (!measure.Validity.Contains(shipment.EntryDate) || !measure.Origins.Includes(shipment.Origin))
        {
            return false;
        }

        if (measure.Status != MeasureStatus.InForce)
        {
            Warn(ref warnings, candidate.Notes!.Status);
            return false;
        }

        if (measure.ExportCondition is { } condition)
        {
            if (shipment.ExportDate is not { } exported)
            {
                Warn(ref warnings, candidate.Notes!.ExportDate);
                return false;
            }

            if (!condition.IsMetBy(exported))
            {
                return false;
            }
        }

        if (measure.EndUse is not null && !shipment.DeclaredEndUse)
        {
            Warn(ref warnings, candidate.Notes!.EndUse);
            return false;
        }

        if (measure.RequiresClaim && !shipment.ClaimExclusions)
        {
            Warn(ref warnings, candidate.Notes!.Claim);
            return false;
        }

        return true;
    }

    // levied: the part of the value the ad valorem rate falls on (the whole value, the metal content, or what a
    // stacking rule left); null when no value was given.
    private static DutyLayer Layer(CandidateMeasure candidate, Shipment shipment, decimal? levied, ref List<string>? warnings)
    {
        var measure = candidate.Measure;
        var share = levied is { } part && shipment.Value is { } whole && part != whole ? (whole == 0m ? 0m : part / whole) : 1m;
        if (candidate.IsPlainAdValorem)
        {
            // The common case, priced from the candidate alone.
            var plain = levied is { } v ? Math.Round(v * candidate.AdValorem, 2, MidpointRounding.AwayFromZero) + 0.00m : (decimal?)null;
            return new DutyLayer(measure, candidate.Rate!, plain, plain is not null || candidate.AdValorem == 0m) { Share = share };
        }

        if (candidate.Rate is not { } rate)
        {
            Warn(ref warnings, $"{measure.Title}: the source gives no rate for this line; not computed");
            return new DutyLayer(measure, DutyRate.NotComputable("(no rate in source)"), null, false);
        }

        if (!rate.IsComputable)
        {
            Warn(ref warnings, $"{measure.Title}: rate \"{rate.Text}\" states no figure the engine can apply; not computed");
            return new DutyLayer(measure, rate, null, false);
        }

        // A rate levied on part of the goods ("on the case", "on drained weight") is computed on the value and
        // quantity declared, as the only figures at hand, and the layer is marked incomplete so no total hides it.
        var complete = !rate.IsQualified;
        if (rate.IsQualified)
        {
            Warn(ref warnings, $"{measure.Title}: rate \"{rate.Text}\" is levied on part of the goods; computed on the value and quantity as declared, not exact");
        }

        decimal? amount = null;
        if (levied is { } value)
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
                Warn(ref warnings, $"{measure.Title}: the specific part {SpecificText(specific)} needs a quantity in {specific.Unit}; not computed");
            }
        }

        // Adding 0.00m gives every amount two decimals (1000.00, not 1000.0) without changing its value.
        return new DutyLayer(measure, rate, amount is { } a ? Math.Round(a, 2, MidpointRounding.AwayFromZero) + 0.00m : null, complete) { Share = share };
    }

    private static void Warn(ref List<string>? warnings, string warning) => (warnings ??= []).Add(warning);

    private static string SpecificText(SpecificDuty specific) =>
        specific.PerUnit.ToString("0.######", CultureInfo.InvariantCulture) + "/" + specific.Unit;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
