using System.Globalization;
using TradeAccord.Core.Scenarios;
using TradeAccord.Sources.Agreements;
using TradeAccord.Sources.Negotiation;
using TradeAccord.Sources.Scenarios;

namespace TradeAccord.Sources.Tests.Documents;

/// <summary>A document sent as text (a request body) reads exactly as the same document in a file.</summary>
public class TextEntryPointTests
{
    public static TheoryData<string> ScenarioNames => [.. BuiltIn.Loader.ScenarioNames];

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void A_built_in_scenario_reads_the_same_from_text_as_from_its_file(string name)
    {
        var path = Path.Combine(BuiltIn.Loader.Paths.Scenarios, name + ".yaml");
        var display = $"scenarios/{name}.yaml";

        var fromFile = ScenarioReader.Read(path, BuiltIn.Loader.Baseline, display);
        var fromText = ScenarioReader.Parse(File.ReadAllText(path), display, BuiltIn.Loader.Baseline);

        fromText.Name.ShouldBe(fromFile.Name);
        fromText.Description.ShouldBe(fromFile.Description);
        fromText.Changes.Select(Describe).ShouldBe(fromFile.Changes.Select(Describe));
        Measures(fromText).ShouldBe(Measures(fromFile));
    }

    [Fact]
    public void A_scenario_in_json_reads_as_the_same_scenario_in_yaml()
    {
        const string json = """
            {"name": "no-301", "description": "synthetic", "changes": [
              {"endKind": "section301", "from": "2018-01-01"},
              {"end": ["us301-l3-transit"], "from": "2018-01-01"},
              {"endKind": "exclusion", "importer": "US", "from": "2018-01-01"}]}
            """;
        var yaml = File.ReadAllText(Path.Combine(BuiltIn.Loader.Paths.Scenarios, "no-301.yaml"));

        var fromJson = ScenarioReader.Parse(json, "body", BuiltIn.Loader.Baseline);
        var fromYaml = ScenarioReader.Parse(yaml, "body", BuiltIn.Loader.Baseline);

        // Positions differ between the two texts; what each change says must not.
        fromJson.Changes.Select(c => Describe(c with { Origin = "" }))
            .ShouldBe(fromYaml.Changes.Select(c => Describe(c with { Origin = "" })));
    }

    [Fact]
    public void The_shipped_negotiation_domain_reads_the_same_from_text_as_from_its_file()
    {
        var path = Path.Combine(BuiltIn.Loader.Paths.Negotiations, "us-china-2019-11.yaml");
        // A stand-in for the impact model, which is not what is tested here: each option is worth its position.
        ValueDeriver derive = (_, _, options) =>
            (options.Select((option, index) => (option, (double)index)).ToDictionary(p => p.option, p => p.Item2), "synthetic");

        var fromFile = NegotiationReader.Read(path, "us-china-2019-11.yaml", derive);
        var fromText = NegotiationReader.Parse(File.ReadAllText(path), "us-china-2019-11.yaml", derive);

        NegotiationWriter.Write(fromText).ShouldBe(NegotiationWriter.Write(fromFile));
        fromText.Size.ShouldBe(fromFile.Size);
    }

    [Fact]
    public void The_shipped_agreement_reads_the_same_from_text_as_from_its_file()
    {
        var path = Agreements.Agreements.PathOf(Agreements.Agreements.PhaseOne);
        var context = BuiltIn.Loader.AgreementContext;

        var fromFile = AgreementFiles.ReadValid(path, context, "phase-one.yaml");
        var fromText = AgreementFiles.ParseValid(File.ReadAllText(path), "phase-one.yaml", context);

        fromText.Provisions.Select(p => p.Id).ShouldBe(fromFile.Provisions.Select(p => p.Id));
        foreach (var (text, file) in fromText.Provisions.Zip(fromFile.Provisions))
        {
            text.Terms().ShouldBe(file.Terms());
        }

        AgreementFiles.IsAgreementText(File.ReadAllText(path)).ShouldBeTrue();
    }

    [Fact]
    public void An_agreement_text_with_problems_lists_them_all()
    {
        var text = Agreements.Agreements.Text(Agreements.Agreements.PhaseOne)
            .Replace("signed: 2020-01-15", "signed: 2020-15-01", StringComparison.Ordinal)
            .Replace("category: Energy", "category: Energie", StringComparison.Ordinal);

        var error = Should.Throw<AgreementException>(() => AgreementFiles.ParseValid(text, "body", BuiltIn.Loader.AgreementContext));

        error.Problems.Select(p => p.Rule).ShouldBe([Rules.InvalidDate, Rules.UnknownCategory], ignoreOrder: true);
        error.Kind.ShouldBe(Core.Errors.ErrorKind.InvalidDocument);
    }

    private static string Describe(ScenarioChange change) => change switch
    {
        AddMeasure a => $"add {a.Measure.Id} {a.Measure.Rate?.Text} {a.Measure.Validity} {a.Measure.Coverage.Count} at {a.Origin}",
        ChangeMeasure c => $"change {c.MeasureId} {Day(c.From)} {c.Rate?.Text} {c.Status} {c.NewId} at {c.Origin}",
        ReplaceMeasure r =>
            $"replace {r.MeasureId} {Day(r.From)} {r.Rate?.Text} {r.Status} {r.NewId} {r.Remove} {r.LegalBase} at {r.Origin}",
        EndMeasures e => $"end [{string.Join(", ", e.MeasureIds)}] {e.Kind} {Day(e.From)} {e.Importer} at {e.Origin}",
        _ => throw new ArgumentException($"no description for {change.GetType().Name}", nameof(change)),
    };

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<string> Measures(Scenario scenario) =>
        [.. scenario.ApplyTo(BuiltIn.Loader.Baseline).GetValueOrThrow().Measures
            .Select(m => $"{m.Id} {m.Status} {m.Rate?.Text} {Day(m.Validity.Start)}-{(m.Validity.HasEnd ? Day(m.Validity.End) : "")}")];
}
