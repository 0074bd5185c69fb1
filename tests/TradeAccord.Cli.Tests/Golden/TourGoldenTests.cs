using System.Text.Json.Nodes;
using TradeAccord.Tests.Shared;

namespace TradeAccord.Cli.Tests.Golden;

/// <summary>
/// The README's tour in its <c>--format json</c> form, pinned in Expectations/tour/&lt;name&gt;.json (indented, properties
/// in their order). Only what differs from run to run is normalised; each normalisation says why.
/// </summary>
public sealed class TourGoldenTests : IDisposable
{
    private const string Case = "US-CN-2021-001";

    // A response's scenario file is written under the temporary folder, whose name is new on every run.
    private const string HashOfATemporaryPath = "<hash: chains an event that names the temporary folder>";

    private readonly string _folder = Directory.CreateTempSubdirectory("accord-golden-").FullName;

    private string Db => Path.Combine(_folder, "store.duckdb");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("duty-list3-2019-06-20", "duty", "--hts", "7326.90.8688", "--origin", "CN", "--entry-date", "2019-06-20", "--value", "10000")]
    [InlineData("duty-list3-in-transit", "duty", "--hts", "7326.90.8688", "--origin", "CN", "--entry-date", "2019-06-14", "--export-date", "2019-05-01", "--value", "10000")]
    [InlineData("duty-cn-soybeans-2018-07-06", "duty", "--importer", "CN", "--hts", "1201.90", "--origin", "US", "--entry-date", "2018-07-06", "--value", "1000")]
    [InlineData("schedule-stats-2020-01-01", "schedule", "stats", "--date", "2020-01-01")]
    [InlineData("duty-toys-cn-2025-04-15", "duty", "--hts", "9503.00.0073", "--origin", "CN", "--entry-date", "2025-04-15", "--value", "10000")]
    [InlineData("duty-steel-jp-2025-06-10", "duty", "--hts", "7208.10.1500", "--origin", "JP", "--entry-date", "2025-06-10", "--value", "10000")]
    [InlineData("duty-toys-cn-after-the-data", "duty", "--hts", "9503.00.0073", "--origin", "CN", "--entry-date", "2026-09-01", "--value", "10000", "--assume-unchanged")]
    [InlineData("duty-history-toys-cn-2018-2026", "duty", "history", "--hts", "9503.00.0073", "--origin", "CN", "--from", "2018-01-01", "--to", "2026-07-23")]
    [InlineData("schedule-effective-cn-2025-05-20", "schedule", "effective", "--partner", "CN", "--date", "2025-05-20", "--by", "authority")]
    [InlineData("agreement-validate", "agreement", "validate", "agreements/us-china-phase-one.yaml", "agreements/positions-2019-11/china.yaml",
        "agreements/positions-2019-11/us.yaml")]
    [InlineData("agreement-show", "agreement", "show", "us-china-phase-one")]
    [InlineData("agreement-timeline", "agreement", "timeline", "us-china-phase-one")]
    [InlineData("agreement-diff-positions-2019-11", "agreement", "diff", "positions-2019-11/us", "positions-2019-11/china")]
    [InlineData("agreement-validate-2025-2026", "agreement", "validate", "agreements/us-china-2025-11.yaml", "agreements/us-china-2026-05.yaml")]
    [InlineData("agreement-diff-phase-one-2025-11", "agreement", "diff", "us-china-phase-one", "us-china-2025-11")]
    [InlineData("agreement-check-2025-11-on-2025-12-01", "agreement", "check", "us-china-2025-11", "--date", "2025-12-01")]
    [InlineData("agreement-check-2025-11-on-2026-03-01", "agreement", "check", "us-china-2025-11", "--date", "2026-03-01", "--format", "json")]
    [InlineData("agreement-check-2020-03-01-dec15-proceeds", "agreement", "check", "us-china-phase-one", "--date", "2020-03-01", "--scenario", "dec15-proceeds")]
    [InlineData("impact-us-dec15-proceeds-2019", "impact", "--importer", "US", "--scenario", "dec15-proceeds", "--baseline", "phase-one", "--year", "2019")]
    [InlineData("impact-cn-phase-one-2018", "impact", "--importer", "CN", "--scenario", "phase-one", "--baseline", "no-retaliation", "--year", "2018")]
    [InlineData("impact-cn-soybeans-by-hs6", "impact", "--importer", "CN", "--scenario", "phase-one", "--baseline", "no-retaliation", "--year", "2017",
        "--date", "2019-06-30", "--by", "hs6")]
    [InlineData("negotiate-analyze", "negotiate", "analyze", "negotiations/us-china-2019-11.yaml")]
    [InlineData("negotiate-evaluate", "negotiate", "evaluate", "negotiations/us-china-2019-11.yaml", "--offer", "farm-purchases=40,list4a-rate=7.5%,commitment-form=range")]
    [InlineData("negotiate-simulate", "negotiate", "simulate", "negotiations/us-china-2019-11.yaml", "--strategy", "US=boulware", "--strategy", "CN=conceder",
        "--seed", "1")]
    public Task A_tour_command_answers_as_before(string name, params string[] command) => Golden(name, command);

    [Fact]
    public async Task Comparing_scenarios_answers_as_before()
    {
        // The tests run in the folder of the test binary, where the README's fixture is not copied: it is read from
        // the source tree through a copy in the temporary folder (so the JSON names it <tmp>/entries-synthetic.csv).
        var input = Path.Combine(_folder, "entries-synthetic.csv");
        File.Copy(Expectations.SourceFile("examples/entries-synthetic.csv"), input);
        await Golden("scenario-compare", "scenario", "compare", "--input", input, "--scenarios", "phase-one,dec15-proceeds,no-301");
    }

    [Fact]
    public async Task A_position_applied_as_a_scenario_prices_as_before()
    {
        var scenario = Path.Combine(_folder, "china-2019-11.yaml");
        var apply = await CliRun.Of("agreement", "apply", "positions-2019-11/china", "--assume-signed", "2019-12-15", "--output", scenario);
        apply.ExitCode.ShouldBe(0, apply.Error);

        await Golden("duty-list4a-china-2019-11-position", "duty", "--hts", "0101.21.0010", "--origin", "CN", "--entry-date", "2020-03-01", "--value", "10000",
            "--scenario", scenario);
    }

    [Fact]
    public async Task Tracking_2020_with_a_chart_answers_as_before()
    {
        var chart = Path.Combine(_folder, "phase-one-2020.svg");
        await Golden("track-us-exports-2020", "track", "--agreement", "agreements/us-china-phase-one.yaml", "--series", "us-exports", "--year", "2020",
            "--chart", chart, "--db", Db);
        File.Exists(chart).ShouldBeTrue();
    }

    [Theory]
    [InlineData("track-2020-2-years", "--year", "2020", "--years", "2")]
    [InlineData("track-2021", "--year", "2021")]
    [InlineData("track-soybeans-nov-dec-2025", "--agreement", "agreements/us-china-2025-11.yaml", "--year", "2025")]
    [InlineData("track-soybeans-2026", "--agreement", "agreements/us-china-2025-11.yaml", "--year", "2026", "--format", "json")]
    [InlineData("track-2021-category-vintage-2021-06", "--year", "2021", "--category-vintage", "census-ytd-2021-06")]
    public Task Tracking_answers_as_before(string name, params string[] options) => Golden(name, ["track", .. options, "--db", Db]);

    [Fact]
    public async Task A_case_runs_as_before()
    {
        await Golden("case-open", "case", "open", "--agreement", "agreements/us-china-phase-one.yaml", "--complainant", "US", "--respondent", "CN",
            "--article", "6.2", "--summary", "2020 purchases short of Article 6.2", "--at", "2021-01-15", "--db", Db);
        await Golden("case-advance-assess", "case", "advance", Case, "--action", "assess", "--by", "CN", "--at", "2021-02-01", "--db", Db);
        await Golden("case-advance-escalate-to-deputies", "case", "advance", Case, "--action", "escalate", "--by", "US", "--at", "2021-02-20", "--db", Db);
        await Golden("case-advance-escalate-to-high-level", "case", "advance", Case, "--action", "escalate", "--by", "US", "--at", "2021-03-10", "--db", Db);
        // Determined after the high-level deadline (2021-04-15), so that the list of 2021-04-16 shows the case overdue.
        await Golden("case-advance-determine", "case", "advance", Case, "--action", "determine", "--by", "US", "--at", "2021-04-20", "--db", Db);
        await Golden("case-respond-proportionate", "case", "respond", Case, "--proportionate", "--at", "2021-05-01",
            "--output", Path.Combine(_folder, "case-us-cn-2021-001-response.yaml"), "--db", Db);
        await Golden("case-show-2021-04-16", "case", "show", Case, "--at", "2021-04-16", "--db", Db);
        await Golden("case-show-2021-05-01", "case", "show", Case, "--at", "2021-05-01", "--db", Db);
        await Golden("case-list-overdue-2021-04-16", "case", "list", "--overdue", "--at", "2021-04-16", "--db", Db);
        await Golden("case-list-2021-05-01", "case", "list", "--at", "2021-05-01", "--db", Db);
    }

    private async Task Golden(string name, params string[] command)
    {
        var run = await CliRun.Of([.. command, "--format", "json"]);
        run.ExitCode.ShouldBe(0, run.Error);
        Expectations.Verify($"tour/{name}.json", Expectations.Json(Normalise(run.Out)));
    }

    private JsonNode? Normalise(string json)
    {
        // The temporary folder (the store, a response's scenario file) has a new name on every run: <tmp>. Inside an
        // event's data the path is a string within a JSON string, so its escaped form is replaced too.
        var escaped = System.Text.Json.JsonEncodedText.Encode(_folder).ToString();
        var text = json.Replace(System.Text.Json.JsonEncodedText.Encode(escaped).ToString(), "<tmp>", StringComparison.Ordinal)
            .Replace(escaped, "<tmp>", StringComparison.Ordinal)
            .Replace(_folder, "<tmp>", StringComparison.Ordinal);
        var node = JsonNode.Parse(text);
        HashesOfTemporaryPaths(node);
        return node;
    }

    /// <summary>
    /// An event's hash covers its data, so the hash of an event naming the temporary folder (a response's scenario
    /// file) changes on every run, and so does every hash chained after it: those are replaced by a marker. Every
    /// other hash (and the chain up to that event) is compared as it is.
    /// </summary>
    private static void HashesOfTemporaryPaths(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["events"] is JsonArray events)
                {
                    var tainted = false;
                    foreach (var e in events.OfType<JsonObject>())
                    {
                        if (tainted)
                        {
                            e["previousHash"] = HashOfATemporaryPath;
                        }

                        tainted |= e["data"] is JsonValue data && data.TryGetValue<string>(out var s) && s.Contains("<tmp>", StringComparison.Ordinal);
                        if (tainted)
                        {
                            e["hash"] = HashOfATemporaryPath;
                        }
                    }
                }

                foreach (var (_, child) in o.ToList())
                {
                    HashesOfTemporaryPaths(child);
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    HashesOfTemporaryPaths(child);
                }

                break;
        }
    }
}
