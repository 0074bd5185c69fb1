using System.Globalization;
using System.Text.Json.Nodes;
using Json.Schema;
using TradeAccord.App;
using TradeAccord.Sources.Agreements;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TradeAccord.Sources.Tests.Agreements;

/// <summary>
/// The published JSON Schema agrees with the reader: the shipped files pass it, and structural faults the reader
/// rejects fail it too. (References to measures, data and other provisions are beyond a schema; the reader checks them.)
/// </summary>
public class SchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(AgreementFiles.Schema);

    [Theory]
    [InlineData(Agreements.PhaseOne)]
    [InlineData(Agreements.UsPosition)]
    [InlineData(Agreements.ChinaPosition)]
    [InlineData(Agreements.Arrangement)]
    [InlineData(Agreements.Additions)]
    public void Shipped_agreements_pass_the_schema(string name)
    {
        var result = Evaluate(Agreements.Text(name));
        result.IsValid.ShouldBeTrue(Errors(result));
    }

    [Fact]
    public void The_shipped_schema_file_is_the_one_the_program_prints()
    {
        var file = Path.Combine(Path.GetDirectoryName(BuiltIn.Loader.Paths.Data)!, "schemas", "agreement.schema.json");
        File.ReadAllText(file).ShouldBe(AgreementFiles.Schema);
    }

    [Theory]
    [InlineData("    publicText: true\n", "    publicTxt: true\n")]
    [InlineData("    form: binding-number\n", "    form: binding\n")]
    [InlineData("status: signed\n", "status: ratified\n")]
    [InlineData("    requires: 7.5%\n    from: 2020-02-14\n", "    requires: 7.5%\n")]
    [InlineData("    noticeDays: 60\n    confirmed: false\n", "    noticeDays: 60\n    confirmed: maybe\n")]
    [InlineData("    note: The 60 days' written notice and the good-faith rule", "    # The 60 days' written notice and the good-faith rule")]
    [InlineData("      - { year: 2020, increase: 12.5 }", "      - { year: 2020 }")]
    [InlineData("  - id: us-list4a\n", "  - id: us list4a\n")]
    [InlineData("    unit: million t\n", "    unit: million bushels\n", Agreements.Arrangement)]
    [InlineData("hsCodes: [\"1201\"]", "hsCodes: [\"120\"]", Agreements.Arrangement)]
    [InlineData("publicText: { CN: false, US: true }", "publicText: { CN: never, US: true }", Agreements.Arrangement)]
    [InlineData("{ period: { from: 2025-11-01, to: 2025-12-31 }, level: 12 }", "{ period: { from: 2025-11-01 }, level: 12 }", Agreements.Arrangement)]
    [InlineData("{ period: { from: 2025-11-01, to: 2025-12-31 }, level: 12 }", "{ year: 2025, period: { from: 2025-11-01, to: 2025-12-31 }, level: 12 }", Agreements.Arrangement)]
    [InlineData("    afterExpiry: unknown\n    mootBy", "    mootBy", Agreements.Arrangement)]
    [InlineData("afterExpiry: unknown\n    mootBy", "afterExpiry: renewed\n    mootBy", Agreements.Arrangement)]
    [InlineData("    date: 2026-02-20\n", "", Agreements.Arrangement)]
    [InlineData("{ year: 2026, prorateFrom: 2026-05-17, level: 17 }", "{ year: 2026, prorateFrom: 17 May, level: 17 }", Agreements.Additions)]
    [InlineData("    productsOutsideData: the fact sheet", "    hsCodes: [\"1201\"]\n    productsOutsideData: the fact sheet", Agreements.Additions)]
    public void Structural_faults_fail_both_the_reader_and_the_schema(string find, string replace, string file = Agreements.PhaseOne)
    {
        var original = Agreements.Text(file);
        var index = original.IndexOf(find, StringComparison.Ordinal);
        index.ShouldBeGreaterThanOrEqualTo(0);
        var text = original[..index] + replace + original[(index + find.Length)..];

        Evaluate(text).IsValid.ShouldBeFalse();
        Agreements.Parse(text).IsValid.ShouldBeFalse();
    }

    private static EvaluationResults Evaluate(string yaml) =>
        Schema.Evaluate(System.Text.Json.JsonSerializer.SerializeToElement(ToJson(Load(yaml))), new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Errors(EvaluationResults result) =>
        string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    private static YamlNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode;
    }

    // YAML 1.2 core schema: plain scalars that look like numbers, booleans or null are those; everything else is text.
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: var v } => Plain(v ?? ""),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };

    private static JsonNode? Plain(string v) => v switch
    {
        "" or "null" or "~" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) => JsonValue.Create(i),
        _ when double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !v.Contains('-', StringComparison.Ordinal) => JsonValue.Create(d),
        _ => JsonValue.Create(v),
    };
}
