using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TradeAccord.Benchmarks.Serving;

/// <summary>
/// HAProxy (Debian's package; $ACCORD_TEST_HAPROXY, else on PATH, else installed) running the shipped
/// deploy/haproxy.cfg in the foreground, its addresses given through the environment as the file documents.
/// </summary>
internal sealed class HaProxy(Process process, string address, string stats) : IDisposable
{
    private readonly Process _process = process;

    /// <summary>Where clients connect, e.g. http://127.0.0.1:41000.</summary>
    public string Address { get; } = address;

    /// <summary>The statistics page (CSV at <c>/stats;csv</c>).</summary>
    public string Stats { get; } = stats;

    /// <summary>Starts HAProxy in front of <paramref name="replicas"/> (three addresses, http://host:port) and waits until it sees them all up.</summary>
    public static async Task<HaProxy> Start(IReadOnlyList<string> replicas, CancellationToken cancellationToken)
    {
        if (replicas.Count != 3)
        {
            throw new ArgumentException($"deploy/haproxy.cfg names three replicas, not {replicas.Count}", nameof(replicas));
        }

        var bind = $"127.0.0.1:{FreePort()}";
        var stats = $"127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo(Program())
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        // -db: stay in the foreground, so the process is ours to stop.
        foreach (var arg in new[] { "-db", "-f", RepoFiles.Path("deploy/haproxy.cfg") })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ACCORD_LB_BIND"] = bind;
        start.Environment["ACCORD_LB_STATS"] = stats;
        for (var i = 0; i < replicas.Count; i++)
        {
            start.Environment[$"ACCORD_REPLICA_{i + 1}"] = new Uri(replicas[i]).Authority;
        }

        var process = Process.Start(start)!;
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
        _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null, CancellationToken.None);
        var haproxy = new HaProxy(process, $"http://{bind}", $"http://{stats}");
        try
        {
            for (var i = 1; i <= replicas.Count; i++)
            {
                await haproxy.WaitFor($"replica{i}", "UP", cancellationToken);
            }

            return haproxy;
        }
        catch
        {
            haproxy.Dispose();
            throw;
        }
    }

    /// <summary>Each replica's status as HAProxy's health checks see it (UP, DOWN, or a transition such as "UP 1/2").</summary>
    public async Task<IReadOnlyDictionary<string, string>> States(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var csv = await http.GetStringAsync(new Uri($"{Stats}/stats;csv"), cancellationToken);
        // "# pxname,svname,qcur,...,status,...": one row per frontend, server and backend.
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].TrimStart('#', ' ').Split(',');
        var status = Array.IndexOf(header, "status");
        return lines.Skip(1).Select(l => l.Split(',')).Where(f => f[0] == "replicas" && f[1].StartsWith("replica", StringComparison.Ordinal))
            .ToDictionary(f => f[1], f => f[status]);
    }

    /// <summary>Waits (up to a minute) until HAProxy reports <paramref name="server"/> in <paramref name="status"/>.</summary>
    public async Task WaitFor(string server, string status, CancellationToken cancellationToken)
    {
        var last = "no answer";
        for (var waited = 0; waited < 60_000; waited += 100)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"haproxy ended (exit {_process.ExitCode}); check it with: haproxy -c -f deploy/haproxy.cfg");
            }

            try
            {
                if ((await States(cancellationToken)).TryGetValue(server, out var state))
                {
                    last = state;
                    if (state == status)
                    {
                        return;
                    }
                }
            }
            catch (HttpRequestException)
            {
                // The statistics page is not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"HAProxy did not see {server} {status} within a minute (last: {last})");
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

    private static string Program()
    {
        if (Environment.GetEnvironmentVariable("ACCORD_TEST_HAPROXY") is { Length: > 0 } configured)
        {
            return configured;
        }

        // Debian installs it in /usr/sbin, which a user's PATH may leave out.
        const string Debian = "/usr/sbin/haproxy";
        if (RepoFiles.OnPath("haproxy") is { } found)
        {
            return found;
        }

        if (!File.Exists(Debian))
        {
            RepoFiles.AptInstall("haproxy", "HAProxy");
        }

        return Debian;
    }

    // A port free now; HAProxy binds it a moment later (the same small race any test on a shared machine accepts).
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
