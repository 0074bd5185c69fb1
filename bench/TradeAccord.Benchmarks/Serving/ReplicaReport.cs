namespace TradeAccord.Benchmarks.Serving;

/// <summary>What a replica trial found.</summary>
/// <param name="Options">Its size.</param>
/// <param name="Cases">Cases opened through the balancer (distinct ids).</param>
/// <param name="Vintages">Each replica's answer to the 2020 tracker report: its vintage and total.</param>
/// <param name="Steady">The appends with every replica up.</param>
/// <param name="Failover">The appends during which replica 2 was killed.</param>
/// <param name="Afterwards">The appends once HAProxy reported replica 2 down.</param>
/// <param name="AcknowledgedAtKill">Failover appends acknowledged when replica 2 was killed.</param>
/// <param name="States">HAProxy's view of the replicas at the end.</param>
/// <param name="Audit">The store read back from the surviving replicas.</param>
internal sealed record ReplicaReport(ReplicaTrialOptions Options, int Cases, IReadOnlyList<string> Vintages, AppendLoad Steady, AppendLoad Failover,
    AppendLoad Afterwards, int AcknowledgedAtKill, IReadOnlyDictionary<string, string> States, AppendAudit Audit)
{
    /// <summary>Whether the three replicas read the same trade data.</summary>
    public bool SameVintage => Vintages.Distinct(StringComparer.Ordinal).Count() == 1;

    /// <summary>The report as the benchmark prints it, one line per finding.</summary>
    public IEnumerable<string> Lines()
    {
        yield return $"replicas start={(Options.Staggered ? "staggered" : "together")} cases={Cases} clients={Options.Clients} appends_per_client={Options.Appends}";
        yield return $"replicas vintage same={SameVintage.ToString().ToLowerInvariant()} {string.Join(" | ", Vintages.Distinct(StringComparer.Ordinal))}";
        yield return $"replicas round=steady {Round(Steady)}";
        yield return $"replicas round=failover {Round(Failover)} acknowledged_at_kill={AcknowledgedAtKill} acknowledged_after_kill={Failover.Acknowledged.Count - AcknowledgedAtKill}";
        yield return $"replicas round=afterwards {Round(Afterwards)}";
        yield return $"replicas haproxy {string.Join(' ', States.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value.Replace(' ', '_')}"))}";
        yield return $"replicas audit {Audit}";
    }

    private static string Round(AppendLoad load) =>
        $"acknowledged={load.Acknowledged.Count} unanswered={load.Unanswered.Count} conflicts_retried={load.Conflicts} refused={load.Refused} served_by={string.Join(',', load.ServedBy.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}:{s.Value}"))}";
}
