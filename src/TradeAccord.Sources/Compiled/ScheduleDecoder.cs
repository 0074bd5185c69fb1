using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using TradeAccord.Core.Tariffs.Stacking;

namespace TradeAccord.Sources.Compiled;

/// <summary>Reads back what <see cref="ScheduleEncoder"/> wrote, in the same order.</summary>
/// <remarks>
/// Anything that does not decode throws (<see cref="IOException"/> and its <see cref="InvalidDataException"/> and
/// <see cref="EndOfStreamException"/>, <see cref="ArgumentException"/>, <see cref="FormatException"/>): the caller then
/// compiles the schedule afresh. The checksum rules out damage; these checks rule out a writer's mistake being trusted.
/// </remarks>
internal static class ScheduleDecoder
{
    // How many members each stored enum has (members run from 0): a test checks them against the enums.
    internal const int MeasureKinds = (int)MeasureKind.Additional + 1;
    internal const int MeasureStatuses = (int)MeasureStatus.Proposed + 1;
    internal const int LevyBases = (int)LevyBase.Content + 1;
    internal const int StackingParts = (int)StackingPart.UsContent + 1;
    internal const int Authorities = (int)TariffAuthority.Other + 1;

    /// <summary>Reads the schedule from <paramref name="reader"/>, whose stream reads <paramref name="bytes"/> from <paramref name="origin"/>.</summary>
    public static TariffSchedule Read(BinaryReader reader, byte[] bytes, int origin)
    {
        var name = reader.ReadString();
        var period = reader.ReadInterval();
        var sources = new SourceVersion[reader.ReadCount(3)];
        for (var i = 0; i < sources.Length; i++)
        {
            sources[i] = new SourceVersion(reader.ReadString(), reader.ReadString(), reader.ReadString());
        }

        var missingAfterEnd = reader.ReadStrings();
        var origins = ReadOrigins(reader);
        var rates = ReadRates(reader);
        var coverages = ReadCoverages(reader, rates, bytes, origin);
        var rules = ReadRules(reader, origins);
        var measures = new Measure[reader.ReadCount(8)];
        for (var i = 0; i < measures.Length; i++)
        {
            measures[i] = ReadMeasure(reader, origins, rates, coverages);
        }

        var set = new MeasureSet(measures, period, sources) { StackingRules = rules, MissingAfterEnd = missingAfterEnd };
        var indexes = new Dictionary<CountryCode, LineIndex>();
        var importers = reader.ReadCount(4);
        for (var i = 0; i < importers; i++)
        {
            var importer = Country(reader.ReadString());
            if (indexes.ContainsKey(importer))
            {
                throw new InvalidDataException($"importer {importer} has two line indexes");
            }

            indexes[importer] = LineIndex.FromStored(reader.ReadArrayInPlace<long>(bytes, origin), reader.ReadArrayInPlace<int>(bytes, origin),
                reader.ReadArrayInPlace<int>(bytes, origin), [.. measures.Where(m => m.Importer == importer)]);
        }

        return reader.BaseStream.Position == reader.BaseStream.Length
            ? TariffSchedule.FromStored(set, name, indexes)
            : throw new InvalidDataException($"{reader.BaseStream.Length - reader.BaseStream.Position} bytes follow the schedule");
    }

    private static OriginScope[] ReadOrigins(BinaryReader reader)
    {
        var origins = new OriginScope[reader.ReadCount(5)];
        for (var i = 0; i < origins.Length; i++)
        {
            var allExcept = reader.ReadBoolean();
            var countries = reader.ReadStrings().Select(Country).ToList();
            origins[i] = allExcept
                ? countries.Count == 0 ? OriginScope.All : OriginScope.AllExcept(countries)
                : OriginScope.Only(countries);
        }

        return origins;
    }

    private static DutyRate[] ReadRates(BinaryReader reader)
    {
        var rates = new DutyRate[reader.ReadCount(4)];
        for (var i = 0; i < rates.Length; i++)
        {
            var text = reader.ReadString();
            var computable = reader.ReadBoolean();
            var adValorem = reader.ReadDecimal();
            var qualifier = reader.ReadOptionalString();
            var specific = new SpecificDuty[reader.ReadCount(18)];
            for (var p = 0; p < specific.Length; p++)
            {
                specific[p] = new SpecificDuty(reader.ReadDecimal(), reader.ReadString(), reader.ReadOptionalString());
            }

            // The factories the readers used: Free and NotComputable are what a rate with those fields was made by.
            rates[i] = !computable ? DutyRate.NotComputable(text)
                : text == DutyRate.Free.Text && adValorem == 0m && adValorem.Scale == DutyRate.Free.AdValorem.Scale && specific.Length == 0 && qualifier is null
                    ? DutyRate.Free
                : DutyRate.Compound(text, adValorem, specific.Length == 0 ? [] : specific, qualifier);
        }

        return rates;
    }

    private static ProductCoverage[] ReadCoverages(BinaryReader reader, DutyRate[] rates, byte[] bytes, int origin)
    {
        var coverages = new ProductCoverage[reader.ReadCount(9)];
        for (var i = 0; i < coverages.Length; i++)
        {
            var id = reader.ReadString();
            var table = new DutyRate[reader.ReadCount(4)];
            for (var r = 0; r < table.Length; r++)
            {
                table[r] = rates[reader.ReadInt32()];
            }

            coverages[i] = ProductCoverage.FromSorted(id, reader.ReadArrayInPlace<long>(bytes, origin), reader.ReadArrayInPlace<int>(bytes, origin), table);
        }

        return coverages;
    }

    private static StackingRule[] ReadRules(BinaryReader reader, OriginScope[] origins)
    {
        var rules = new StackingRule[reader.ReadCount(8)];
        for (var i = 0; i < rules.Length; i++)
        {
            rules[i] = new StackingRule
            {
                Id = reader.ReadString(),
                Citation = reader.ReadString(),
                Validity = reader.ReadInterval(),
                Origins = origins[reader.ReadInt32()],
                When = reader.ReadStrings(),
                Removes = reader.ReadStrings(),
                Part = reader.ReadEnum<StackingPart>(StackingParts),
                Threshold = reader.ReadDecimal(),
            };
        }

        return rules;
    }

    private static Measure ReadMeasure(BinaryReader reader, OriginScope[] origins, DutyRate[] rates, ProductCoverage[] coverages) => new()
    {
        Id = reader.ReadString(),
        Importer = Country(reader.ReadString()),
        Kind = reader.ReadEnum<MeasureKind>(MeasureKinds),
        Title = reader.ReadString(),
        Heading = reader.ReadOptionalString(),
        LegalBase = reader.ReadString(),
        Source = reader.ReadString(),
        Origins = origins[reader.ReadInt32()],
        Coverage = coverages[reader.ReadInt32()],
        Rate = reader.ReadInt32() switch
        {
            -1 => null,
            var rate and >= 0 => rates[rate],
            var other => throw new InvalidDataException($"rate {other} is not a rate of the table"),
        },
        Validity = reader.ReadInterval(),
        Status = reader.ReadEnum<MeasureStatus>(MeasureStatuses),
        ExportCondition = reader.ReadBoolean() ? new ExportCondition(reader.ReadOptionalDate(), reader.ReadOptionalDate()) : null,
        Supersedes = reader.ReadStrings(),
        RequiresClaim = reader.ReadBoolean(),
        EndUse = reader.ReadOptionalString(),
        DocumentedFrom = reader.ReadOptionalDate(),
        DocumentedUntil = reader.ReadOptionalDate(),
        CarriedForwardNote = reader.ReadOptionalString(),
        DefinesNomenclature = reader.ReadBoolean(),
        DeclaredAuthority = reader.ReadBoolean() ? reader.ReadEnum<TariffAuthority>(Authorities) : null,
        Family = reader.ReadOptionalString(),
        LevyBase = reader.ReadEnum<LevyBase>(LevyBases),
        Note = reader.ReadOptionalString(),
    };

    private static CountryCode Country(string code) =>
        CountryCode.Parse(code).TryGetValue(out var country) ? country : throw new InvalidDataException($"'{code}' is not a country code");
}
