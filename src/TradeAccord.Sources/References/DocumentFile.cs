namespace TradeAccord.Sources.References;

/// <summary>Reads a document file a user named, refusing what could never be a document.</summary>
public static class DocumentFile
{
    /// <summary>The largest document file read (the largest shipped document is far smaller).</summary>
    public const long MaxBytes = 1 << 20;

    /// <summary>
    /// The text of <paramref name="path"/>. Devices, pipes and sockets are refused before they are opened (a pipe
    /// would block the reader, <c>/dev/zero</c> would never end), and so is a file over <see cref="MaxBytes"/>.
    /// </summary>
    /// <exception cref="SourceException">Missing, not a regular file, too large or unreadable.</exception>
    public static string ReadText(string path, string displayName)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        // A link is followed to what it names: the checks apply to the target.
        var target = info.LinkTarget is not null ? info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info : info;
        if (!target.Exists)
        {
            throw new SourceException(displayName, 0, null, "does not exist: expected a YAML document");
        }

        if ((target.Attributes & (FileAttributes.Device | FileAttributes.Directory)) != 0)
        {
            throw new SourceException(displayName, 0, null, "is not a regular file: expected a YAML document");
        }

        if (target.Length > MaxBytes)
        {
            throw new SourceException(displayName, 0, null, $"is {target.Length:N0} bytes: expected a document of at most {MaxBytes:N0} bytes");
        }

        try
        {
            return File.ReadAllText(target.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceException(displayName, 0, null, $"cannot be read: {e.Message}", e);
        }
    }
}
