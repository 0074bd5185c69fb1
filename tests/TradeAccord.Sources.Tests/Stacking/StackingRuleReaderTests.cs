using TradeAccord.Core.Tariffs.Stacking;
using TradeAccord.Sources.Measures;

namespace TradeAccord.Sources.Tests.Stacking;

public class StackingRuleReaderTests
{
    private static IReadOnlyList<StackingRule> Parse(string yaml) => StackingRuleReader.Parse(YamlMap.Parse(yaml, "rules.yaml"));

    [Fact]
    public void The_shipped_rules_are_read_with_their_citations()
    {
        var rules = StackingRuleReader.Read(Path.Combine(DataPaths.Locate().Data, "us", "stacking.yaml"), "us/stacking.yaml");

        rules.Select(r => r.Id).ShouldContain("pp11012-no-surcharge-on-232-part");
        rules.ShouldAllBe(r => r.Citation.Length > 10);
        var usContent = rules.Single(r => r.Part == StackingPart.UsContent);
        usContent.Threshold.ShouldBe(0.20m);
        usContent.Validity.Start.ShouldBe(new DateOnly(2025, 4, 5));
    }

    [Fact]
    public void Every_problem_of_a_rule_is_named_with_its_line_and_field()
    {
        var error = Should.Throw<SourceException>(() => Parse("""
            rules:
              - id: a
                citation: EO 1
                validFrom: 2025-13-01
                when: [s232-*]
                part: sideways
              - id: b
                citation: EO 2
                validFrom: 2025-01-01
                validTo: 2024-01-01
                removes: [s122]
                part: us-content
            """));

        error.Message.ShouldContain("rules.yaml");
        error.Message.ShouldContain("validFrom");
        error.Message.ShouldContain("removes");
        error.Message.ShouldContain("'sideways' is not a part");
        error.Message.ShouldContain("validTo");
        error.Message.ShouldContain("threshold");
        error.Message.ShouldContain("rules.yaml:4: field 'validFrom'");
    }

    [Fact]
    public void A_rule_without_a_trigger_must_be_the_us_content_kind() =>
        Should.Throw<SourceException>(() => Parse("""
            rules:
              - id: a
                citation: EO 1
                validFrom: 2025-01-01
                removes: [ieepa-reciprocal]
            """)).Message.ShouldContain("when");

    [Fact]
    public void A_duplicate_id_and_an_unknown_key_are_refused()
    {
        var error = Should.Throw<SourceException>(() => Parse("""
            rules:
              - id: a
                citation: EO 1
                validFrom: 2025-01-01
                when: [x]
                removes: [y]
              - id: a
                citation: EO 2
                validFrom: 2025-01-01
                when: [x]
                removes: [y]
              - id: c
                citation: EO 1
                validFrom: 2025-01-01
                when: [x]
                removes: [y]
                colour: red
            """));

        error.Message.ShouldContain("'a' is used twice");
        error.Message.ShouldContain("colour");
    }

    [Fact]
    public void A_share_above_one_hundred_percent_is_refused() =>
        Should.Throw<SourceException>(() => Parse("""
            rules:
              - id: a
                citation: EO 1
                validFrom: 2025-01-01
                removes: [ieepa-reciprocal]
                part: us-content
                threshold: 120%
            """)).Message.ShouldContain("not a share");
}
