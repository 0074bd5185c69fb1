using System.Globalization;
using Npgsql;
using TradeAccord.Sources;
using TradeAccord.Storage.CrashWriter;

namespace TradeAccord.Benchmarks;

/// <summary>
/// <c>crash [--kills 20] [--seed 2026] [--file data/trade/us_exports_to_china_hs6_monthly_2013-01_2021-02.csv] [--pg CONNSTRING]</c>:
/// kill -9 at random moments (<see cref="CrashTrials"/>) during imports of the whole shipped monthly export file
/// (364,150 rows) and during case appends, on a DuckDB file and on a PostgreSQL database (--pg, else
/// $ACCORD_TEST_PG: start one with <c>source scripts/debian.sh; source scripts/postgres.sh; start_test_postgres</c>).
/// Prints per store and operation the kills, how many came inside a commit, the outcomes (old: the write under way
/// absent; new: there entirely), chains verified, acknowledged writes, and what must be 0: acknowledged writes lost
/// and writes half-stored; then <c>crash kills=N lost=0 torn=0 ...</c>. Exits 1 if anything was lost or torn.
/// </summary>
internal static class Crash
{
    public static async Task<int> Run(string[] args)
    {
        var kills = int.Parse(Option(args, "--kills") ?? "20", CultureInfo.InvariantCulture);
        var seed = int.Parse(Option(args, "--seed") ?? "2026", CultureInfo.InvariantCulture);
        var loader = new ScheduleLoader(DataPaths.Locate());
        var file = Option(args, "--file") ?? Path.Combine(loader.Paths.Data, "trade", "us_exports_to_china_hs6_monthly_2013-01_2021-02.csv");
        var server = Option(args, "--pg") ?? Environment.GetEnvironmentVariable("ACCORD_TEST_PG");
        if (string.IsNullOrWhiteSpace(server))
        {
            await Console.Error.WriteLineAsync("crash: needs a PostgreSQL server: --pg CONNSTRING, or ACCORD_TEST_PG "
                                               + "(source scripts/debian.sh; source scripts/postgres.sh; start_test_postgres)").ConfigureAwait(false);
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("accord-crash-bench-").FullName;
        var databases = new List<string>();
        try
        {
            Console.WriteLine($"crash: kill -9 at seeded random moments (seed {seed}), {kills} kills per store and operation; the store reopened and checked after each");
            Console.WriteLine($"import: {Path.GetFileName(file)}; append: notes to one case until killed");
            Console.WriteLine(CrashTally.Heading);
            var tallies = new List<CrashTally>();
            foreach (var name in new[] { "duckdb", "postgresql" })
            {
                foreach (var operation in new[] { "import", "append" })
                {
                    var db = name == "duckdb" ? Path.Combine(folder, $"{operation}.duckdb") : Database(server, databases);
                    var store = new CrashStore(name, db);
                    var tally = operation == "import"
                        ? await CrashTrials.Imports(store, file, kills, seed, CancellationToken.None).ConfigureAwait(false)
                        : await CrashTrials.Appends(store, loader, kills, seed, CancellationToken.None).ConfigureAwait(false);
                    Console.WriteLine(tally.Row());
                    tallies.Add(tally);
                }
            }

            foreach (var problem in tallies.SelectMany(t => t.Problems))
            {
                Console.WriteLine($"problem: {problem}");
            }

            var (lost, torn) = (tallies.Sum(t => t.Lost), tallies.Sum(t => t.Torn));
            Console.WriteLine($"crash kills={tallies.Sum(t => t.Kills)} lost={lost} torn={torn} in_commit={tallies.Sum(t => t.InCommit)} "
                              + $"old={tallies.Sum(t => t.Old)} new={tallies.Sum(t => t.New)} chains_verified={tallies.Sum(t => t.ChainsVerified)} "
                              + $"acknowledged={tallies.Sum(t => t.Acknowledged)} ended_first={tallies.Sum(t => t.EndedFirst)}");
            return lost + torn == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var database in databases)
            {
                Admin(server, $"DROP DATABASE {database} WITH (FORCE)");
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    // A database of its own on the server for one operation's trials, dropped at the end.
    private static string Database(string server, List<string> databases)
    {
        var name = $"accord_crash_bench_{Guid.NewGuid():N}";
        Admin(server, $"CREATE DATABASE {name}");
        databases.Add(name);
        return new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString;
    }

    private static void Admin(string server, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
