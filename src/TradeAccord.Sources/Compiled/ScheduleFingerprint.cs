using System.IO.Hashing;
using System.Text;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Sources.Compiled;

/// <summary>
/// What a stored schedule is valid for: the storage format, the build of the code that compiled it (the module ids of
/// the assemblies that read and compile the data) and the content of every data file the schedule is compiled from.
/// A change to any of them gives another fingerprint, so a stored schedule is never read by another build or for
/// other data.
/// </summary>
/// <remarks>
/// Hashing the content means reading some 8 MB at every start. So, as a compiler cache does, the fingerprint is
/// remembered under a stamp of the files' paths, sizes and modification times (and the build): while no input is
/// touched, the stamp finds the fingerprint without reading the files; any write to an input changes its time and
/// sends the next process back to the content. An edit that keeps a file's size and modification time to the tick
/// would go unnoticed, as it would by make; set ACCORD_CACHE=none to rule that out.
/// </remarks>
internal static class ScheduleFingerprint
{
    /// <summary>How many stamps a cache folder keeps.</summary>
    private const int KeepStamps = 64;

    /// <summary>
    /// The fingerprint of <paramref name="files"/>, the input files of <paramref name="dataDirectory"/>, as 32 hex
    /// digits: remembered in <paramref name="cacheDirectory"/> under <paramref name="stamp"/> (<see cref="StampOf"/>),
    /// else hashed from the content and remembered.
    /// </summary>
    /// <exception cref="IOException">An input file could not be read.</exception>
    public static string Of(string dataDirectory, IReadOnlyList<string> files, string stamp, string cacheDirectory)
    {
        var stampFile = Path.Combine(cacheDirectory, $"stamp-{stamp}.txt");
        if (TryReadStamp(stampFile) is { } remembered)
        {
            return remembered;
        }

        var fingerprint = OfContent(dataDirectory, files);
        Remember(cacheDirectory, stampFile, fingerprint);
        return fingerprint;
    }

    /// <summary>The fingerprint from the files' content, read in full.</summary>
    private static string OfContent(string dataDirectory, IReadOnlyList<string> files)
    {
        var hash = BuildHash();
        foreach (var file in files)
        {
            var content = File.ReadAllBytes(file);
            hash.Append(Encoding.UTF8.GetBytes(Relative(dataDirectory, file)));
            hash.Append(BitConverter.GetBytes((long)content.Length));
            hash.Append(content);
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    /// <summary>A hash of the files' paths, lengths and modification times (and the build): what changes when any is written.</summary>
    public static string StampOf(string dataDirectory, IReadOnlyList<string> files)
    {
        var hash = BuildHash();
        hash.Append(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory)));
        foreach (var file in files)
        {
            var info = new FileInfo(file);
            hash.Append(Encoding.UTF8.GetBytes(Relative(dataDirectory, file)));
            hash.Append(BitConverter.GetBytes(info.Length));
            hash.Append(BitConverter.GetBytes(info.LastWriteTimeUtc.Ticks));
        }

        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    // The build: the format, the runtime, and the module ids of every assembly that reads or compiles the data (ours
    // change with any change of their code or references; the readers' libraries keep their assembly version across
    // minor releases, so their own module ids are taken too).
    private static XxHash128 BuildHash()
    {
        var hash = new XxHash128();
        hash.Append(BitConverter.GetBytes(StoredScheduleFile.FormatVersion));
        hash.Append(Encoding.UTF8.GetBytes(System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription));
        foreach (var type in (Type[])[typeof(TariffSchedule), typeof(ScheduleFingerprint), typeof(YamlDotNet.Serialization.Deserializer), typeof(nietras.SeparatedValues.Sep)])
        {
            hash.Append(type.Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        }

        return hash;
    }

    private static string Relative(string dataDirectory, string file) => Path.GetRelativePath(dataDirectory, file).Replace('\\', '/');

    private static string? TryReadStamp(string stampFile)
    {
        try
        {
            var text = File.ReadAllText(stampFile);
            return text.Length == 32 && text.All(char.IsAsciiHexDigitLower) ? text : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Written whole under a name of its own and renamed into place, like the schedules; a failure only costs the
    // next process a content hash.
    private static void Remember(string cacheDirectory, string stampFile, string fingerprint)
    {
        var temporary = $"{stampFile}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            StoredSchedules.CreatePrivateDirectory(cacheDirectory);
            File.WriteAllText(temporary, fingerprint);
            File.Move(temporary, stampFile, overwrite: true);
            foreach (var old in new DirectoryInfo(cacheDirectory).GetFiles("stamp-*.txt").OrderByDescending(f => f.LastWriteTimeUtc).Skip(KeepStamps))
            {
                StoredSchedules.TryDelete(old.FullName);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            StoredSchedules.TryDelete(temporary); // the stamp is an optimisation: nothing more to do
        }
    }
}
