using TradeAccord.Core.Tariffs;
using TradeAccord.Core.Tariffs.Stacking;

namespace TradeAccord.Sources.Compiled;

/// <summary>
/// Writes a compiled schedule as <see cref="ScheduleDecoder"/> reads it: the set's own fields, then tables of the
/// shared objects (origin scopes, rates, coverages), then the stacking rules and measures referring to them by number,
/// then each importer's line index.
/// </summary>
/// <remarks>Every field of <see cref="Measure"/> is written; the round-trip test compares them all by reflection.</remarks>
internal static class ScheduleEncoder
{
    public static void Write(BinaryWriter writer, TariffSchedule schedule)
    {
        var set = schedule.Set;
        writer.Write(schedule.Name);
        writer.Write(set.DataPeriod);
        writer.Write(set.Sources.Count);
        foreach (var source in set.Sources)
        {
            writer.Write(source.Name);
            writer.Write(source.File);
            writer.Write(source.Version);
        }

        writer.Write(set.MissingAfterEnd);

        var origins = new ReferenceTable<OriginScope>();
        var rates = new RateTable();
        var coverages = new ReferenceTable<ProductCoverage>();
        foreach (var rule in set.StackingRules)
        {
            origins.Add(rule.Origins);
        }

        foreach (var measure in set.Measures)
        {
            origins.Add(measure.Origins);
            if (measure.Rate is not null)
            {
                rates.Add(measure.Rate);
            }

            coverages.Add(measure.Coverage);
        }

        WriteOrigins(writer, origins.Items);
        foreach (var coverage in coverages.Items)
        {
            foreach (var rate in coverage.RateTable)
            {
                rates.Add(rate);
            }
        }

        WriteRates(writer, rates.Items);
        WriteCoverages(writer, coverages.Items, rates);
        WriteRules(writer, set.StackingRules, origins);
        writer.Write(set.Measures.Count);
        foreach (var measure in set.Measures)
        {
            WriteMeasure(writer, measure, origins, rates, coverages);
        }

        var importers = schedule.Importers.ToList();
        writer.Write(importers.Count);
        foreach (var importer in importers)
        {
            schedule.TryGetImporter(importer, out var compiled);
            writer.Write(importer.Value);
            writer.WriteArray(compiled.Index.Lines);
            writer.WriteArray(compiled.Index.Starts);
            writer.WriteArray(compiled.Index.MeasurePositions);
        }
    }

    private static void WriteOrigins(BinaryWriter writer, IReadOnlyList<OriginScope> origins)
    {
        writer.Write(origins.Count);
        foreach (var scope in origins)
        {
            writer.Write(scope.IsAllExcept);
            writer.Write(scope.Countries.Select(c => c.Value).Order(StringComparer.Ordinal).ToList());
        }
    }

    private static void WriteRates(BinaryWriter writer, IReadOnlyList<DutyRate> rates)
    {
        writer.Write(rates.Count);
        foreach (var rate in rates)
        {
            writer.Write(rate.Text);
            writer.Write(rate.IsComputable);
            writer.Write(rate.AdValorem);
            writer.WriteOptional(rate.AdValoremQualifier);
            writer.Write(rate.Specific.Count);
            foreach (var part in rate.Specific)
            {
                writer.Write(part.PerUnit);
                writer.Write(part.Unit);
                writer.WriteOptional(part.Qualifier);
            }
        }
    }

    private static void WriteCoverages(BinaryWriter writer, IReadOnlyList<ProductCoverage> coverages, RateTable rates)
    {
        writer.Write(coverages.Count);
        foreach (var coverage in coverages)
        {
            writer.Write(coverage.Id);
            writer.Write(coverage.RateTable.Count);
            foreach (var rate in coverage.RateTable)
            {
                writer.Write(rates.PositionOf(rate));
            }

            writer.WriteArray(coverage.SortKeys);
            writer.WriteArray(coverage.RatePositions);
        }
    }

    private static void WriteRules(BinaryWriter writer, IReadOnlyList<StackingRule> rules, ReferenceTable<OriginScope> origins)
    {
        writer.Write(rules.Count);
        foreach (var rule in rules)
        {
            writer.Write(rule.Id);
            writer.Write(rule.Citation);
            writer.Write(rule.Validity);
            writer.Write(origins.PositionOf(rule.Origins));
            writer.Write(rule.When);
            writer.Write(rule.Removes);
            writer.Write((int)rule.Part);
            writer.Write(rule.Threshold);
        }
    }

    private static void WriteMeasure(BinaryWriter writer, Measure measure, ReferenceTable<OriginScope> origins, RateTable rates,
        ReferenceTable<ProductCoverage> coverages)
    {
        writer.Write(measure.Id);
        writer.Write(measure.Importer.Value);
        writer.Write((int)measure.Kind);
        writer.Write(measure.Title);
        writer.WriteOptional(measure.Heading);
        writer.Write(measure.LegalBase);
        writer.Write(measure.Source);
        writer.Write(origins.PositionOf(measure.Origins));
        writer.Write(coverages.PositionOf(measure.Coverage));
        writer.Write(rates.PositionOf(measure.Rate));
        writer.Write(measure.Validity);
        writer.Write((int)measure.Status);
        writer.Write(measure.ExportCondition is not null);
        if (measure.ExportCondition is { } condition)
        {
            writer.WriteOptional(condition.ExportedBefore);
            writer.WriteOptional(condition.ExportedOnOrAfter);
        }

        writer.Write(measure.Supersedes);
        writer.Write(measure.RequiresClaim);
        writer.WriteOptional(measure.EndUse);
        writer.WriteOptional(measure.DocumentedFrom);
        writer.WriteOptional(measure.DocumentedUntil);
        writer.WriteOptional(measure.CarriedForwardNote);
        writer.Write(measure.DefinesNomenclature);
        writer.Write(measure.DeclaredAuthority is not null);
        if (measure.DeclaredAuthority is { } authority)
        {
            writer.Write((int)authority);
        }

        writer.WriteOptional(measure.Family);
        writer.Write((int)measure.LevyBase);
        writer.WriteOptional(measure.Note);
    }
}
