using System.Runtime.InteropServices;

namespace TradeAccord.Sources.Documents;

/// <summary>
/// What a path names, learnt without opening it. Opening a FIFO blocks until someone writes to it, and a device such
/// as /dev/zero never ends, so a reader must know it holds a regular file before it opens anything. .NET reports a
/// FIFO or a device as a plain file, so on Linux this asks the kernel (statx, whose layout is the same on every
/// architecture); elsewhere only directories are recognised.
/// </summary>
internal static class FileKinds
{
    private const int CurrentDirectory = -100; // AT_FDCWD: a relative path is taken from the working directory
    private const uint TypeWanted = 0x1; // STATX_TYPE
    private const int TypeBits = 0xF000; // S_IFMT

    /// <summary>
    /// Null when <paramref name="path"/> is a regular file (after following links) or cannot be examined (opening
    /// it then says why); otherwise what it is instead, e.g. "a FIFO (named pipe)".
    /// </summary>
    public static string? NotRegular(string path)
    {
        if (Directory.Exists(path))
        {
            return "a directory";
        }

        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            if (Statx(CurrentDirectory, path, 0, TypeWanted, out var status) != 0 || (status.Mask & TypeWanted) == 0)
            {
                return null;
            }

            return (status.Mode & TypeBits) switch
            {
                0x8000 => null,
                0x4000 => "a directory",
                0x1000 => "a FIFO (named pipe)",
                0x2000 => "a character device",
                0x6000 => "a block device",
                0xC000 => "a socket",
                _ => "a special file",
            };
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // A C library without statx (musl before 1.2.5): the file is opened as before.
            return null;
        }
    }

    // Only the two fields read are declared; the kernel fills all 256 bytes of struct statx.
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxResult
    {
        [FieldOffset(0)]
        public uint Mask;

        [FieldOffset(28)]
        public ushort Mode;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(
        int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, out StatxResult result);
}
