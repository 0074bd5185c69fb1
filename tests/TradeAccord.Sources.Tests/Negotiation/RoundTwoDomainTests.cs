using TradeAccord.Core.Negotiation;
using TradeAccord.Sources.Negotiation;
using TradeAccord.Sources.References;

namespace TradeAccord.Sources.Tests.Negotiation;

/// <summary>The shipped domain of October 2025, with its values derived on 2024 US imports from China.</summary>
public class RoundTwoDomainTests
{
    private const string Name = "us-china-2025-10";

    // The outcome of 2025-10-30 as the texts give it (fact sheet of 2025-11-01, the orders of 2025-11-04).
    private const string Reached = "us-fentanyl-rate=10%,us-reciprocal-rate=10%,cn-additional-rate=10%,cn-farm-tariffs=suspended,soybeans=25,export-controls=1-year";

    // No deal: the reciprocal suspension lapsing, fentanyl at 20%, China's full duties, no soybeans, the controls applied.
    private const string NoDeal = "us-fentanyl-rate=20%,us-reciprocal-rate=34%,cn-additional-rate=34%,cn-farm-tariffs=in-force,soybeans=0,export-controls=none";

    private static NegotiationDomain Domain => NegotiationFiles.Load(BuiltIn.Loader, BuiltIn.Ref(ReferenceKind.Negotiation, Name));

    private static string Text => File.ReadAllText(Path.Combine(BuiltIn.Loader.Paths.Negotiations, Name + ".yaml"));

    [Fact]
    public void The_domain_reads_with_its_issues_and_derived_values()
    {
        var domain = Domain;

        domain.Issues.Select(i => i.Id).ShouldBe(["us-fentanyl-rate", "us-reciprocal-rate", "cn-additional-rate", "cn-farm-tariffs", "soybeans", "export-controls"]);
        domain.Size.ShouldBe(216);
        foreach (var party in domain.Parties)
        {
            party.Derived.Keys.ShouldBe(["us-fentanyl-rate", "us-reciprocal-rate"], ignoreOrder: true);
            party.Derived.Values.ShouldAllBe(how => how.Contains("US imports from China, 2024, by HTS10 (Census)"));
        }
    }

    [Fact]
    public void China_keeps_more_exports_and_the_US_collects_more_duty_at_higher_rates()
    {
        var domain = Domain;
        var us = domain.Parties.Single(p => p.Party == "US").Values["us-fentanyl-rate"];
        var cn = domain.Parties.Single(p => p.Party == "CN").Values["us-fentanyl-rate"];

        cn["0%"].ShouldBe(1);
        cn["20%"].ShouldBe(0);
        cn["10%"].ShouldBeInRange(0.01, 0.99);
        us["20%"].ShouldBe(1);
        us["0%"].ShouldBe(0);
        us["10%"].ShouldBeInRange(0.01, 0.99);
    }

    [Fact]
    public void The_frontier_and_the_Nash_point_exist()
    {
        var space = OutcomeSpace.Of(Domain);
        var analysis = Bargaining.Analyze(space);

        analysis.Outcomes.ShouldBe(216);
        analysis.Pareto.ShouldNotBeEmpty();
        analysis.Nash.ShouldNotBeNull();
        analysis.Pareto.Select(p => p.Index).ShouldContain(analysis.Nash.Value.Index);
        analysis.Zopa.ShouldBeTrue();
    }

    [Fact]
    public void The_outcome_reached_is_acceptable_to_both_and_no_deal_is_each_reservation()
    {
        var domain = Domain;
        var reached = domain.ParseOffer(Reached).GetValueOrThrow();
        var none = domain.ParseOffer(NoDeal).GetValueOrThrow();

        domain.Allows(reached).ShouldBeTrue();
        for (var party = 0; party < 2; party++)
        {
            var preferences = domain.Parties[party];
            domain.Utility(party, reached).ShouldBeGreaterThan(preferences.Reservation, preferences.Party);
            // The file states each reservation as the party's utility of no deal under its values.
            domain.Utility(party, none).ShouldBe(preferences.Reservation, 1e-9, preferences.Party);
        }
    }

    [Theory]
    [InlineData("authority: ieepa-fentanyl, year: 2024, date: 2025-10-29 }\n      us-reciprocal-rate: { derived: duty-revenue",
        "authority: s301, year: 2024, date: 2025-10-29 }\n      us-reciprocal-rate: { derived: duty-revenue",
        "field 'authority': 's301' is not valid: expected ieepa-fentanyl or ieepa-reciprocal")]
    [InlineData("authority: ieepa-fentanyl, year: 2024, date: 2025-10-29 }\n      us-reciprocal-rate: { derived: duty-revenue",
        "authority: ieepa-fentanyl, year: 2019, date: 2025-10-29 }\n      us-reciprocal-rate: { derived: duty-revenue",
        "field 'year': '2019' has no product detail: expected 2024")]
    [InlineData("authority: ieepa-fentanyl, year: 2024, date: 2025-10-29 }\n      us-reciprocal-rate: { derived: duty-revenue",
        "authority: ieepa-fentanyl, year: 2024, date: 2030-01-01 }\n      us-reciprocal-rate: { derived: duty-revenue",
        "field 'date': '2030-01-01' is outside the tariff data")]
    [InlineData("{ derived: duty-revenue, authority: ieepa-fentanyl", "{ derived: revenue, authority: ieepa-fentanyl",
        "field 'derived': 'revenue' is not a derivation: expected exports-kept, duty-relief or duty-revenue")]
    public void Bad_derived_values_name_the_file_line_and_field(string find, string replace, string expected)
    {
        var text = Text;
        var index = text.IndexOf(find, StringComparison.Ordinal);
        index.ShouldBeGreaterThanOrEqualTo(0, find);
        var line = text[..index].Count(c => c == '\n') + 1;

        var error = Should.Throw<SourceException>(() =>
            NegotiationReader.Parse(text[..index] + replace + text[(index + find.Length)..], "d.yaml", new ImpactDeriver(BuiltIn.Loader).Derive));

        error.Message.ShouldStartWith($"d.yaml:{line}: {expected}");
    }
}
