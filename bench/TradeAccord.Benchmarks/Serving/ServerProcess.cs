using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace TradeAccord.Benchmarks.Serving;

/// <summary>
/// An <c>accord-server</c> process: the built executable, on a port of its own choosing on loopback, so that its memory
/// is its own (read from /proc) and killing it is killing a real server.
/// </summary>
internal sealed class ServerProcess(Process process, string address, StringBuilder errors) : IDisposable
{
    private const string ServingLine = "TradeAccord is serving on ";

    private readonly Process _process = process;
    private readonly StringBuilder _errors = errors;

    /// <summary>Where it listens, e.g. http://127.0.0.1:40211.</summary>
    public string Address { get; } = address;

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>accord-server --urls http://127.0.0.1:0 --db DB [--keys FILE]</c> and returns once it serves.</summary>
    /// <remarks>The server loads its data and store before it listens, so the first line it prints means it is ready.</remarks>
    public static async Task<ServerProcess> Start(string db, string? keysFile, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(BuiltPrograms.Server())
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { "--urls", "http://127.0.0.1:0", "--db", db })
        {
            start.ArgumentList.Add(arg);
        }

        if (keysFile is not null)
        {
            start.ArgumentList.Add("--keys");
            start.ArgumentList.Add(keysFile);
        }

        var process = Process.Start(start)!;
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith(ServingLine, StringComparison.Ordinal))
                {
                    var address = line[ServingLine.Length..].Split(' ')[0];
                    // Keep reading what it prints, so a full pipe never blocks the server.
                    _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
                    return new ServerProcess(process, address, errors);
                }
            }

            await process.WaitForExitAsync(cancellationToken);
            throw new InvalidOperationException($"accord-server --db {Redacted(db)} ended (exit {process.ExitCode}) before serving: {errors}");
        }
        catch
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
            throw;
        }
    }

    /// <summary>What the server wrote to its standard error so far.</summary>
    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>Resident memory (VmRSS of /proc/PID/status), MB.</summary>
    public double RssMb()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kb = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kb / 1024.0;
    }

    /// <summary>Kills the server (SIGKILL: no shutdown, as a crash or an OOM kill) and waits for its end.</summary>
    public async Task Kill()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    // A connection string may carry a password: name the store by its host only.
    private static string Redacted(string db) => db.Contains('=', StringComparison.Ordinal) ? "<connection string>" : db;
}
