using System.Globalization;
using System.Text;
using TradeAccord.Sources.Agreements;
using TradeAccord.Sources.Documents;
using TradeAccord.Sources.Measures;
using TradeAccord.Sources.Negotiation;
using TradeAccord.Sources.Scenarios;

namespace TradeAccord.Sources.Tests.Documents;

/// <summary>Synthetic documents built to hurt a YAML parser: each must be refused with a clear error, never crash the process.</summary>
public class YamlLimitTests
{
    private const string TooDeep = "nests lists and mappings more than 64 deep: expected at most 64 levels";

    [Theory]
    [InlineData("flow lists", 10_000)]
    [InlineData("flow mappings", 10_000)]
    [InlineData("block mappings", 1_000)] // indented 1,000 deep, it is already half the size limit
    public void A_deeply_nested_document_is_refused_by_every_reader(string shape, int depth)
    {
        var text = Nested(shape, depth);

        Should.Throw<SourceException>(() => ScenarioReader.Parse(text, "body", BuiltIn.Loader.Baseline)).Message.ShouldContain(TooDeep);
        Should.Throw<SourceException>(() => NegotiationReader.Parse(text, "body")).Message.ShouldContain(TooDeep);
        Should.Throw<SourceException>(() => YamlMap.Parse(text, "body")).Message.ShouldContain(TooDeep);
        var problem = AgreementReader.Parse(text, "body", BuiltIn.Loader.AgreementContext).Problems.ShouldHaveSingleItem();
        problem.Rule.ShouldBe(Rules.Refused);
        problem.Message.ShouldBe(TooDeep);
    }

    [Fact]
    public void The_error_names_the_line_where_the_limit_is_passed()
    {
        var error = Should.Throw<SourceException>(() => YamlMap.Parse(Nested("block mappings", 1_000), "deep.yaml"));

        error.Message.ShouldBe($"deep.yaml:65: {TooDeep}");
    }

    [Fact]
    public void A_deeply_nested_file_is_refused_like_text()
    {
        using var temp = new TempFolder();
        var file = temp.Write("deep.yaml", Nested("flow mappings", 10_000));

        Should.Throw<SourceException>(() => ScenarioReader.Read(file, BuiltIn.Loader.Baseline, "deep.yaml")).Message
            .ShouldBe($"deep.yaml:1: {TooDeep}");
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read()
    {
        YamlMap.Parse(Nested("flow mappings", DocumentLimits.MaxNesting), "ok.yaml").Has("a").ShouldBeTrue();
        Should.Throw<SourceException>(() => YamlMap.Parse(Nested("flow mappings", DocumentLimits.MaxNesting + 1), "deep.yaml"));
    }

    [Fact]
    public void Aliases_are_refused()
    {
        const string text = "name: &n synthetic\ndescription: *n\nchanges: []\n";

        Should.Throw<SourceException>(() => ScenarioReader.Parse(text, "body", BuiltIn.Loader.Baseline)).Message
            .ShouldBe("body:2: uses the alias *n: expected every value written out (anchors and aliases are not accepted)");
    }

    [Fact]
    public void A_billion_laughs_key_is_refused_at_once()
    {
        // Each level lists the previous one ten times: hashing the last one as a key would visit 10^12 values.
        var text = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            var previous = string.Create(CultureInfo.InvariantCulture, $"*l{i - 1}");
            text.Append(CultureInfo.InvariantCulture, $"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat(previous, 10))}]\n");
        }

        text.Append("? *l11\n: boom\n");

        var error = Bounded.Run(() => Should.Throw<SourceException>(() => YamlMap.Parse(text.ToString(), "laughs.yaml")));

        error.Message.ShouldStartWith("laughs.yaml:2: uses the alias *l0");
    }

    [Fact]
    public void Telling_an_agreement_by_its_first_key_does_not_backtrack()
    {
        var blankLines = new string('\n', 100_000);

        Bounded.Run(() => AgreementFiles.IsAgreementText(blankLines + "title: x\n")).ShouldBeFalse();
        AgreementFiles.IsAgreementText("# a comment\n\n  # another\r\nagreement: x\n").ShouldBeTrue();
        AgreementFiles.IsAgreementText("title: x\nagreement: x\n").ShouldBeFalse();
    }

    /// <summary>A document of <paramref name="depth"/> nested lists or mappings.</summary>
    internal static string Nested(string shape, int depth) => shape switch
    {
        "flow lists" => "a: " + new string('[', depth - 1) + new string(']', depth - 1) + "\n",
        "flow mappings" => string.Concat(Enumerable.Repeat("a: {", depth - 1)) + "a: 1" + new string('}', depth - 1) + "\n",
        "block mappings" =>
            string.Concat(Enumerable.Range(0, depth - 1).Select(i => new string(' ', i) + "a:\n")) + new string(' ', depth - 1) + "a: 1\n",
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "not a shape"),
    };
}
