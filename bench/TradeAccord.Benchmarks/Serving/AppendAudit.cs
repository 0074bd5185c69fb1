using System.Net.Http.Json;
using System.Text.Json;

namespace TradeAccord.Benchmarks.Serving;

/// <summary>
/// What the store holds after appends through several replicas, read back from each surviving replica: every
/// acknowledged append present exactly once, nothing written that no client sent, every chain intact, and all
/// replicas answering the same log.
/// </summary>
/// <param name="Cases">Cases read.</param>
/// <param name="Events">Events in them (the appeals and assessments too).</param>
/// <param name="Acknowledged">Appends the clients were told succeeded.</param>
/// <param name="Lost">Acknowledged appends missing from their case.</param>
/// <param name="Duplicated">Appends found more than once (each extra copy counts).</param>
/// <param name="Unknown">Consultations found that no client sent.</param>
/// <param name="UnansweredWritten">Appends that got no answer (in flight when a replica died) but were written: allowed, once.</param>
/// <param name="BrokenChains">Cases whose hash chain does not verify or whose sequence has a gap.</param>
/// <param name="Disagreements">Cases that two replicas answer differently.</param>
internal sealed record AppendAudit(int Cases, int Events, int Acknowledged, int Lost, int Duplicated, int Unknown, int UnansweredWritten, int BrokenChains,
    int Disagreements)
{
    /// <summary>Whether nothing was lost, doubled, invented, broken or seen differently.</summary>
    public bool Clean => Lost == 0 && Duplicated == 0 && Unknown == 0 && BrokenChains == 0 && Disagreements == 0;

    /// <summary>The figures as key=value pairs.</summary>
    public override string ToString() =>
        $"cases={Cases} events={Events} acknowledged={Acknowledged} lost={Lost} duplicated={Duplicated} unknown={Unknown} unanswered_written={UnansweredWritten} broken_chains={BrokenChains} replicas_disagreeing={Disagreements}";

    /// <summary>Reads every case from each of <paramref name="replicas"/> and checks it against what the loads recorded.</summary>
    public static async Task<AppendAudit> Of(IReadOnlyList<string> replicas, string key, IReadOnlyList<string> caseIds, IReadOnlyList<AppendLoad> loads,
        CancellationToken cancellationToken)
    {
        var acknowledged = loads.SelectMany(l => l.Acknowledged).ToDictionary(p => p.Key, p => p.Value);
        var unanswered = loads.SelectMany(l => l.Unanswered).ToDictionary(p => p.Key, p => p.Value);
        var clients = replicas.Select(r =>
        {
            var client = new HttpClient { BaseAddress = new Uri(r), Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            return client;
        }).ToList();
        try
        {
            int events = 0, lost = 0, duplicated = 0, unknown = 0, unansweredWritten = 0, broken = 0, disagreements = 0;
            foreach (var id in caseIds)
            {
                var logs = new List<string>();
                foreach (var client in clients)
                {
                    logs.Add((await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}", cancellationToken)).GetProperty("events").GetRawText());
                }

                disagreements += logs.Distinct(StringComparer.Ordinal).Count() > 1 ? 1 : 0;
                var log = JsonDocument.Parse(logs[0]).RootElement.EnumerateArray().ToList();
                events += log.Count;
                var sequences = log.Select(e => e.GetProperty("sequence").GetInt32()).ToList();
                var verified = await clients[0].GetFromJsonAsync<JsonElement>($"/api/cases/{id}/verify", cancellationToken);
                broken += verified.GetProperty("intact").GetBoolean() && sequences.SequenceEqual(Enumerable.Range(1, log.Count)) ? 0 : 1;
                var notes = log.Where(e => e.GetProperty("kind").GetString() == "hold-consultation").Select(e => e.GetProperty("note").GetString() ?? "")
                    .GroupBy(n => n, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
                duplicated += notes.Values.Sum(n => n - 1);
                unknown += notes.Keys.Count(n => !acknowledged.TryGetValue(n, out var at) && !unanswered.TryGetValue(n, out at) || at != id);
                unansweredWritten += notes.Keys.Count(unanswered.ContainsKey);
                lost += acknowledged.Count(p => p.Value == id && !notes.ContainsKey(p.Key));
            }

            return new AppendAudit(caseIds.Count, events, acknowledged.Count, lost, duplicated, unknown, unansweredWritten, broken, disagreements);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }
}
