using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;

namespace TradeAccord.Benchmarks.Serving;

/// <summary>
/// Clients appending consultations to cases through the balancer at the same time, each append carrying a note of
/// its own, so that afterwards every event can be traced to the request that wrote it. A 2xx answer is an
/// acknowledged write; a 409 is a refused one (another append got there first; nothing was written) and is sent
/// again; anything else — a 5xx, a reset, no answer — is unanswered: it may or may not have been written.
/// </summary>
internal sealed class AppendLoad(string balancer, string key, IReadOnlyList<string> caseIds, string at)
{
    private readonly ConcurrentDictionary<string, string> _acknowledged = new();
    private readonly ConcurrentDictionary<string, string> _unanswered = new();
    private readonly ConcurrentDictionary<string, int> _servedBy = new();
    private int _conflicts;
    private int _refused;
    private int _done;

    /// <summary>Acknowledged appends: note → case.</summary>
    public IReadOnlyDictionary<string, string> Acknowledged => _acknowledged;

    /// <summary>Appends that got no answer or a server error: note → case.</summary>
    public IReadOnlyDictionary<string, string> Unanswered => _unanswered;

    /// <summary>Acknowledged appends by the replica that answered (HAProxy's X-Served-By).</summary>
    public IReadOnlyDictionary<string, int> ServedBy => _servedBy;

    /// <summary>409 answers, each sent again.</summary>
    public int Conflicts => _conflicts;

    /// <summary>4xx answers other than 409: requests the server refused (none are expected).</summary>
    public int Refused => _refused;

    /// <summary>Appends finished so far, however they ended.</summary>
    public int Done => Volatile.Read(ref _done);

    /// <summary>Runs <paramref name="clients"/> clients, each making <paramref name="appends"/> appends; <paramref name="round"/> keeps notes of successive runs apart.</summary>
    public Task Run(int clients, int appends, string round) => Task.WhenAll(Enumerable.Range(0, clients).Select(c => Client(c, appends, round)));

    private async Task Client(int client, int appends, string round)
    {
        using var http = new HttpClient { BaseAddress = new Uri(balancer), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", key);
        for (var i = 0; i < appends; i++)
        {
            var note = $"{round}-client{client}-append{i}";
            // Neighbouring clients write to the same cases, so appends meet on a case through different replicas.
            var id = caseIds[(client / 2 + i) % caseIds.Count];
            await Append(http, id, note);
            Interlocked.Increment(ref _done);
        }
    }

    private async Task Append(HttpClient http, string id, string note)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await http.PostAsJsonAsync($"/api/cases/{id}/advance", new { action = "hold-consultation", at, note });
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                _unanswered[note] = id;
                return;
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    _acknowledged[note] = id;
                    var by = response.Headers.TryGetValues("X-Served-By", out var values) ? values.First() : "?";
                    _servedBy.AddOrUpdate(by, 1, (_, n) => n + 1);
                    return;
                }

                if (response.StatusCode == HttpStatusCode.Conflict)
                {
                    Interlocked.Increment(ref _conflicts);
                    continue;
                }

                if ((int)response.StatusCode < 500)
                {
                    Interlocked.Increment(ref _refused);
                }
                else
                {
                    _unanswered[note] = id;
                }

                return;
            }
        }

        // A hundred conflicts in a row: give up on this one and let the audit count it as unanswered.
        _unanswered[note] = id;
    }
}
