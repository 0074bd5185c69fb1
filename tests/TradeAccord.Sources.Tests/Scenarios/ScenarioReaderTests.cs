using System.Globalization;
using TradeAccord.Core.Scenarios;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Scenarios;
using TradeAccord.Sources.References;

namespace TradeAccord.Sources.Tests.Scenarios;

public class ScenarioReaderTests
{
    [Fact]
    public void BuiltInScenarios_AreTheSixShippedFiles() =>
        BuiltIn.Loader.ScenarioNames.ShouldBe(["dec15-proceeds", "escalation-2019-10", "ieepa-refund", "no-301", "no-retaliation", "phase-one"]);

    // What each shipped scenario says it changes (its description in scenarios/<name>.yaml), on one line it touches.
    // Lines from data/section301/usitc_china_tariffs_2020-01-01.csv: 0101.29.00 List 4A (9903.88.15), 8471.30.01
    // List 4B (9903.88.16), 2845.90.00 List 1 (9903.88.01). Rates in the record: List 4A 15% from 2019-09-01 and 7.5%
    // from 2020-02-14, List 4B suspended, List 1 25% (USTR notices, data/section301/section301_headings.csv). China's
    // soybeans 1201.90.10: MFN 3% plus 25 points from 2018-07-06 (PIIE columns mfn_2018_01_01 and
    // chg_2018_07_06_retaliation_s301_34b of china_retaliation/china_tariffs_on_us_hs10_bjz_2018-2019.csv).
    [Theory]
    [InlineData("phase-one", "0101.29.00", "CN", "2020-03-01", "US", "0.075", "0.075")]        // the record itself: nothing changes
    [InlineData("no-301", "0101.29.00", "CN", "2020-03-01", "US", "0.075", "0")]               // every Section 301 measure removed
    [InlineData("dec15-proceeds", "8471.30.01", "CN", "2019-12-16", "US", "0", "0.15")]      // List 4B in force at 15% from 2019-12-15
    [InlineData("escalation-2019-10", "2845.90.00", "CN", "2019-11-01", "US", "0.25", "0.30")] // Lists 1-3 at 30% from 2019-10-15
    [InlineData("escalation-2019-10", "2845.90.00", "CN", "2019-10-14", "US", "0.25", "0.25")] // ... not the day before
    [InlineData("no-retaliation", "1201.90.1000", "US", "2019-06-01", "CN", "0.28", "0.03")]  // China's MFN rate only
    public void BuiltInScenario_ChangesWhatItsFileSays(string name, string hts, string origin, string date, string importer, string record, string applied)
    {
        var inRecord = BuiltIn.Quote(hts, origin, date, importer: importer);
        var inScenario = BuiltIn.Quote(hts, origin, date, importer: importer, scenario: name);

        // US figures are the additional duties over the general rate; China's are its whole rate (MFN included).
        decimal Rate(DutyQuote q) => importer == "CN" ? q.TotalAdValorem : q.AdditionalAdValorem;
        Rate(inRecord).ShouldBe(decimal.Parse(record, CultureInfo.InvariantCulture));
        Rate(inScenario).ShouldBe(decimal.Parse(applied, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void BuiltInScenario_IeepaRefund_LeavesNoIeepaLayerOnAn2025Entry()
    {
        // A Chinese good entered on 2025-06-01 paid both IEEPA duties (data/us/measures/); the scenario ends every
        // measure under either authority.
        static TariffAuthority[] Authorities(DutyQuote q) => [.. q.Layers.Select(l => l.Measure.Authority).Distinct()];
        Authorities(BuiltIn.Quote("0101.29.00", "CN", "2025-06-01")).ShouldContain(TariffAuthority.IeepaFentanyl);
        Authorities(BuiltIn.Quote("0101.29.00", "CN", "2025-06-01")).ShouldContain(TariffAuthority.IeepaReciprocal);
        var refunded = Authorities(BuiltIn.Quote("0101.29.00", "CN", "2025-06-01", scenario: "ieepa-refund"));
        refunded.ShouldNotContain(TariffAuthority.IeepaFentanyl);
        refunded.ShouldNotContain(TariffAuthority.IeepaReciprocal);
        refunded.ShouldContain(TariffAuthority.Section301, "only the IEEPA layers go");
    }

    [Fact]
    public void Read_AddMeasure_ReusesTheCoverageOfAnother()
    {
        using var temp = new TempFolder();
        var file = temp.Write("remedy.yaml", """
            name: remedy
            description: a remedial tariff on List 1 goods
            changes:
              - add:
                  id: remedy-1
                  importer: US
                  title: Remedial duty
                  kind: additional
                  origins: [CN]
                  coverage: { measure: us301-l1 }
                  rate: 5%
                  validFrom: 2021-01-15
                  legalBase: enforcement case 1
                  source: remedy.yaml
            """);

        var scenario = ScenarioReader.Read(file, BuiltIn.Loader.Baseline);

        var add = scenario.Changes.ShouldHaveSingleItem().ShouldBeOfType<AddMeasure>();
        add.Measure.Coverage.Count.ShouldBe(818);
        add.Measure.Rate!.AdValorem.ShouldBe(0.05m);
    }

    [Fact]
    public void Load_AddedMeasureByHeading_IsPricedOnRealEntries()
    {
        using var temp = new TempFolder();
        var file = temp.Write("remedy.yaml", """
            name: remedy
            description: a remedial tariff of 10% on List 4A goods from 2020-06-01
            changes:
              - add:
                  id: remedy-4a
                  importer: US
                  title: Remedial duty on List 4A goods
                  kind: additional
                  heading: 9903.99.99
                  origins: [CN]
                  coverage: { headings: [9903.88.15] }
                  rate: 10%
                  validFrom: 2020-06-01
                  legalBase: enforcement case 1 (synthetic)
                  source: remedy.yaml
            """);

        BuiltIn.Quote("0101.29.00", "CN", "2020-05-31", scenario: file).AdditionalAdValorem.ShouldBe(0.075m);
        BuiltIn.Quote("0101.29.00", "CN", "2020-06-01", scenario: file).AdditionalAdValorem.ShouldBe(0.175m);
    }

    [Fact]
    public void Load_ChangeOfAChinaRound_ReplacesItsPerLineRates()
    {
        using var temp = new TempFolder();
        var file = temp.Write("cut.yaml", """
            name: cut
            description: x
            changes:
              - change: cn-ret-301-34b@2019-01-01
                from: 2019-03-01
                rate: 10%
            """);

        BuiltIn.Quote("0203.29.0010", "US", "2019-02-28", importer: "CN", scenario: file).TotalAdValorem.ShouldBe(0.62m);
        BuiltIn.Quote("0203.29.0010", "US", "2019-06-01", importer: "CN", scenario: file).TotalAdValorem.ShouldBe(0.47m);
    }

    [Fact]
    public void Load_ScenarioWhoseMeasuresContradict_FailsWithTheProblems()
    {
        using var temp = new TempFolder();
        var file = temp.Write("bad.yaml", """
            name: bad
            description: x
            changes:
              - add:
                  id: x
                  importer: US
                  title: x
                  kind: additional
                  origins: [CN]
                  coverage: { measure: us301-l1 }
                  rate: 5%
                  validFrom: 2019-01-01
                  supersedes: [nowhere]
                  legalBase: x
                  source: x
            """);

        Should.Throw<TradeAccord.Core.Tariffs.ScheduleDataException>(() => BuiltIn.Loader.Load(BuiltIn.Ref(ReferenceKind.Scenario, file))).Message.ShouldContain("supersedes unknown measure 'nowhere'");
    }

    [Theory]
    [InlineData("- change: us301-l1\n    from: 2019-10-15", "bad.yaml:4: field 'change': says nothing to change")]
    [InlineData("- change: us301-l1\n    from: 15/10/2019\n    rate: 30%", "bad.yaml:5: field 'from': '15/10/2019' is not a date")]
    [InlineData("- change: us301-l1\n    from: 2019-10-15\n    rate: thirty", "bad.yaml:6: field 'rate': 'thirty' is not a rate")]
    [InlineData("- raise: us301-l1", "bad.yaml:4: field 'changes': expected one of add, change, replace, end, endKind or endAuthority")]
    [InlineData("- replace: us301-l4a-15\n    from: 2020-02-14\n    removed: true\n    rate: 5%", "bad.yaml:6: field 'removed': is given with rate or status")]
    [InlineData("- replace: us301-l4a-15\n    from: 2020-02-14\n    removed: yes", "bad.yaml:6: field 'removed': 'yes' is not valid: expected true or false")]
    [InlineData("- replace: us301-l4a-15\n    form: 2020-02-14\n    rate: 5%", "bad.yaml:4: field 'from': is required: expected a date yyyy-MM-dd\nbad.yaml:5: field 'form': unknown key")]
    [InlineData("- endKind: tariffs\n    from: 2019-01-01", "bad.yaml:4: field 'endKind': 'tariffs' is not a kind")]
    public void Read_Malformed_NamesFileLineAndField(string change, string expected)
    {
        using var temp = new TempFolder();
        var file = temp.Write("bad.yaml", $"name: bad\ndescription: x\nchanges:\n  {change}\n");

        var error = Should.Throw<SourceException>(() => ScenarioReader.Read(file, BuiltIn.Loader.Baseline, "bad.yaml"));

        error.Message.ShouldStartWith(expected.Replace("\n", Environment.NewLine, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SeveralProblems_AreAllReportedInFileOrder()
    {
        const string text = """
            name: synthetic
            changes:
              - change: us301-l1
                from: 2019-13-01
                rate: thirty
              - end: [us301-l2]
              - replace: us301-l4a-15
                from: 2020-02-14
                removed: maybe
            extra: 1
            """;

        var error = Should.Throw<SourceException>(() => ScenarioReader.Parse(text, "synthetic.yaml", BuiltIn.Loader.Baseline));

        error.Problems.Select(p => $"{p.Line} {p.Field}").ShouldBe(["1 description", "4 from", "5 rate", "6 from", "9 removed", "10 extra"]);
        var lines = error.Message.Split(Environment.NewLine);
        lines.Length.ShouldBe(6);
        lines[2].ShouldBe("synthetic.yaml:5: field 'rate': 'thirty' is not a rate: expected e.g. 25%, 1.5¢/kg or 2¢/kg + 5%");
        lines[4].ShouldBe("synthetic.yaml:9: field 'removed': 'maybe' is not valid: expected true or false");
        error.Kind.ShouldBe(Core.Errors.ErrorKind.InvalidDocument);
    }

    [Fact]
    public void Read_SeveralProblemsInOneAddedMeasure_AreAllReported()
    {
        const string text = """
            name: synthetic
            description: x
            changes:
              - add:
                  id: remedy-1
                  importer: USA
                  title: Remedial duty
                  kind: additional
                  origins: [CN]
                  coverage: { measure: us301-l99 }
                  rate: 5%
                  validFrom: 2021-01-15
                  legalBase: synthetic
                  source: synthetic
            """;

        var error = Should.Throw<SourceException>(() => ScenarioReader.Parse(text, "s.yaml", BuiltIn.Loader.Baseline));

        error.Problems.Select(p => $"{p.Line} {p.Field}").ShouldBe(["6 importer", "10 measure"]);
    }

    [Fact]
    public void Load_ScenarioNamingAnUnknownMeasure_FailsWithItsLine()
    {
        using var temp = new TempFolder();
        var file = temp.Write("bad.yaml", "name: bad\ndescription: x\nchanges:\n  - change: us301-l9\n    from: 2019-10-15\n    rate: 30%\n");

        Should.Throw<SourceException>(() => BuiltIn.Loader.Load(BuiltIn.Ref(ReferenceKind.Scenario, file))).Message.ShouldContain("bad.yaml:4: unknown measure 'us301-l9'");
    }

    [Fact]
    public void Load_UnknownScenarioName_ListsTheBuiltInOnes() =>
        Should.Throw<TradeAccord.Core.Errors.ValidationException>(() => BuiltIn.Ref(ReferenceKind.Scenario, "dec16")).Message.ShouldContain("dec15-proceeds, escalation-2019-10");
}
