using System.Reflection;
using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using TradeAccord.Core.Tariffs.Stacking;
using TradeAccord.Sources.Compiled;
using static TradeAccord.Sources.Tests.Compiled.ScheduleDescriptions;

namespace TradeAccord.Sources.Tests.Compiled;

/// <summary>A stored schedule reads back as the schedule compiled from the sources: every field, every line, every quote.</summary>
public class StoredScheduleFileTests
{
    [Fact]
    public void Every_property_of_every_measure_survives_the_store()
    {
        var compiled = FreshlyCompiled.Value;
        var stored = RoundTrip(compiled);
        stored.Set.Measures.Count.ShouldBe(compiled.Set.Measures.Count);
        // By reflection, so a property added to Measure later and not stored fails here.
        var properties = typeof(Measure).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        properties.Length.ShouldBeGreaterThan(20);
        for (var i = 0; i < compiled.Set.Measures.Count; i++)
        {
            var (original, read) = (compiled.Set.Measures[i], stored.Set.Measures[i]);
            foreach (var property in properties)
            {
                Describe(property.GetValue(read)).ShouldBe(Describe(property.GetValue(original)), $"{original.Id}.{property.Name}");
            }
        }
    }

    [Fact]
    public void Every_covered_line_keeps_its_own_rate()
    {
        var compiled = FreshlyCompiled.Value;
        var stored = RoundTrip(compiled);
        var lines = 0;
        for (var i = 0; i < compiled.Set.Measures.Count; i++)
        {
            var (original, read) = (compiled.Set.Measures[i].Coverage, stored.Set.Measures[i].Coverage);
            read.Id.ShouldBe(original.Id);
            read.SortKeys.SequenceEqual(original.SortKeys).ShouldBeTrue(original.Id);
            read.HasLineRates.ShouldBe(original.HasLineRates);
            var originalRates = original.Entries.Select(e => e.Value is null ? "-" : Rate(e.Value)).ToList();
            read.Entries.Select(e => e.Value is null ? "-" : Rate(e.Value)).ShouldBe(originalRates, original.Id);
            lines += read.Count;
        }

        lines.ShouldBeGreaterThan(800_000); // the 2018-2026 schedule lists 872,715 (line, measure) pairs
    }

    [Fact]
    public void The_sets_own_fields_and_the_stacking_rules_survive_the_store()
    {
        var compiled = FreshlyCompiled.Value;
        var stored = RoundTrip(compiled);
        stored.Name.ShouldBe(compiled.Name);
        stored.DataPeriod.ShouldBe(compiled.DataPeriod);
        stored.Sources.ShouldBe(compiled.Sources);
        stored.Set.MissingAfterEnd.ShouldBe(compiled.Set.MissingAfterEnd);
        stored.Set.StackingRules.Count.ShouldBeGreaterThan(0);
        stored.Set.StackingRules.Select(Rule).ShouldBe(compiled.Set.StackingRules.Select(Rule));
        stored.Importers.ShouldBe(compiled.Importers);
    }

    [Fact]
    public void Each_importers_line_index_is_the_one_built_from_the_coverages()
    {
        var stored = RoundTrip(FreshlyCompiled.Value);
        foreach (var importer in stored.Importers)
        {
            stored.TryGetImporter(importer, out var read);
            var rebuilt = LineIndex.Build(read.Measures);
            read.Index.Lines.SequenceEqual(rebuilt.Lines).ShouldBeTrue();
            read.Index.Starts.SequenceEqual(rebuilt.Starts).ShouldBeTrue();
            read.Index.MeasurePositions.SequenceEqual(rebuilt.MeasurePositions).ShouldBeTrue();
        }
    }

    [Fact]
    public void Quotes_from_the_stored_schedule_equal_quotes_from_the_compiled_one_on_real_lines()
    {
        var compiled = FreshlyCompiled.Value;
        var stored = RoundTrip(compiled);
        compiled.TryGetImporter(CountryCode.US, out var us);
        var dates = new[] { "2018-07-06", "2019-09-01", "2020-02-14", "2023-06-01", "2025-04-10", "2025-05-14", "2025-11-10", "2026-03-01" }
            .Select(BuiltIn.Day).ToArray();
        var origins = new[] { CountryCode.CN, CountryCode.Parse("DE").GetValueOrThrow(), CountryCode.Parse("MX").GetValueOrThrow() };
        var compared = 0;
        foreach (var line in us.NomenclatureLayers[^1].Coverage.Lines.Where((_, i) => i % 40 == 0))
        {
            foreach (var date in dates)
            {
                foreach (var origin in origins)
                {
                    var shipment = new Shipment(line, origin, date, Value: 10_000m, Quantity: 250m, Unit: "kg");
                    Quote(DutyCalculator.Quote(stored, CountryCode.US, shipment))
                        .ShouldBe(Quote(DutyCalculator.Quote(compiled, CountryCode.US, shipment)), $"{line} {origin} {date}");
                    compared++;
                }
            }
        }

        // China's schedule too, and codes that are not lines (8-digit spans, unknown codes).
        foreach (var code in new[] { "12019000", "1201", "8471300100", "9999999999", "87032301" })
        {
            foreach (var importer in new[] { CountryCode.US, CountryCode.CN })
            {
                var shipment = new Shipment(ProductCode.FromDigits(code), importer == CountryCode.US ? CountryCode.CN : CountryCode.US, BuiltIn.Day("2019-06-20"), Value: 5_000m);
                Quote(DutyCalculator.Quote(stored, importer, shipment)).ShouldBe(Quote(DutyCalculator.Quote(compiled, importer, shipment)), $"{importer} {code}");
            }
        }

        compared.ShouldBeGreaterThan(10_000);
    }

    [Fact]
    public void The_stored_enums_counts_are_those_of_the_enums()
    {
        ScheduleDecoder.MeasureKinds.ShouldBe(Enum.GetValues<MeasureKind>().Length);
        ScheduleDecoder.MeasureStatuses.ShouldBe(Enum.GetValues<MeasureStatus>().Length);
        ScheduleDecoder.LevyBases.ShouldBe(Enum.GetValues<LevyBase>().Length);
        ScheduleDecoder.StackingParts.ShouldBe(Enum.GetValues<StackingPart>().Length);
        ScheduleDecoder.Authorities.ShouldBe(Enum.GetValues<TariffAuthority>().Length);
        foreach (var values in new[] { Enum.GetValues<MeasureKind>().Cast<int>(), Enum.GetValues<MeasureStatus>().Cast<int>(), Enum.GetValues<LevyBase>().Cast<int>(),
                     Enum.GetValues<StackingPart>().Cast<int>(), Enum.GetValues<TariffAuthority>().Cast<int>() })
        {
            values.ShouldBe(Enumerable.Range(0, values.Count()));
        }
    }

    [Theory]
    [InlineData(0, "truncated: 0 bytes, shorter than the 64-byte header")]
    [InlineData(40, "truncated: 40 bytes, shorter than the 64-byte header")]
    [InlineData(-1, "truncated or extended: the header says {0} bytes of schedule, the file holds {1}")]
    public void A_truncated_file_is_refused_with_the_reason(int keep, string reason)
    {
        var bytes = Bytes();
        var cut = keep >= 0 ? bytes[..keep] : bytes[..(bytes.Length / 2)];
        var (schedule, problem) = StoredScheduleFile.Read(cut, Fingerprint);
        schedule.ShouldBeNull();
        problem.ShouldBe(string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, bytes.Length - 64, cut.Length - 64));
    }

    [Fact]
    public void A_schedule_that_checks_out_but_does_not_decode_is_refused_not_thrown()
    {
        // The schedule's name is the payload's first field: a string length of -1 (7-bit encoded) under a valid checksum.
        var bytes = (byte[])Bytes().Clone();
        ((byte[])[0xFF, 0xFF, 0xFF, 0xFF, 0x0F]).CopyTo(bytes, 64);
        Reseal(bytes);
        var (schedule, problem) = StoredScheduleFile.Read(bytes, Fingerprint);
        schedule.ShouldBeNull();
        problem.ShouldNotBeNull().ShouldStartWith("undecodable: ");
    }

    [Fact]
    public void A_line_index_that_drops_a_measure_is_refused_though_the_checksum_holds()
    {
        var schedule = TwoMeasures();
        using var buffer = new MemoryStream();
        StoredScheduleFile.Write(buffer, schedule, Fingerprint);
        var bytes = buffer.ToArray();
        StoredScheduleFile.Read(bytes, Fingerprint).Schedule.ShouldNotBeNull();

        // The file ends with the last importer's measure positions: the last line's second measure (1) becomes 0.
        BitConverter.ToInt32(bytes, bytes.Length - 4).ShouldBe(1);
        bytes.AsSpan(bytes.Length - 4).Clear();
        Reseal(bytes);
        var (read, problem) = StoredScheduleFile.Read(bytes, Fingerprint);
        read.ShouldBeNull();
        problem.ShouldNotBeNull().ShouldStartWith("undecodable: the line index names measure 0 of 2 out of order");
    }

    [Fact]
    public void A_measure_with_every_property_set_survives_the_store()
    {
        // Every property away from its default, so a property the file does not carry shows here even when the
        // shipped data never set it.
        var schedule = TwoMeasures();
        var stored = RoundTrip(schedule);
        var full = schedule.Set.Measures[1];
        foreach (var property in typeof(Measure).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(full);
            var blank = property.GetValue(Blank);
            Describe(value).ShouldNotBe(Describe(blank), $"{property.Name} is not set away from its default in this test");
            Describe(property.GetValue(stored.Set.Measures[1])).ShouldBe(Describe(value), property.Name);
        }
    }

    private static readonly Measure Blank = new()
    {
        Id = "", Importer = CountryCode.CN, Kind = MeasureKind.Mfn, Title = "", LegalBase = "", Source = "", Origins = OriginScope.All,
        Coverage = new ProductCoverage("blank", new Dictionary<ProductCode, DutyRate?>()), Validity = DateInterval.From(DateOnly.MinValue),
    };

    // Synthetic: a general rate and a measure with every property set, on two invented lines.
    private static TariffSchedule TwoMeasures()
    {
        var lines = new Dictionary<ProductCode, DutyRate?> { [ProductCode.FromDigits("0101210010")] = DutyRate.Free, [ProductCode.FromDigits("0101290000")] = DutyRate.AdValoremOnly(0.045m) };
        var general = new Measure
        {
            Id = "mfn-test", Importer = CountryCode.US, Kind = MeasureKind.Mfn, Title = "general rate", LegalBase = "test", Source = "synthetic",
            Origins = OriginScope.All, Coverage = new ProductCoverage("test-lines", lines), Validity = new DateInterval(new DateOnly(2020, 1, 1), null),
            DefinesNomenclature = true,
        };
        var everything = new Measure
        {
            Id = "every-property", Importer = CountryCode.US, Kind = MeasureKind.Section232, Title = "a synthetic layer", Heading = "9903.99.99",
            LegalBase = "no instrument", Source = "synthetic", Origins = OriginScope.AllExcept(CountryCode.CN),
            Coverage = new ProductCoverage("two-lines", lines.ToDictionary(l => l.Key, l => (DutyRate?)DutyRate.Compound("12.5% + 3¢/kg on the case", 0.125m, [new SpecificDuty(0.03m, "kg", "on drained weight")], "on the case"))),
            Rate = DutyRate.NotComputable("the rate of the natural juice"), Validity = new DateInterval(new DateOnly(2021, 2, 3), new DateOnly(2022, 4, 5)),
            Status = MeasureStatus.Suspended, ExportCondition = new ExportCondition(new DateOnly(2021, 5, 1), new DateOnly(2021, 1, 1)),
            Supersedes = ["mfn-test"], RequiresClaim = true, EndUse = "automobile parts", DocumentedFrom = new DateOnly(2021, 3, 1),
            DocumentedUntil = new DateOnly(2022, 1, 1), CarriedForwardNote = "carried", DefinesNomenclature = true,
            DeclaredAuthority = TariffAuthority.IeepaReciprocal, Family = "s232-test", LevyBase = LevyBase.Content, Note = "a note",
        };
        var set = new MeasureSet([general, everything], new DateInterval(new DateOnly(2020, 1, 1), new DateOnly(2023, 1, 1)), [new SourceVersion("synthetic", "none", "v1")]);
        return TariffSchedule.Compile(set, "synthetic");
    }

    // Writes a valid checksum for the bytes after the header, as a writer that got the content wrong would.
    private static void Reseal(byte[] bytes) => System.IO.Hashing.XxHash128.Hash(bytes.AsSpan(64)).CopyTo(bytes.AsSpan(8 + 4 + 1 + 16 + 8));

    [Fact]
    public void A_changed_byte_anywhere_in_the_schedule_fails_the_checksum()
    {
        var bytes = Bytes();
        foreach (var at in new[] { 64, 64 + 1_000, bytes.Length / 2, bytes.Length - 1 })
        {
            var altered = (byte[])bytes.Clone();
            altered[at] ^= 0x10;
            var (schedule, problem) = StoredScheduleFile.Read(altered, Fingerprint);
            schedule.ShouldBeNull();
            problem.ShouldBe("corrupt: the checksum of the schedule does not match the header", $"byte {at}");
        }
    }

    [Fact]
    public void A_file_of_another_format_build_or_data_is_not_trusted()
    {
        var bytes = Bytes();
        var otherVersion = (byte[])bytes.Clone();
        otherVersion[8] = (byte)(StoredScheduleFile.FormatVersion + 1);
        StoredScheduleFile.Read(otherVersion, Fingerprint).Problem.ShouldBe($"format version {StoredScheduleFile.FormatVersion + 1}, expected {StoredScheduleFile.FormatVersion}");

        var (schedule, problem) = StoredScheduleFile.Read(bytes, "ffeeddccbbaa99887766554433221100");
        schedule.ShouldBeNull();
        problem.ShouldBe($"made for fingerprint {Fingerprint}, not ffeeddccbbaa99887766554433221100 (other data or another build)");

        var notOurs = (byte[])bytes.Clone();
        notOurs[0] = (byte)'X';
        StoredScheduleFile.Read(notOurs, Fingerprint).Problem.ShouldBe("not a stored schedule (wrong magic number)");
    }

    private const string Fingerprint = "0123456789abcdef0123456789abcdef";

    private static readonly Lazy<byte[]> Stored = new(() =>
    {
        using var buffer = new MemoryStream();
        StoredScheduleFile.Write(buffer, FreshlyCompiled.Value, Fingerprint);
        return buffer.ToArray();
    });

    private static byte[] Bytes() => Stored.Value;
}
