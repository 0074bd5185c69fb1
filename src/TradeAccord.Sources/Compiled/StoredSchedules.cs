using TradeAccord.Core.Tariffs;

namespace TradeAccord.Sources.Compiled;

/// <summary>How the baseline schedule was obtained.</summary>
public enum StoredScheduleOutcome
{
    /// <summary>Read from the stored file for these data and this build.</summary>
    Loaded,

    /// <summary>Compiled from the sources (no stored file yet) and stored.</summary>
    Built,

    /// <summary>A stored file was refused (truncated, corrupt, of another format) and replaced by a fresh compile.</summary>
    Rebuilt,

    /// <summary>Compiled from the sources and not stored (storing is off, or the folder is not writable).</summary>
    NotStored,
}

/// <summary>The baseline schedule and how it was obtained.</summary>
/// <param name="Schedule">The schedule.</param>
/// <param name="Outcome">Loaded, built, rebuilt or not stored.</param>
/// <param name="File">The stored file, when there is one.</param>
/// <param name="Reason">Why a stored file was refused or none written, else null.</param>
public sealed record StoredScheduleResult(TariffSchedule Schedule, StoredScheduleOutcome Outcome, string? File, string? Reason);

/// <summary>
/// Keeps the compiled baseline on disk, so a process that needs one quote does not read and compile every source
/// file: one file per fingerprint (<see cref="ScheduleFingerprint"/>) in a cache folder, checked on every read and
/// replaced when it does not check out.
/// </summary>
/// <remarks>
/// Two processes may compile and store at once: each writes a file of its own and renames it into place, which is
/// atomic, so a reader sees a whole file or none, and both files are the same. The folder keeps the
/// <see cref="KeepFiles"/> most recently used schedules (other data folders, other builds).
/// </remarks>
public static class StoredSchedules
{
    /// <summary>The variable naming the cache folder; <c>none</c> turns storing off.</summary>
    public const string CacheVariable = "ACCORD_CACHE";

    // Far above any schedule (15 MB for 2018-2026): a larger file is not one of ours and is compiled over.
    private const long MaxFileBytes = 1L << 30;

    /// <summary>How many stored schedules a cache folder keeps.</summary>
    public const int KeepFiles = 8;

    /// <summary>
    /// The cache folder: $ACCORD_CACHE, else $XDG_CACHE_HOME/tradeaccord, else ~/.cache/tradeaccord; null when storing
    /// is off or there is no home folder.
    /// </summary>
    public static string? DefaultDirectory()
    {
        var named = Environment.GetEnvironmentVariable(CacheVariable)?.Trim();
        if (!string.IsNullOrEmpty(named))
        {
            return named.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : Path.GetFullPath(named);
        }

        // A relative XDG_CACHE_HOME is to be ignored (XDG Base Directory specification).
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "tradeaccord");
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "tradeaccord");
    }

    /// <summary>The file the schedule of <paramref name="fingerprint"/> is stored in.</summary>
    public static string FileFor(string cacheDirectory, string fingerprint) => Path.Combine(cacheDirectory, $"schedule-{fingerprint}.bin");

    /// <summary>
    /// The baseline of <paramref name="dataDirectory"/>: read from <paramref name="cacheDirectory"/> when stored there
    /// for these data and this build, else compiled by <paramref name="compile"/> and stored.
    /// </summary>
    /// <exception cref="SourceException">The data do not compile (from <paramref name="compile"/>).</exception>
    public static StoredScheduleResult LoadOrCompile(string dataDirectory, string? cacheDirectory, Func<TariffSchedule> compile)
    {
        ArgumentNullException.ThrowIfNull(compile);
        if (cacheDirectory is null)
        {
            return new StoredScheduleResult(compile(), StoredScheduleOutcome.NotStored, null, "storing is off");
        }

        if (SharedFolderProblem(cacheDirectory) is { } shared)
        {
            return new StoredScheduleResult(compile(), StoredScheduleOutcome.NotStored, null, shared);
        }

        string fingerprint, stamp;
        try
        {
            var files = BuiltInData.InputFiles(dataDirectory);
            stamp = ScheduleFingerprint.StampOf(dataDirectory, files);
            fingerprint = ScheduleFingerprint.Of(dataDirectory, files, stamp, cacheDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A data file that cannot be read is for the compile to report, naming it.
            return new StoredScheduleResult(compile(), StoredScheduleOutcome.NotStored, null, "the data could not be fingerprinted: " + e.Message);
        }

        var file = FileFor(cacheDirectory, fingerprint);
        string? refused = null;
        if (TryReadBytes(file) is { } bytes)
        {
            var (stored, problem) = StoredScheduleFile.Read(bytes, fingerprint);
            if (stored is not null)
            {
                Touch(file);
                return new StoredScheduleResult(stored, StoredScheduleOutcome.Loaded, file, null);
            }

            refused = problem;
        }

        var schedule = compile();
        // Data written while they were being compiled (a checkout, a sync) may not be what the fingerprint hashed:
        // such a schedule is used, but not stored under that fingerprint.
        var failed = ScheduleFingerprint.StampOf(dataDirectory, BuiltInData.InputFiles(dataDirectory)) != stamp
            ? "the data changed while they were compiled"
            : TryStore(cacheDirectory, file, schedule, fingerprint);
        if (failed is not null)
        {
            return new StoredScheduleResult(schedule, StoredScheduleOutcome.NotStored, null, refused is null ? failed : $"{refused}; {failed}");
        }

        Prune(cacheDirectory);
        return refused is null
            ? new StoredScheduleResult(schedule, StoredScheduleOutcome.Built, file, null)
            : new StoredScheduleResult(schedule, StoredScheduleOutcome.Rebuilt, file, refused);
    }

    /// <summary>Creates <paramref name="directory"/> readable and writable by its owner only, if it does not exist.</summary>
    internal static void CreatePrivateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    // A schedule read from a folder others may write to could have been put there by them: such a folder is not used.
    private static string? SharedFolderProblem(string cacheDirectory)
    {
        if (OperatingSystem.IsWindows() || !Directory.Exists(cacheDirectory))
        {
            return null;
        }

        var mode = File.GetUnixFileMode(cacheDirectory);
        return (mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0
            ? $"{cacheDirectory} is writable by other users: schedules are kept only in a folder its owner alone can write"
            : null;
    }

    private static byte[]? TryReadBytes(string file)
    {
        try
        {
            // Uninitialised: every byte is read over at once, so zeroing 15 MB first would be wasted.
            using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            var length = RandomAccess.GetLength(handle);
            if (length > MaxFileBytes)
            {
                return null;
            }

            var bytes = GC.AllocateUninitializedArray<byte>((int)length);
            var read = 0;
            while (read < bytes.Length && RandomAccess.Read(handle, bytes.AsSpan(read), read) is var count and > 0)
            {
                read += count;
            }

            return read == bytes.Length ? bytes : bytes[..read];
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            return null; // absent, pruned by another process a moment ago, or unreadable: compile afresh
        }
    }

    // Writes a file of this process's own, then renames it into place: atomic, so no reader sees half a file.
    private static string? TryStore(string cacheDirectory, string file, TariffSchedule schedule, string fingerprint)
    {
        var temporary = $"{file}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            CreatePrivateDirectory(cacheDirectory);
            using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                StoredScheduleFile.Write(output, schedule, fingerprint);
                output.Flush(flushToDisk: true);
            }

            File.Move(temporary, file, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            return $"not stored in {cacheDirectory}: {e.Message}";
        }
    }

    // The most recently used files stay; the rest (old builds, old data) go, as do files left by a killed writer.
    private static void Prune(string cacheDirectory)
    {
        try
        {
            var stored = new DirectoryInfo(cacheDirectory).GetFiles("schedule-*.bin").OrderByDescending(f => f.LastWriteTimeUtc).Skip(KeepFiles);
            var abandoned = new DirectoryInfo(cacheDirectory).GetFiles("*.tmp").Where(f => f.LastWriteTimeUtc < TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(-1));
            foreach (var old in stored.Concat(abandoned))
            {
                TryDelete(old.FullName);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Pruning is housekeeping: a folder that cannot be listed keeps its files.
        }
    }

    private static void Touch(string file)
    {
        try
        {
            File.SetLastWriteTimeUtc(file, TimeProvider.System.GetUtcNow().UtcDateTime);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Read-only cache: the file is used all the same, only its place in the pruning order is not kept.
        }
    }

    /// <summary>Deletes <paramref name="file"/> if it can; another process may hold or have removed it.</summary>
    internal static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process may hold or have removed it.
        }
    }
}
