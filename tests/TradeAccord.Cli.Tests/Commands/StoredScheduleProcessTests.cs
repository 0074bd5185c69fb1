using System.Diagnostics;

namespace TradeAccord.Cli.Tests.Commands;

/// <summary>
/// The compiled schedule kept on disk, seen from whole <c>accord</c> processes: several started at once on an empty
/// cache all answer and leave one whole file; later ones answer the same from it, also after it is damaged.
/// </summary>
public sealed class StoredScheduleProcessTests : IDisposable
{
    private static readonly string[] Quote = ["duty", "--hts", "8471.30.0100", "--origin", "CN", "--entry-date", "2025-05-01", "--value", "1000", "--format", "json"];
    private readonly string _cache = Directory.CreateTempSubdirectory("accord-schedule-cache-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    [Fact]
    public async Task Processes_started_at_once_on_an_empty_cache_all_answer_alike_and_leave_one_whole_file()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Run(Quote)));
        foreach (var (exit, output, error) in answers)
        {
            exit.ShouldBe(0, error);
            output.ShouldBe(answers[0].Output);
        }

        answers[0].Output.ShouldContain("\"totalDuty\": 200");
        var stored = Directory.GetFiles(_cache, "schedule-*.bin").ShouldHaveSingleItem();
        Directory.GetFiles(_cache, "*.tmp").ShouldBeEmpty();
        var length = new FileInfo(stored).Length;
        length.ShouldBeGreaterThan(1_000_000);

        // A later process answers the same; so does one after the file is cut short, which writes it whole again.
        (await Run(Quote)).Output.ShouldBe(answers[0].Output);
        await using (var file = File.Open(stored, FileMode.Open))
        {
            file.SetLength(length / 2);
        }

        var afterDamage = await Run(Quote);
        afterDamage.Exit.ShouldBe(0, afterDamage.Error);
        afterDamage.Output.ShouldBe(answers[0].Output);
        new FileInfo(stored).Length.ShouldBe(length);
    }

    [Fact]
    public async Task With_storing_off_the_answer_is_the_same_and_nothing_is_written()
    {
        var stored = await Run(Quote);
        stored.Exit.ShouldBe(0, stored.Error);
        stored.Output.ShouldContain("\"totalDuty\": 200");
        var before = Directory.GetFiles(_cache, "*", SearchOption.AllDirectories).Order().ToList();

        // Storing off, with a home and an XDG cache of its own: neither they nor the working folder get a cache.
        var home = Directory.CreateTempSubdirectory("accord-home-").FullName;
        try
        {
            var unstored = await Run(Quote, cache: " None ", home: home);
            unstored.Exit.ShouldBe(0, unstored.Error);
            unstored.Output.ShouldBe(stored.Output);
            Directory.GetFileSystemEntries(home, "*", SearchOption.AllDirectories).ShouldBeEmpty();
            Directory.Exists(Path.Combine(AppContext.BaseDirectory, " None ")).ShouldBeFalse();
            Directory.GetFiles(_cache, "*", SearchOption.AllDirectories).Order().ShouldBe(before);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    private async Task<(int Exit, string Output, string Error)> Run(string[] args, string? cache = null, string? home = null)
    {
        var start = new ProcessStartInfo(BuiltPrograms.Executable("TradeAccord.Cli", "accord"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ACCORD_CACHE"] = cache ?? _cache;
        if (home is not null)
        {
            start.Environment["HOME"] = home;
            start.Environment["XDG_CACHE_HOME"] = Path.Combine(home, "cache");
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
