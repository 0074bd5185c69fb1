using System.Diagnostics;
using TradeAccord.Benchmarks.Serving;

namespace TradeAccord.Benchmarks;

/// <summary>
/// <c>serve-load [--seconds 10] [--threads 1] [--connections 8] [--batch-rows 200000]</c>: accord-server's duty quotes
/// under wrk on loopback, against the same server's <c>/health</c> under the same wrk (threads, connections, length)
/// in the same run, so the figure is a ratio a shared machine cannot skew much: what pricing an entry costs over
/// answering at all. Then one entries file goes through the batch endpoint.
/// </summary>
internal static class ServeLoad
{
    public static async Task<int> Run(string[] args)
    {
        var seconds = BenchOptions.Int(args, "--seconds", 10);
        var threads = BenchOptions.Int(args, "--threads", 1);
        var connections = BenchOptions.Int(args, "--connections", 8);
        var batchRows = BenchOptions.Int(args, "--batch-rows", 200_000);
        var folder = Directory.CreateTempSubdirectory("accord-load-");
        try
        {
            var inputs = SoakInputs.Write(folder.FullName, batchRows);
            using var server = await ServerProcess.Start(Path.Combine(folder.FullName, "store.duckdb"), inputs.Keys, CancellationToken.None);
            // Warm-up, not counted: the first quotes compile the schedules (seconds on a busy machine), then wrk warms the rest.
            await inputs.QuoteEach(server.Address, 50);
            await Wrk.Run(server.Address, threads, connections, 3, "health");
            await Wrk.Run(server.Address, threads, connections, 3, "duty", inputs.Quotes);

            var health = await Wrk.Run(server.Address, threads, connections, seconds, "health");
            var duty = await Wrk.Run(server.Address, threads, connections, seconds, "duty", inputs.Quotes);
            Console.WriteLine($"serve-load endpoint=health {health.Figures()}");
            Console.WriteLine($"serve-load endpoint=duty {duty.Figures()}");
            Console.WriteLine(FormattableString.Invariant(
                $"serve-load quotes={duty.Requests} seconds={duty.Seconds:F1} threads={threads} connections={connections} quotes_per_s={duty.PerSecond:F0} p50_ms={duty.P50Ms:F2} p99_ms={duty.P99Ms:F2} server_errors={duty.Failures} health_per_s={health.PerSecond:F0} ratio_to_health={duty.PerSecond / health.PerSecond:F3}"));

            using var http = new HttpClient { BaseAddress = new Uri(server.Address), Timeout = TimeSpan.FromMinutes(10) };
            var batchClock = Stopwatch.StartNew();
            await using (var body = File.OpenRead(inputs.Entries))
            {
                using var content = new StreamContent(body);
                content.Headers.ContentType = new("text/csv");
                using var response = await http.PostAsync("/api/duty/batch", content);
                await using var result = await response.Content.ReadAsStreamAsync();
                var counted = new CountingStream();
                await result.CopyToAsync(counted);
                Console.WriteLine(FormattableString.Invariant(
                    $"serve-load batch_rows={batchRows} status={(int)response.StatusCode} seconds={batchClock.Elapsed.TotalSeconds:F2} rows_per_s={batchRows / batchClock.Elapsed.TotalSeconds:F0} response_mb={counted.Length / 1e6:F1}"));
            }

            return duty.Failures + health.Failures == 0 ? 0 : 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // Counts what the batch endpoint sends back without keeping it.
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
