using TradeAccord.Sources.Agreements;
using TradeAccord.Sources.Measures;
using TradeAccord.Sources.Scenarios;

namespace TradeAccord.Sources.Tests.Fuzzing;

/// <summary>
/// Flow collections opened where a plain scalar follows on the next line, found by fuzzing the YAML readers (shrunk
/// from mutated scenario and agreement files): YamlDotNet's scanner throws InvalidOperationException instead of a
/// YamlException, which escaped every reader. Now it is the document's error like any other syntax error.
/// </summary>
public class YamlScannerTests
{
    [Theory]
    [InlineData(": {\n9")]
    [InlineData("- {\nf")]
    [InlineData("#\n : [\n7")]
    [InlineData("    : U: {\nm")]
    public void Parse_ScannerFailsOnPlainScalar_RefusedAsInvalidYaml(string text)
    {
        var error = Should.Throw<SourceException>(() => YamlMap.Parse(text, "doc.yaml"));

        error.File.ShouldBe("doc.yaml");
        error.Line.ShouldBeGreaterThan(0);
        error.Problem.ShouldBe("is not valid YAML: a value cannot be read where it stands");
    }

    [Fact]
    public void ScenarioAndAgreementReaders_ScannerFailure_ReportedNotThrown()
    {
        const string text = "name: x\nchanges: {\nus301";

        Should.Throw<SourceException>(() => ScenarioReader.Parse(text, "s.yaml", BuiltIn.Loader.Baseline)).Line.ShouldBe(2);
        AgreementReader.Parse(text, "a.yaml", BuiltIn.Loader.AgreementContext).Problems.ShouldHaveSingleItem().Message
            .ShouldBe("is not valid YAML: a value cannot be read where it stands");
    }
}
