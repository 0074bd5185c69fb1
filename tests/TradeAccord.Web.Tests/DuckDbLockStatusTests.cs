using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TradeAccord.Web.Tests;

/// <summary>
/// The store held by another process past the lock wait is the server's trouble, not the caller's: 503, never 400.
/// The holder is a real second process paused inside an append (DuckDB's lock is per process).
/// </summary>
public sealed class DuckDbLockStatusTests
{
    [Fact]
    public async Task A_store_locked_past_the_wait_answers_503_not_400()
    {
        await using var server = await Server.Start();
        var us = server.Client(Server.UsKey);
        var opened = await us.PostAsJsonAsync("/api/cases", new { respondent = "CN", summary = "held", at = "2021-01-15" }, TestContext.Current.CancellationToken);
        opened.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = JsonDocument.Parse(await opened.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("id").GetString()!;
        var marker = Path.Combine(server.Folder, "holding");
        using var holder = StartWriter(Path.Combine(server.Folder, "store.duckdb"), id, marker);
        try
        {
            for (var waited = 0; !File.Exists(marker); waited += 100)
            {
                holder.HasExited.ShouldBeFalse("the writer ended before pausing");
                waited.ShouldBeLessThan(60_000, "the writer never reached its pause");
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            // The server waits its lock wait (15 s, StoreOptions.LockWait) and then gives up.
            var response = await us.GetAsync($"/api/cases/{id}?at=2021-02-01", TestContext.Current.CancellationToken);

            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("in use by another process");
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
            await holder.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    // The writer is built beside the tests, in the same configuration (the project reference builds it).
    private static Process StartWriter(string db, string caseId, string marker)
    {
        const string Name = "TradeAccord.Storage.PausingWriter";
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Name;
        string? executable = null;
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null && executable is null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, Name, configuration, Name);
            executable = File.Exists(candidate) ? candidate : null;
        }

        var start = new ProcessStartInfo(executable ?? throw new FileNotFoundException($"{Name} was not built next to the tests"))
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { db, caseId, marker })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }
}
