using System.Globalization;
using System.Text.Json;
using System.Text;
using TradeAccord.Storage.Cases;
using TradeAccord.Storage;
using TradeAccord.App.Tracking;
using TradeAccord.Core.Agreements;
using TradeAccord.Core.Commitments;
using TradeAccord.Core.Common;
using TradeAccord.Core.Enforcement;
using TradeAccord.Core.Scenarios;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Csv;
using TradeAccord.Sources.Scenarios;
using TradeAccord.Sources;

namespace TradeAccord.App.Cases;

/// <summary>A responsive action as recorded in the case and written as a scenario.</summary>
/// <param name="Kind">remedial-measure or suspend-obligation.</param>
/// <param name="From">First day it applies.</param>
/// <param name="ScenarioFile">The scenario file written (null when the response changes no tariff).</param>
/// <param name="Tariff">The proposed tariff and its arithmetic, for a remedial measure.</param>
/// <param name="Obligation">The obligation suspended, for a suspension.</param>
/// <param name="Headings">The chapter 99 headings whose products the tariff covers.</param>
public sealed record ResponseTerms(string Kind, DateOnly From, string? ScenarioFile, ProportionateResponse? Tariff, string? Obligation, IReadOnlyList<string> Headings);

/// <summary>
/// Responsive actions: a proportionate tariff (the harm claimed, the trade it falls on, the rate, the arithmetic) or
/// the suspension of one of the complainant's own obligations; each is recorded in the case and, when it changes a
/// tariff, written as a scenario file every <c>--scenario</c> option reads.
/// </summary>
public sealed class CaseResponses(CaseService cases, ScheduleLoader loader)
{
    // Narrowest first: Section 301 List 4A, List 3, then Lists 1, 2, 3 and 4A together (US imports from China).
    private static readonly (string Name, string[] Headings)[] UsProductSets =
    [
        ("Section 301 List 4A (9903.88.15)", ["9903.88.15"]),
        ("Section 301 List 3 (9903.88.03)", ["9903.88.03"]),
        ("Section 301 Lists 1, 2, 3 and 4A", ["9903.88.01", "9903.88.02", "9903.88.03", "9903.88.15"]),
    ];

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>
    /// The harm a case claims: <paramref name="harmUsd"/> when given; for a case on Article 6.2 (purchases), the
    /// tracker's total shortfall on the complainant's export series for the last full year before <paramref name="at"/>.
    /// </summary>
    public decimal Harm(CaseHeader header, DateOnly at, decimal? harmUsd, ITradeStore trade, out string basis)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (harmUsd is { } given)
        {
            basis = "as claimed";
            return given;
        }

        if (header.Article is not "6.2")
        {
            throw new CaseException($"case {header.Id} is on article {header.Article ?? "(none)"}: give the harm claimed with --harm USD");
        }

        var year = at.Year - 1;
        var report = TradeData.Track(trade, cases.AgreementOf(header), loader.AgreementContext,
            new TrackRequest([], null, new TrackOptions(year), loader.Baseline)).First();
        basis = $"purchase shortfall in {year} on {report.Series} ({report.Vintage}): target {Bn(report.Total.Target)} less actual {Bn(report.Total.Actual)} USD bn";
        return report.Total.Shortfall ?? throw new CaseException($"{header.Agreement} sets no numeric purchase target for {year}: give the harm claimed with --harm USD");
    }

    /// <summary>Proposes a proportionate tariff for <paramref name="harmUsd"/> on the respondent's goods.</summary>
    public ProportionateResponse Propose(CaseHeader header, decimal harmUsd)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (header.Complainant != CountryCode.US || header.Respondent != CountryCode.CN)
        {
            throw new CaseException($"proportionate tariffs are priced on US imports from China by line (2017); the data for {header.Complainant}'s imports from {header.Respondent} by line are not shipped");
        }

        var imports = UsImportsFromChina();
        var candidates = UsProductSets.Select(set =>
        {
            var coverages = set.Headings.Select(Coverage).ToList();
            var value = imports.Where(kv => coverages.Any(c => c.Covers(kv.Key))).Sum(kv => kv.Value);
            return new ProductSet(set.Name, string.Join(", ", set.Headings), value, 2017);
        }).ToList();
        return Proportionality.Propose(harmUsd, candidates);
    }

    /// <summary>
    /// Records a proportionate tariff response and writes its scenario to <paramref name="scenarioFile"/>. A response is
    /// the complainant's: <paramref name="caller"/>, when it names a party, must be that one.
    /// </summary>
    public (CaseView View, Step Step, ResponseTerms Terms) RespondProportionately(string id, DateOnly at, decimal harmUsd, string harmBasis, string scenarioFile, CountryCode? caller = null)
    {
        var header = cases.View(id, at, new Viewer(Complainant(id, caller))).Header;
        var proposal = Propose(header, harmUsd);
        var headings = proposal.Products.Measure.Split(", ");
        var terms = new ResponseTerms("remedial-measure", at, scenarioFile, proposal with { Arithmetic = [harmBasis, .. proposal.Arithmetic] }, null, headings);
        var scenario = TariffScenario(header, terms);
        return Record(header, at, terms, scenario, $"proportionate tariff of {Percent(proposal.Rate)} on {proposal.Products.Name}");
    }

    /// <summary>
    /// Records the suspension of one of the complainant's obligations; a tariff obligation's suspension restores its
    /// measure. <paramref name="caller"/>, when it names a party, must be the complainant.
    /// </summary>
    public (CaseView View, Step Step, ResponseTerms Terms) SuspendObligation(string id, DateOnly at, string obligationId, string scenarioFile, CountryCode? caller = null)
    {
        var header = cases.View(id, at, new Viewer(Complainant(id, caller))).Header;
        var agreement = cases.AgreementOf(header);
        var provision = agreement.Find(obligationId) ?? throw new CaseException($"'{obligationId}' is not a provision of {agreement.Id}");
        if (provision.Party is { } party && party != header.Complainant)
        {
            throw new CaseException($"'{obligationId}' binds {party}: a complaining party can suspend only its own obligations ({header.Complainant})");
        }

        string? yaml = null;
        if (provision is TariffObligation { Measure: { } measure } tariff)
        {
            var template = loader.Baseline.Measures.First(m => m.Id == measure);
            var change = new ReplaceMeasure(measure, at, null, MeasureStatus.InForce, $"case-{id}-suspends-{tariff.Id}".ToLowerInvariant(),
                LegalBase: $"Case {id}: {header.Complainant} suspends {tariff.Id} ({tariff.Title}) in response, restoring {template.Title} at {template.Rate?.Text}");
            yaml = ScenarioWriter.Write(new Scenario($"case-{id}-response".ToLowerInvariant(), $"Case {id}: suspension of {tariff.Id} from {CaseService.Day(at)}", [change]),
                $"Written by `accord case respond` for case {id}.");
        }

        var terms = new ResponseTerms("suspend-obligation", at, yaml is null ? null : scenarioFile, null, obligationId, []);
        return Record(header, at, terms, yaml, $"suspension of {obligationId}");
    }

    private (CaseView View, Step Step, ResponseTerms Terms) Record(CaseHeader header, DateOnly at, ResponseTerms terms, string? scenarioYaml, string note)
    {
        var view = cases.View(header.Id, at, new Viewer(header.Complainant));
        var action = view.Stage.Actions.FirstOrDefault(a => a.Response)
                     ?? throw new CaseException($"case {header.Id} is in {view.Stage.Id}, where no response may be taken: permitted now: {string.Join(", ", view.Permitted.Select(a => a.Id))}");
        var (after, step) = cases.Advance(header.Id, action.Id, header.Complainant, at, note, JsonSerializer.Serialize(terms, JsonOptions));
        if (step.Event is not null && scenarioYaml is not null && terms.ScenarioFile is { } file)
        {
            // Whole file or none: a half-written scenario would price the wrong response.
            File.WriteAllText(file + ".tmp", scenarioYaml);
            File.Move(file + ".tmp", file, overwrite: true);
        }

        return (after, step, terms);
    }

    private string TariffScenario(CaseHeader header, ResponseTerms terms)
    {
        var proposal = terms.Tariff!;
        var yaml = new StringBuilder();
        yaml.AppendLine(CultureInfo.InvariantCulture, $"# Written by `accord case respond --proportionate` for case {header.Id}.");
        foreach (var line in proposal.Arithmetic)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"#   {line}");
        }

        yaml.AppendLine(CultureInfo.InvariantCulture, $"name: case-{header.Id.ToLowerInvariant()}-response");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"description: \"Case {header.Id}: proportionate tariff of {Percent(proposal.Rate)} on {proposal.Products.Name} from {CaseService.Day(terms.From)}\"");
        yaml.AppendLine("changes:");
        yaml.AppendLine("  - add:");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"      id: case-{header.Id.ToLowerInvariant()}-response");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"      importer: {header.Complainant}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"      title: \"Responsive action, case {header.Id}\"");
        yaml.AppendLine("      kind: section301");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"      origins: [{header.Respondent}]");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"      coverage: {{ headings: [{string.Join(", ", terms.Headings)}] }}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"      rate: {Percent(proposal.Rate)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"      validFrom: {CaseService.Day(terms.From)}");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"      legalBase: \"Case {header.Id}, responsive action in a proportionate way ({header.Agreement}, enforcement process)\"");
        yaml.AppendLine(CultureInfo.InvariantCulture, $"      source: \"accord case respond --proportionate, case {header.Id}\"");
        return yaml.ToString();
    }

    private CountryCode Complainant(string id, CountryCode? caller)
    {
        var header = (cases.Store.Load(id) ?? throw new CaseException($"no case {id} in {cases.Store.Description}", notFound: true)).Header;
        if (caller is { } party && party != header.Complainant)
        {
            throw new Viewer(party).MayRead(header)
                ? new CaseException($"only the complainant's office ({header.Complainant}) can respond in case {id}")
                : new CaseException($"no case {id} in {cases.Store.Description}", notFound: true);
        }

        return header.Complainant;
    }

    private ProductCoverage Coverage(string heading) =>
        loader.Baseline.Measures.FirstOrDefault(m => m.Heading == heading && m.Kind == MeasureKind.Section301)?.Coverage
        ?? throw new CaseException($"no Section 301 measure with heading {heading} in the data");

    private Dictionary<ProductCode, decimal> UsImportsFromChina()
    {
        var file = Path.Combine(loader.Paths.Data, "trade", "us_imports_from_china_hts10_2017_usitc.csv");
        return CsvTable.Read(file, "trade/us_imports_from_china_hts10_2017_usitc.csv", "hts10", "general_customs_value_usd")
            .ToDictionary(r => r.Code("hts10"), r => r.Decimal("general_customs_value_usd"));
    }

    private static string Bn(decimal usd) => (usd / 1_000_000_000m).ToString("N2", CultureInfo.InvariantCulture);

    private static string Percent(decimal fraction) => (fraction * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
