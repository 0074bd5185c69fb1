using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TradeAccord.Core.Errors;

namespace TradeAccord.Web.Tests;

/// <summary>
/// The first run: a server on loopback without a keys file makes a local admin key (a 0600 file in the user's data
/// folder, used again on the next run) and prints the dashboard's address carrying it once; an address other machines
/// can reach is refused without keys. A server given keys (every other test) keeps "no key = public data only".
/// </summary>
public sealed class FirstRunTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://127.0.0.2:5080", true)]
    [InlineData("http://127.0.0.1:5080;http://[::1]:5081", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://192.168.1.20:5080", false)]
    [InlineData("http://example.org:5080", false)]
    [InlineData("http://127.0.0.1:5080;http://0.0.0.0:5081", false)]
    [InlineData("not a url", false)]
    public void Only_loopback_addresses_count_as_local(string urls, bool loopback) => LocalAdminKey.IsLoopbackOnly(urls).ShouldBe(loopback);

    [Fact]
    public async Task On_loopback_without_keys_a_local_admin_key_is_made_printed_once_and_kept()
    {
        var folder = Directory.CreateTempSubdirectory("accord-first-run-").FullName;
        try
        {
            var home = Path.Combine(folder, "data", "tradeaccord");
            var (first, firstOutput) = await RunUntilServing(folder, home);
            var file = Path.Combine(home, LocalAdminKey.FileName);
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            firstOutput.Split('\n').Count(l => l.Contains("#key=", StringComparison.Ordinal)).ShouldBe(1, firstOutput);
            var address = firstOutput.Split('\n').Single(l => l.Contains("#key=", StringComparison.Ordinal));
            var key = address[(address.IndexOf("#key=", StringComparison.Ordinal) + 5)..].Trim();
            address.ShouldContain("http://127.0.0.1:");
            key.Length.ShouldBeGreaterThanOrEqualTo(32);

            // The key opens every page: it is an admin key.
            using (var client = new HttpClient { BaseAddress = new Uri(address[address.IndexOf("http://", StringComparison.Ordinal)..address.IndexOf("/#key=", StringComparison.Ordinal)]) })
            {
                client.DefaultRequestHeaders.Add("X-Api-Key", key);
                (await client.GetFromJsonAsync<JsonElement>("/api/whoami", Cancel)).GetProperty("role").GetString().ShouldBe("admin");
                (await client.GetAsync("/api/negotiations", Cancel)).IsSuccessStatusCode.ShouldBeTrue();
            }

            (await first.Stop()).ShouldBe(0);

            // The next run uses the same key and file.
            var (second, secondOutput) = await RunUntilServing(folder, home);
            (await second.Stop()).ShouldBe(0);
            secondOutput.ShouldContain("#key=" + key);
            Directory.GetFiles(home, "*keys*").Length.ShouldBe(1);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    public async Task Without_keys_an_address_other_machines_reach_is_refused(string urls)
    {
        var folder = Directory.CreateTempSubdirectory("accord-first-run-").FullName;
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var code = await ServerProgram.RunAsync(["--urls", urls, "--db", Path.Combine(folder, "store.duckdb")], output, error, Path.Combine(folder, "home"), Cancel);
            code.ShouldBe(ErrorKind.BadInput.ExitCode());
            var message = error.ToString().TrimEnd('\n');
            message.Split('\n').Length.ShouldBe(1);
            message.ShouldContain($"refusing to serve {urls} without API keys");
            message.ShouldContain("--keys FILE");
            Directory.Exists(Path.Combine(folder, "home")).ShouldBeFalse("no key is made for an address that is refused");
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    // Starts accord-server on a free loopback port with the user's data folder in home, and returns once it serves.
    private static async Task<(Running Server, string Output)> RunUntilServing(string folder, string home)
    {
        var output = new SignallingWriter("#key=");
        var stop = new CancellationTokenSource();
        var run = ServerProgram.RunAsync(["--urls", "http://127.0.0.1:0", "--db", Path.Combine(folder, "store.duckdb")], output, new StringWriter(), home, stop.Token);
        var finished = await Task.WhenAny(run, output.Seen.Task.WaitAsync(Cancel));
        if (finished == run)
        {
            throw new InvalidOperationException($"the server stopped with {await run} before serving: {output}");
        }

        return (new Running(run, stop), output.ToString());
    }

    private sealed record Running(Task<int> Run, CancellationTokenSource StopSource)
    {
        public async Task<int> Stop()
        {
            await StopSource.CancelAsync();
            try
            {
                return await Run;
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
        }
    }

    // The server's console: signals when a line holding the text is written.
    private sealed class SignallingWriter(string text) : StringWriter
    {
        public TaskCompletionSource Seen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override Encoding Encoding => Encoding.UTF8;

        public override Task WriteLineAsync(string? value)
        {
            lock (this)
            {
                base.WriteLine(value);
            }

            if (value?.Contains(text, StringComparison.Ordinal) == true)
            {
                Seen.TrySetResult();
            }

            return Task.CompletedTask;
        }

        public override string ToString()
        {
            lock (this)
            {
                return base.ToString();
            }
        }
    }
}
