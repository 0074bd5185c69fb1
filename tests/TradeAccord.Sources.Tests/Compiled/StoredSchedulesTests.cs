using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Compiled;
using static TradeAccord.Sources.Tests.Compiled.ScheduleDescriptions;

namespace TradeAccord.Sources.Tests.Compiled;

/// <summary>
/// The cache of compiled baselines on the shipped data: built once, then loaded; rebuilt when truncated, corrupt or
/// of other data; safe when several build at once.
/// </summary>
public sealed class StoredSchedulesTests : IDisposable
{
    private readonly TempFolder _cache = new();
    private int _compiles;

    private static string Data => DataPaths.Locate().Data;

    public void Dispose() => _cache.Dispose();

    [Fact]
    public void The_first_process_compiles_and_stores_and_the_next_loads()
    {
        var first = Load(Data);
        first.Outcome.ShouldBe(StoredScheduleOutcome.Built);
        File.Exists(first.File).ShouldBeTrue();
        var second = Load(Data);
        second.Outcome.ShouldBe(StoredScheduleOutcome.Loaded);
        second.File.ShouldBe(first.File);
        _compiles.ShouldBe(1);
        Quote(second.Schedule, "8471300100", "2025-05-01").ShouldBe(Quote(FreshlyCompiled.Value, "8471300100", "2025-05-01"));
        Directory.GetFiles(_cache.Path, "*.tmp").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("corrupt")]
    [InlineData("empty")]
    public void A_damaged_file_is_detected_and_rebuilt(string damage)
    {
        var file = Load(Data).File!;
        var original = File.ReadAllBytes(file);
        var bytes = (byte[])original.Clone();
        switch (damage)
        {
            case "truncated":
                File.WriteAllBytes(file, bytes[..(bytes.Length * 2 / 3)]);
                break;
            case "corrupt":
                bytes[bytes.Length / 3] ^= 0xFF;
                File.WriteAllBytes(file, bytes);
                break;
            default:
                File.WriteAllBytes(file, []);
                break;
        }

        var rebuilt = Load(Data);
        rebuilt.Outcome.ShouldBe(StoredScheduleOutcome.Rebuilt);
        rebuilt.Reason.ShouldNotBeNull().ShouldStartWith(damage == "corrupt" ? "corrupt" : "truncated");
        File.ReadAllBytes(file).AsSpan().SequenceEqual(original).ShouldBeTrue("the file is written again whole, as it was before the damage");
        Load(Data).Outcome.ShouldBe(StoredScheduleOutcome.Loaded);
        _compiles.ShouldBe(2);
    }

    [Fact]
    public void A_change_to_any_input_file_compiles_a_new_schedule_and_a_change_elsewhere_does_not()
    {
        using var data = CopyOfInputs();
        var before = Load(data.Path);
        before.Outcome.ShouldBe(StoredScheduleOutcome.Built);
        Load(data.Path).Outcome.ShouldBe(StoredScheduleOutcome.Loaded);

        // Not a schedule input: the stored schedule stays valid.
        data.Write("trade/notes.txt", "not read by the schedule");
        Load(data.Path).Outcome.ShouldBe(StoredScheduleOutcome.Loaded);

        // A comment added to a measure file changes nothing in the schedule, but the data changed: compiled again.
        var measures = Path.Combine(data.Path, "us", "measures", "s122.yaml");
        File.AppendAllText(measures, "\n# edited\n");
        var after = Load(data.Path);
        after.Outcome.ShouldBe(StoredScheduleOutcome.Built);
        after.File.ShouldNotBe(before.File);
        Load(data.Path).Outcome.ShouldBe(StoredScheduleOutcome.Loaded);
    }

    [Fact]
    public void The_inputs_listed_for_the_fingerprint_are_every_file_the_schedule_is_compiled_from()
    {
        // Compiling from a copy of exactly the listed files must work and give the same schedule: a reader that
        // opened a file outside the list would fail here with the missing file named.
        using var data = CopyOfInputs();
        var copied = TariffSchedule.Compile(BuiltInData.Load(data.Path));
        Quote(copied, "7326908688", "2019-06-20").ShouldBe(Quote(FreshlyCompiled.Value, "7326908688", "2019-06-20"));
        copied.Set.Measures.Select(m => m.Id).ShouldBe(FreshlyCompiled.Value.Set.Measures.Select(m => m.Id));
    }

    [Fact]
    public async Task Builders_at_once_each_get_the_schedule_and_leave_one_whole_file()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Load(Data))));
        results.ShouldAllBe(r => r.Outcome == StoredScheduleOutcome.Built || r.Outcome == StoredScheduleOutcome.Loaded);
        Directory.GetFiles(_cache.Path, "schedule-*.bin").ShouldHaveSingleItem();
        Directory.GetFiles(_cache.Path, "*.tmp").ShouldBeEmpty();
        Load(Data).Outcome.ShouldBe(StoredScheduleOutcome.Loaded);
        foreach (var result in results)
        {
            Quote(result.Schedule, "8471300100", "2025-05-01").ShouldBe(Quote(FreshlyCompiled.Value, "8471300100", "2025-05-01"));
        }
    }

    [Fact]
    public void Data_written_while_they_are_compiled_are_not_stored_under_the_earlier_fingerprint()
    {
        using var data = CopyOfInputs();
        var measures = Path.Combine(data.Path, "us", "measures", "s122.yaml");
        var result = StoredSchedules.LoadOrCompile(data.Path, _cache.Path, () =>
        {
            var schedule = TariffSchedule.Compile(BuiltInData.Load(data.Path));
            File.AppendAllText(measures, "\n# written during the compile\n");
            return schedule;
        });
        result.Outcome.ShouldBe(StoredScheduleOutcome.NotStored);
        result.Reason.ShouldBe("the data changed while they were compiled");
        Directory.GetFiles(_cache.Path, "schedule-*.bin").ShouldBeEmpty();
        Load(data.Path).Outcome.ShouldBe(StoredScheduleOutcome.Built);
    }

    [Fact]
    public void A_stored_file_that_checks_out_but_does_not_decode_is_compiled_over()
    {
        var file = Load(Data).File!;
        var bytes = File.ReadAllBytes(file);
        ((byte[])[0xFF, 0xFF, 0xFF, 0xFF, 0x0F]).CopyTo(bytes, 64);
        System.IO.Hashing.XxHash128.Hash(bytes.AsSpan(64)).CopyTo(bytes.AsSpan(8 + 4 + 1 + 16 + 8));
        File.WriteAllBytes(file, bytes);
        var rebuilt = Load(Data);
        rebuilt.Outcome.ShouldBe(StoredScheduleOutcome.Rebuilt);
        rebuilt.Reason.ShouldNotBeNull().ShouldStartWith("undecodable: ");
        Load(Data).Outcome.ShouldBe(StoredScheduleOutcome.Loaded);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_cache_folder_others_can_write_to_is_not_used()
    {
        var shared = Path.Combine(_cache.Path, "shared");
        Directory.CreateDirectory(shared);
        File.SetUnixFileMode(shared, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupWrite | UnixFileMode.GroupRead |
            UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);
        var result = StoredSchedules.LoadOrCompile(Data, shared, () => FreshlyCompiled.Value);
        result.Outcome.ShouldBe(StoredScheduleOutcome.NotStored);
        result.Reason.ShouldBe($"{shared} is writable by other users: schedules are kept only in a folder its owner alone can write");
        Directory.GetFiles(shared).ShouldBeEmpty();
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_new_cache_folder_is_its_owners_alone()
    {
        var folder = Path.Combine(_cache.Path, "new", "cache");
        StoredSchedules.LoadOrCompile(Data, folder, () => FreshlyCompiled.Value).Outcome.ShouldBe(StoredScheduleOutcome.Built);
        File.GetUnixFileMode(folder).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public void Without_a_cache_folder_nothing_is_stored()
    {
        var result = StoredSchedules.LoadOrCompile(Data, null, () => FreshlyCompiled.Value);
        result.Outcome.ShouldBe(StoredScheduleOutcome.NotStored);
        result.File.ShouldBeNull();
    }

    [Fact]
    public void An_unwritable_cache_folder_still_answers_from_a_fresh_compile()
    {
        var blocked = Path.Combine(_cache.Path, "blocked");
        File.WriteAllText(blocked, "a file where the folder should be");
        var result = StoredSchedules.LoadOrCompile(Data, blocked, () => FreshlyCompiled.Value);
        result.Outcome.ShouldBe(StoredScheduleOutcome.NotStored);
        result.Reason.ShouldNotBeNull().ShouldContain("not stored in");
    }

    [Fact]
    public void The_cache_keeps_the_most_recently_used_schedules_only()
    {
        using var data = CopyOfInputs();
        var first = Load(data.Path).File!;
        File.SetLastWriteTimeUtc(first, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)); // the least recently used
        for (var edit = 0; edit < StoredSchedules.KeepFiles; edit++)
        {
            File.AppendAllText(Path.Combine(data.Path, "us", "measures", "s122.yaml"), $"\n# edit {edit}\n");
            Load(data.Path).Outcome.ShouldBe(StoredScheduleOutcome.Built);
        }

        Directory.GetFiles(_cache.Path, "schedule-*.bin").Length.ShouldBe(StoredSchedules.KeepFiles);
        File.Exists(first).ShouldBeFalse();
    }

    private StoredScheduleResult Load(string data) =>
        StoredSchedules.LoadOrCompile(data, _cache.Path, () =>
        {
            Interlocked.Increment(ref _compiles);
            return TariffSchedule.Compile(BuiltInData.Load(data));
        });

    private static TempFolder CopyOfInputs()
    {
        var copy = new TempFolder();
        foreach (var file in BuiltInData.InputFiles(Data))
        {
            var target = Path.Combine(copy.Path, Path.GetRelativePath(Data, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    private static string Quote(TariffSchedule schedule, string code, string date) =>
        ScheduleDescriptions.Quote(DutyCalculator.Quote(schedule, CountryCode.US,
            new Shipment(ProductCode.FromDigits(code), CountryCode.CN, BuiltIn.Day(date), Value: 10_000m)));
}
