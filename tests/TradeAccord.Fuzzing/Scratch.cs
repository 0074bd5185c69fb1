namespace TradeAccord.Fuzzing;

/// <summary>
/// A folder of one run's input files, in memory where the machine has a tmpfs (most readers take a path, and a million
/// inputs written to disk would measure the disk).
/// </summary>
public sealed class Scratch : IDisposable
{
    /// <summary>Creates a folder of its own.</summary>
    public Scratch(string name)
    {
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        Folder = Directory.CreateDirectory(Path.Combine(root, $"accord-fuzz-{name}-{Environment.ProcessId}-{Guid.NewGuid():N}")).FullName;
    }

    /// <summary>The folder.</summary>
    public string Folder { get; }

    /// <summary>Writes <paramref name="bytes"/> to the file <paramref name="name"/> of the folder and returns its path.</summary>
    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A reader still holding a file: the folder is left to the system's cleaning of temporary files.
        }
    }
}
