using TradeAccord.Benchmarks.Serving;

namespace TradeAccord.Benchmarks;

/// <summary>
/// <c>replicas [--cases 40] [--clients 16] [--appends 250] [--staggered] [--pg CONNSTRING]</c>: the replica trial
/// (three accord-server processes on one PostgreSQL behind HAProxy, one killed mid-load) at a size CI does not run.
/// PostgreSQL comes from --pg or $ACCORD_TEST_PG (scripts/postgres.sh's start_test_postgres sets it).
/// </summary>
internal static class Replicas
{
    public static async Task<int> Run(string[] args)
    {
        var postgres = BenchOptions.Text(args, "--pg") ?? Environment.GetEnvironmentVariable("ACCORD_TEST_PG");
        if (string.IsNullOrEmpty(postgres))
        {
            await Console.Error.WriteLineAsync(
                "replicas needs PostgreSQL: pass --pg CONNSTRING, or run `source scripts/debian.sh; source scripts/postgres.sh; start_test_postgres` first (it sets ACCORD_TEST_PG)");
            return 2;
        }

        var options = new ReplicaTrialOptions(BenchOptions.Int(args, "--cases", 40), BenchOptions.Int(args, "--clients", 16),
            BenchOptions.Int(args, "--appends", 250), args.Contains("--staggered"));
        var report = await ReplicaTrial.Run(postgres, options, CancellationToken.None);
        foreach (var line in report.Lines())
        {
            Console.WriteLine(line);
        }

        var a = report.Audit;
        Console.WriteLine($"replicas acknowledged={a.Acknowledged} lost={a.Lost} duplicated={a.Duplicated} broken_chains={a.BrokenChains} same_vintage={report.SameVintage.ToString().ToLowerInvariant()}");
        return a.Clean && report.SameVintage && report.Afterwards.Unanswered.Count == 0
               && report.States.GetValueOrDefault("replica2", "").StartsWith("DOWN", StringComparison.Ordinal) ? 0 : 1;
    }
}
