using TradeAccord.Sources.China;
using TradeAccord.Sources.Scenarios;

namespace TradeAccord.Sources.Tests.Fuzzing;

/// <summary>
/// Inputs the fuzzer generated that crashed a reader, kept as they were found (Inputs/): YamlDotNet's ArgumentException
/// on a global tag that is not a URI and on an event its tree did not expect, and a decimal overflow when China's
/// rate steps of 29 digits were added up. Each must be the file's own error.
/// </summary>
public class KeptInputTests
{
    private static readonly string Inputs = Path.Combine(Root(), "tests", "TradeAccord.Sources.Tests", "Fuzzing", "Inputs");

    [Theory]
    [InlineData("scenario-global-tag.yaml")]
    [InlineData("scenario-unexpected-event.yaml")]
    public void ScenarioReader_KeptInput_RefusedAsInvalidYaml(string name)
    {
        var error = Should.Throw<SourceException>(() => ScenarioReader.Read(Path.Combine(Inputs, name), BuiltIn.Loader.Baseline, name));

        error.File.ShouldBe(name);
        error.Problem.ShouldStartWith("is not valid YAML");
    }

    [Fact]
    public void ChinaTariffReader_RateStepsPastADecimal_RefusedNamingTheColumn()
    {
        var mof = Path.Combine(BuiltIn.Loader.Paths.Data, "china_retaliation", "china_mof_2018-04-02_s232_retaliation_128_items.csv");

        var error = Should.Throw<SourceException>(() =>
            ChinaTariffReader.Read(Path.Combine(Inputs, "china-rate-overflow.csv"), "bjz.csv", mof, "mof.csv", new DateOnly(2018, 1, 1)));

        error.File.ShouldBe("bjz.csv");
        error.Field.ShouldNotBeNull();
        error.Problem.ShouldEndWith("is out of range: expected percentage points from -1000 to 1000");
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TradeAccord.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("no TradeAccord.slnx above the test binaries");
    }
}
