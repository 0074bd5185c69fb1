using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace TradeAccord.Benchmarks.Serving;

/// <summary>How big a replica trial is.</summary>
/// <param name="Cases">Cases opened (concurrently, through the balancer) and appended to.</param>
/// <param name="Clients">Clients appending at once.</param>
/// <param name="Appends">Appends per client in each of the two main rounds (all replicas up; one killed a third of the way
/// in), and a quarter as many in a last round once the balancer has taken the killed one out.</param>
/// <param name="Staggered">Start the replicas one after another rather than at once.</param>
internal sealed record ReplicaTrialOptions(int Cases, int Clients, int Appends, bool Staggered);

/// <summary>
/// Three accord-server processes on one PostgreSQL database behind HAProxy with the shipped configuration: cases
/// opened and appended to through the balancer by concurrent clients, then the same again while one replica is
/// killed, then everything read back from the surviving replicas. The web tests run it small, the
/// <c>replicas</c> benchmark large.
/// </summary>
internal static class ReplicaTrial
{
    /// <summary>The US office's key.</summary>
    public const string UsKey = "us-office-key-for-replicas-01";

    /// <summary>China's office's key.</summary>
    public const string CnKey = "cn-office-key-for-replicas-01";

    private const string At = "2021-02-01";

    /// <summary>Runs the trial in a database of its own on <paramref name="postgres"/> (a connection string to the server), dropped afterwards.</summary>
    public static async Task<ReplicaReport> Run(string postgres, ReplicaTrialOptions options, CancellationToken cancellationToken)
    {
        var database = "accord_replicas_" + Guid.NewGuid().ToString("N");
        await Admin(postgres, $"CREATE DATABASE {database}", cancellationToken);
        var folder = Directory.CreateTempSubdirectory("accord-replicas-");
        var replicas = new List<ServerProcess>();
        try
        {
            var db = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString;
            var keys = Path.Combine(folder.FullName, "keys.json");
            await File.WriteAllTextAsync(keys, $$"""{"{{UsKey}}":"us-office","{{CnKey}}":"cn-office"}""", cancellationToken);
            if (options.Staggered)
            {
                for (var i = 0; i < 3; i++)
                {
                    replicas.Add(await ServerProcess.Start(db, keys, cancellationToken));
                }
            }
            else
            {
                // All at once on an empty database: each replica loads the built-in trade data into it as it starts.
                var starting = Enumerable.Range(0, 3).Select(_ => ServerProcess.Start(db, keys, cancellationToken)).ToList();
                try
                {
                    await Task.WhenAll(starting);
                }
                finally
                {
                    replicas.AddRange(starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
                }
            }

            var addresses = replicas.Select(r => r.Address).ToList();
            using var haproxy = await HaProxy.Start(addresses, cancellationToken);
            var ids = await OpenCases(haproxy.Address, options, cancellationToken);
            var vintages = await Vintages(addresses, cancellationToken);

            var steady = new AppendLoad(haproxy.Address, CnKey, ids, At);
            await steady.Run(options.Clients, options.Appends, "steady");

            var failover = new AppendLoad(haproxy.Address, UsKey, ids, At);
            var running = failover.Run(options.Clients, options.Appends, "failover");
            while (failover.Done < options.Clients * options.Appends / 3 && !running.IsCompleted)
            {
                await Task.Delay(20, cancellationToken);
            }

            var acknowledgedAtKill = failover.Acknowledged.Count;
            await replicas[1].Kill();
            await haproxy.WaitFor("replica2", "DOWN", cancellationToken);
            await running;
            // Once the balancer has taken the dead replica out, nothing should fail at all.
            var afterwards = new AppendLoad(haproxy.Address, CnKey, ids, At);
            await afterwards.Run(options.Clients, Math.Max(1, options.Appends / 4), "afterwards");
            var states = await haproxy.States(cancellationToken);
            var audit = await AppendAudit.Of([addresses[0], addresses[2]], CnKey, ids, [steady, failover, afterwards], cancellationToken);
            return new ReplicaReport(options, ids.Count, vintages, steady, failover, afterwards, acknowledgedAtKill, states, audit);
        }
        finally
        {
            replicas.ForEach(r => r.Dispose());
            folder.Delete(recursive: true);
            await Admin(postgres, $"DROP DATABASE {database} WITH (FORCE)", CancellationToken.None);
        }
    }

    // Opened by several clients at once through the balancer (so the case numbers are contended across replicas),
    // then assessed, which brings each case to the stage where consultations may be appended.
    private static async Task<IReadOnlyList<string>> OpenCases(string balancer, ReplicaTrialOptions options, CancellationToken cancellationToken)
    {
        var ids = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Cases), new ParallelOptions { MaxDegreeOfParallelism = options.Clients, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                using var us = Client(balancer, UsKey);
                for (var attempt = 0; ; attempt++)
                {
                    using var opened = await us.PostAsJsonAsync("/api/cases", new { respondent = "CN", summary = $"replica case {i + 1}", at = "2021-01-15" }, token);
                    if (opened.StatusCode == HttpStatusCode.Conflict && attempt < 20)
                    {
                        continue;
                    }

                    opened.EnsureSuccessStatusCode();
                    ids.Add((await opened.Content.ReadFromJsonAsync<JsonElement>(token)).GetProperty("id").GetString()!);
                    return;
                }
            });
        using var cn = Client(balancer, CnKey);
        foreach (var id in ids)
        {
            using var assessed = await cn.PostAsJsonAsync($"/api/cases/{id}/advance", new { action = "assess", at = At }, cancellationToken);
            assessed.EnsureSuccessStatusCode();
        }

        return [.. ids.Order(StringComparer.Ordinal)];
    }

    // The tracker's report for 2020 as each replica answers it: the same trade data give the same vintage and figures.
    private static async Task<IReadOnlyList<string>> Vintages(IReadOnlyList<string> replicas, CancellationToken cancellationToken)
    {
        var reports = new List<string>();
        foreach (var replica in replicas)
        {
            using var client = new HttpClient { BaseAddress = new Uri(replica), Timeout = TimeSpan.FromMinutes(2) };
            var report = await client.GetFromJsonAsync<JsonElement>("/api/track?year=2020", cancellationToken);
            reports.Add($"{report.GetProperty("vintage").GetString()} {report.GetProperty("total").GetRawText()}");
        }

        return reports;
    }

    private static HttpClient Client(string address, string key)
    {
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private static async Task Admin(string server, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
