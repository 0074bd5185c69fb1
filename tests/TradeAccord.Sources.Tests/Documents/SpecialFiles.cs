using System.Diagnostics;

namespace TradeAccord.Sources.Tests.Documents;

/// <summary>Files that are not regular files, made for a test.</summary>
internal static class SpecialFiles
{
    /// <summary>Creates a FIFO (named pipe) at <paramref name="path"/> with the mkfifo command.</summary>
    public static string Fifo(string path)
    {
        var start = new ProcessStartInfo("mkfifo") { ArgumentList = { path }, UseShellExecute = false };
        using var mkfifo = Process.Start(start) ?? throw new InvalidOperationException("mkfifo did not start");
        mkfifo.WaitForExit();
        mkfifo.ExitCode.ShouldBe(0, "mkfifo failed");
        return path;
    }

    /// <summary>Opens the FIFO for writing and closes it, which lets a reader blocked in opening it go on.</summary>
    public static void ReleaseReader(string fifo)
    {
        using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
    }
}
