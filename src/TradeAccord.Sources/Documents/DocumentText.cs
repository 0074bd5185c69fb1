using System.Text;

namespace TradeAccord.Sources.Documents;

/// <summary>
/// The one way documents are taken in, from a file or as text (a request body): only regular files are opened, and
/// no more than <see cref="DocumentLimits.MaxBytes"/> is read or accepted. Every failure is a
/// <see cref="SourceException"/> naming the document.
/// </summary>
public static class DocumentText
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>
    /// The text of the file at <paramref name="path"/>, taken in as <see cref="ReadBytes"/> takes it (a regular file,
    /// at most <paramref name="maxBytes"/>) and decoded as <see cref="File.ReadAllText(string)"/> decodes: UTF-8
    /// unless a byte order mark says otherwise.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="displayName">The name errors give the file.</param>
    /// <param name="maxBytes">The most bytes accepted.</param>
    /// <exception cref="SourceException">The file is missing, unreadable, not a regular file, or too large.</exception>
    public static string ReadFile(string path, string displayName, int maxBytes = DocumentLimits.MaxBytes)
    {
        var bytes = ReadBytes(path, displayName, maxBytes);
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The bytes of the file at <paramref name="path"/> (for formats that name their own encoding, such as XML). A
    /// symbolic link is followed; anything but a regular file (a directory, a FIFO, a device, a socket) is refused
    /// before it is opened, so reading never blocks on a pipe, and reading stops once the file proves larger than
    /// <paramref name="maxBytes"/>.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="displayName">The name errors give the file.</param>
    /// <param name="maxBytes">The most bytes accepted.</param>
    /// <exception cref="SourceException">
    /// The file is missing or unreadable (with the I/O exception inside), or not a regular file or too large (refused,
    /// with no inner exception).
    /// </exception>
    public static byte[] ReadBytes(string path, string displayName, int maxBytes = DocumentLimits.MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(displayName);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        if (FileKinds.NotRegular(path) is { } kind)
        {
            throw new SourceException(displayName, 0, null, $"is {kind}, not a regular file: expected a file of text");
        }

        try
        {
            using var stream = new FileStream(
                path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            return ReadAtMost(stream, maxBytes, displayName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceException(displayName, 0, null, $"cannot be read: {e.Message}", e);
        }
    }

    /// <summary>Refuses <paramref name="text"/> when its UTF-8 form is larger than <paramref name="maxBytes"/>.</summary>
    /// <param name="text">The document.</param>
    /// <param name="displayName">The name errors give the document, e.g. "body".</param>
    /// <param name="maxBytes">The most bytes accepted.</param>
    /// <exception cref="SourceException">The text is too large.</exception>
    public static void CheckSize(string text, string displayName, int maxBytes = DocumentLimits.MaxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(displayName);
        // A char takes one to three UTF-8 bytes (a surrogate pair four for two chars): count only in between.
        if (text.Length > maxBytes || (text.Length > maxBytes / 3 && Encoding.UTF8.GetByteCount(text) > maxBytes))
        {
            throw TooLarge(displayName, maxBytes);
        }
    }

    private static byte[] ReadAtMost(FileStream stream, int maxBytes, string displayName)
    {
        // The length on record settles most cases without reading; files under /proc report 0 and are read to the end.
        var recorded = stream.Length;
        if (recorded > maxBytes)
        {
            throw TooLarge(displayName, maxBytes);
        }

        using var memory = new MemoryStream((int)recorded);
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (memory.Length + read > maxBytes)
            {
                throw TooLarge(displayName, maxBytes);
            }

            memory.Write(chunk, 0, read);
        }

        return memory.ToArray();
    }

    private static SourceException TooLarge(string displayName, int maxBytes) =>
        new(displayName, 0, null,
            $"is larger than {DocumentLimits.DescribeBytes(maxBytes)}, the limit for a document: expected a smaller document");
}
