using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.DependencyInjection;
using TradeAccord.Core.Common;
using TradeAccord.Sources;
using TradeAccord.Web;

namespace TradeAccord.Benchmarks;

/// <summary>
/// <c>serve-load [--seconds 10] [--clients 8] [--batch-rows 200000]</c>: a bounded load test on loopback. The server
/// (the one <c>accord-server</c> runs) listens on 127.0.0.1 in this process; clients post single-entry quotes drawn
/// from real HTS lines for a fixed time, then one entries file is priced through the batch endpoint. Prints quotes
/// per second with p50/p99 latency, and batch rows per second.
/// </summary>
internal static class ServeLoad
{
    public static async Task<int> Run(string[] args)
    {
        var seconds = Option(args, "--seconds", 10);
        var clients = Option(args, "--clients", 8);
        var batchRows = Option(args, "--batch-rows", 200_000);
        var folder = Directory.CreateTempSubdirectory("accord-load-");
        try
        {
            await using var app = WebApp.Build(new WebOptions("http://127.0.0.1:0", Path.Combine(folder.FullName, "store.duckdb")));
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var schedule = new ScheduleLoader(DataPaths.Locate()).Load();
            var shipments = new SampleEntries(schedule).Draw(2_000, seed: 7).Select(s => new
            {
                hts = s.Code.ToString(), origin = s.Origin.ToString(), entryDate = s.EntryDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), value = s.Value,
                quantity = s.Quantity, unit = s.Unit,
            }).ToArray();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            for (var i = 0; i < 200; i++)
            {
                (await http.PostAsJsonAsync("/api/duty", shipments[i])).Dispose();
            }

            var latencies = new List<double>[clients];
            var errors = 0;
            var stop = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
            {
                var mine = latencies[c] = [];
                var n = c;
                while (stop.Elapsed.TotalSeconds < seconds)
                {
                    var clock = Stopwatch.StartNew();
                    using var response = await http.PostAsJsonAsync("/api/duty", shipments[n++ % shipments.Length]);
                    await response.Content.ReadAsByteArrayAsync();
                    mine.Add(clock.Elapsed.TotalMilliseconds);
                    if (!response.IsSuccessStatusCode && (int)response.StatusCode != 400)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            }));
            var elapsed = stop.Elapsed.TotalSeconds;
            var all = latencies.SelectMany(l => l).Order().ToList();
            Console.WriteLine(FormattableString.Invariant(
                $"serve-load quotes={all.Count} seconds={elapsed:F1} clients={clients} quotes_per_s={all.Count / elapsed:F0} p50_ms={all[all.Count / 2]:F2} p99_ms={all[(int)(all.Count * 0.99)]:F2} server_errors={errors}"));

            var entries = Path.Combine(folder.FullName, "entries.csv");
            DutyVsDuckDb.WriteEntries(entries, new SampleEntries(schedule).Draw(batchRows, seed: 2019));
            var batchClock = Stopwatch.StartNew();
            await using (var body = File.OpenRead(entries))
            {
                using var content = new StreamContent(body);
                content.Headers.ContentType = new("text/csv");
                using var response = await http.PostAsync("/api/duty/batch", content);
                await using var result = await response.Content.ReadAsStreamAsync();
                var bytes = 0L;
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await result.ReadAsync(buffer)) > 0)
                {
                    bytes += read;
                }

                Console.WriteLine(FormattableString.Invariant(
                    $"serve-load batch_rows={batchRows} status={(int)response.StatusCode} seconds={batchClock.Elapsed.TotalSeconds:F2} rows_per_s={batchRows / batchClock.Elapsed.TotalSeconds:F0} response_mb={bytes / 1e6:F1}"));
            }

            await app.StopAsync();
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
