using System.Diagnostics;
using System.Text;

namespace TradeAccord.Storage.CrashWriter;

/// <summary>
/// One run of this program as a child process of a trial: started, killed with SIGKILL after a delay unless it ended
/// first, and its output read. Only complete lines count: a line cut off by the kill was never acknowledged.
/// </summary>
public sealed class ChildRun : IDisposable
{
    private const string Name = "TradeAccord.Storage.CrashWriter";

    private readonly Process _process;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly List<(string Line, TimeSpan At)> _lines = [];
    private readonly Task _output;
    private readonly Task<string> _errors;

    private ChildRun(Process process)
    {
        _process = process;
        _output = Read(process.StandardOutput);
        _errors = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts the child with <paramref name="args"/> (a mode and its arguments, as Program.cs lists them).</summary>
    public static ChildRun Start(params string[] args)
    {
        var start = new ProcessStartInfo(Executable()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return new ChildRun(Process.Start(start) ?? throw new InvalidOperationException($"{Name} did not start"));
    }

    /// <summary>
    /// Waits <paramref name="delay"/>, then kills the child with SIGKILL if it is still running, and waits for its end.
    /// </summary>
    /// <returns>Whether it was killed (false: it had ended by itself).</returns>
    public async Task<bool> KillAfter(TimeSpan delay, CancellationToken cancellationToken)
    {
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            wait.CancelAfter(delay);
            try
            {
                await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
                return false;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
        }

        try
        {
            // Process.Kill sends SIGKILL on Linux: no handler, no finally block and no flush runs in the child.
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended between the wait and the kill.
            return false;
        }

        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Waits for the child to end by itself.</summary>
    /// <exception cref="InvalidOperationException">It failed (a non-zero exit, with what it wrote to stderr).</exception>
    public async Task Completed(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (_process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Name} failed (exit {_process.ExitCode}): {await _errors.ConfigureAwait(false)}");
        }
    }

    /// <summary>The complete lines the child wrote to stdout before it ended or was killed.</summary>
    public async Task<IReadOnlyList<string>> Lines()
    {
        await _output.ConfigureAwait(false);
        return [.. _lines.Select(l => l.Line)];
    }

    /// <summary>When the first line starting with <paramref name="prefix"/> arrived, after the start; null if none did.</summary>
    public async Task<TimeSpan?> FirstLineAt(string prefix)
    {
        await _output.ConfigureAwait(false);
        return _lines.Where(l => l.Line.StartsWith(prefix, StringComparison.Ordinal)).Select(l => (TimeSpan?)l.At).FirstOrDefault();
    }

    /// <summary>What the child wrote to stderr (for a child that ended by itself).</summary>
    public Task<string> Errors() => _errors;

    /// <summary>The child's exit code; it has ended.</summary>
    public int ExitCode => _process.ExitCode;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    // Each complete line with the moment it arrived; a last line without its newline was cut off by the kill.
    private async Task Read(StreamReader output)
    {
        var buffer = new char[4096];
        var line = new StringBuilder();
        int read;
        while ((read = await output.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            foreach (var c in buffer.AsSpan(0, read))
            {
                if (c != '\n')
                {
                    line.Append(c);
                    continue;
                }

                _lines.Add((line.ToString(), Stopwatch.GetElapsedTime(_started)));
                line.Clear();
            }
        }
    }

    // Its own build folder in artifacts/bin, in the configuration of the caller: a copy beside a caller's assembly
    // runs with the caller's dependencies, which a caller on ASP.NET Core's framework does not carry.
    private static string Executable()
    {
        var here = Path.GetDirectoryName(typeof(ChildRun).Assembly.Location)!;
        var configuration = new DirectoryInfo(here).Name;
        for (var d = new DirectoryInfo(here); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, Name, configuration, Name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{Name} was not built in a folder of its own above {here}");
    }
}
