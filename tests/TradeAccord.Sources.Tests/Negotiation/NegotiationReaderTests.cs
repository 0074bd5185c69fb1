using TradeAccord.Sources.Negotiation;

namespace TradeAccord.Sources.Tests.Negotiation;

public class NegotiationReaderTests
{
    private const string Valid = """
        negotiation: small
        title: A synthetic domain
        issues:
          - { id: a, title: A, options: [a0, a1] }
          - { id: b, title: B, options: ["1", "2", "3"] }
        parties:
          - party: X
            reservation: 0.2
            weights: { a: 0.5, b: 0.5 }
            values:
              a: { a0: 0, a1: 1 }
              b: { linear: increasing }
          - party: Y
            reservation: 0.2
            weights: { a: 0.5, b: 0.5 }
            values:
              a: { a0: 1, a1: 0 }
              b: { linear: decreasing }
        constraints:
          - { id: c, title: a1 needs b 3, issue: a, when: [a1], requires: b, allowed: ["3"] }
        """;

    [Fact]
    public void A_valid_domain_reads_with_linear_values()
    {
        using var temp = new TempFolder();
        var domain = NegotiationReader.Read(temp.Write("d.yaml", Valid), "d.yaml");
        domain.Size.ShouldBe(6);
        domain.Parties[0].Values["b"]["2"].ShouldBe(0.5);
        domain.Parties[1].Values["b"]["1"].ShouldBe(1);
        domain.Constraints.Single().Allowed.ShouldBe(["3"]);
    }

    [Theory]
    [InlineData("weights: { a: 0.5, b: 0.5 }\n    values:\n      a: { a0: 0, a1: 1 }", "weights: { a: 0.6, b: 0.5 }\n    values:\n      a: { a0: 0, a1: 1 }", "d.yaml:9: field 'weights': sum to 1.1: expected 1")]
    [InlineData("a: { a0: 0, a1: 1 }", "a: { a0: 0, a1: 2 }", "d.yaml:11: field 'a1': '2' is not valid: expected a number from 0 to 1")]
    [InlineData("requires: b", "requires: z", "d.yaml:20: field 'requires': 'z' is not an issue: expected one of a, b")]
    [InlineData("allowed: [\"3\"]", "allowed: [\"4\"]", "d.yaml:20: field 'allowed': '4' is not an option of b: expected one of 1, 2, 3")]
    [InlineData("{ id: b, title: B,", "{ id: a, title: B,", "d.yaml:5: field 'id': 'a' is already an issue")]
    [InlineData("options: [a0, a1]", "options: [a0]", "d.yaml:4: field 'options': expected at least two distinct options")]
    [InlineData("b: { linear: increasing }", "b: { linear: increasing }\n      c: { linear: increasing }", "d.yaml:13: field 'c': is not an issue: expected one of a, b")]
    [InlineData("reservation: 0.2\n    weights: { a: 0.5, b: 0.5 }\n    values:\n      a: { a0: 0, a1: 1 }", "reservation: 1.2\n    weights: { a: 0.5, b: 0.5 }\n    values:\n      a: { a0: 0, a1: 1 }", "d.yaml:8: field 'reservation': '1.2' is not valid")]
    public void Malformed_domains_name_the_line_and_field(string find, string replace, string expected)
    {
        using var temp = new TempFolder();
        var index = Valid.IndexOf(find, StringComparison.Ordinal);
        index.ShouldBeGreaterThanOrEqualTo(0, find);
        var text = Valid[..index] + replace + Valid[(index + find.Length)..];
        Should.Throw<SourceException>(() => NegotiationReader.Read(temp.Write("d.yaml", text), "d.yaml")).Message.ShouldStartWith(expected);
    }

    [Fact]
    public void Derived_values_without_data_are_refused()
    {
        using var temp = new TempFolder();
        var text = Valid.Replace("b: { linear: increasing }", "b: { derived: exports-kept, heading: 9903.88.15, year: 2019 }", StringComparison.Ordinal);
        Should.Throw<SourceException>(() => NegotiationReader.Read(temp.Write("d.yaml", text), "d.yaml")).Message.ShouldContain("cannot be computed here");
    }

    [Fact]
    public void Several_problems_are_all_reported_in_file_order()
    {
        var text = Valid
            .Replace("weights: { a: 0.5, b: 0.5 }\n    values:\n      a: { a0: 0, a1: 1 }", "weights: { a: 0.6, b: 0.5 }\n    values:\n      a: { a0: 0, a1: 1 }", StringComparison.Ordinal)
            .Replace("reservation: 0.2\n    weights: { a: 0.5, b: 0.5 }\n    values:\n      a: { a0: 1, a1: 0 }", "reservation: 1.2\n    weights: { a: 0.5, b: 0.5 }\n    values:\n      a: { a0: 1, a1: 5 }", StringComparison.Ordinal)
            .Replace("allowed: [\"3\"]", "allowed: [\"4\"]", StringComparison.Ordinal);

        var error = Should.Throw<SourceException>(() => NegotiationReader.Parse(text, "d.yaml"));

        error.Message.Split(Environment.NewLine).ShouldBe([
            "d.yaml:9: field 'weights': sum to 1.1: expected 1",
            "d.yaml:14: field 'reservation': '1.2' is not valid: expected a number from 0 to 1",
            "d.yaml:17: field 'a1': '5' is not valid: expected a number from 0 to 1",
            "d.yaml:20: field 'allowed': '4' is not an option of b: expected one of 1, 2, 3",
        ]);
    }

    [Fact]
    public void Bad_options_are_reported_once_not_again_where_the_issue_is_used()
    {
        var text = Valid.Replace("options: [a0, a1]", "options: [a0, a0]", StringComparison.Ordinal);

        var error = Should.Throw<SourceException>(() => NegotiationReader.Parse(text, "d.yaml"));

        error.Message.ShouldBe("d.yaml:4: field 'options': expected at least two distinct options");
    }

    [Fact]
    public void A_domain_with_too_many_outcomes_is_refused_before_they_are_enumerated()
    {
        // Eight issues of ten options: 100 million outcomes, ten times the limit.
        var issues = string.Concat(Enumerable.Range(0, 8).Select(i =>
            $"  - {{ id: i{i}, title: I{i}, options: [{string.Join(", ", Enumerable.Range(0, 10).Select(o => $"o{o}"))}] }}\n"));
        var text = $"negotiation: huge\ntitle: A synthetic domain\nissues:\n{issues}parties: []\n";

        var error = Should.Throw<SourceException>(() => NegotiationReader.Parse(text, "huge.yaml"));

        error.Problems.ShouldContain(p => p.ToString() ==
            "huge.yaml:4: field 'issues': allow more than 10,000,000 outcomes (the product of the option counts): expected fewer issues or options");
    }
}
