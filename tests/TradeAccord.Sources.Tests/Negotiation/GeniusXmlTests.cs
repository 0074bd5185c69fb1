using TradeAccord.Core.Negotiation;
using TradeAccord.Sources.Negotiation;
using TradeAccord.Sources.References;

namespace TradeAccord.Sources.Tests.Negotiation;

/// <summary>GENIUS XML: the shipped domain exported and read back whole, a domain in the ANAC layout read in, malformed files refused.</summary>
public class GeniusXmlTests
{
    // A small domain in the layout GENIUS and the ANAC competitions use (synthetic values, not a published domain):
    // evaluations on the competitions' own scales (not 0–1), which the reader brings to the best item = 1.
    private const string Domain = """
        <?xml version="1.0" encoding="UTF-8"?>
        <negotiation_template>
          <utility_space number_of_issues="2">
            <objective index="0" etype="objective" type="objective" description="Holiday" name="holiday">
              <issue name="destination" index="1" etype="discrete" type="discrete" vtype="discrete">
                <item index="1" value="coast"/>
                <item index="2" value="mountains"/>
              </issue>
              <issue name="length" index="2" etype="discrete" type="discrete" vtype="discrete">
                <item index="1" value="week"/>
                <item index="2" value="fortnight"/>
                <item index="3" value="month"/>
              </issue>
            </objective>
          </utility_space>
        </negotiation_template>
        """;

    private const string ProfileA = """
        <?xml version="1.0" encoding="UTF-8"?>
        <utility_space>
          <objective index="0" etype="objective" type="objective" description="Holiday" name="holiday">
            <issue name="destination" index="1" etype="discrete" type="discrete" vtype="discrete">
              <item index="1" value="coast" evaluation="8"/>
              <item index="2" value="mountains" evaluation="2"/>
            </issue>
            <issue name="length" index="2" etype="discrete" type="discrete" vtype="discrete">
              <item index="1" value="week" evaluation="1"/>
              <item index="2" value="fortnight" evaluation="5"/>
              <item index="3" value="month" evaluation="10"/>
            </issue>
            <weight index="1" value="0.6"/>
            <weight index="2" value="0.4"/>
          </objective>
          <reservation value="0.35"/>
          <discount_factor value="1.0"/>
        </utility_space>
        """;

    private const string ProfileB = """
        <?xml version="1.0" encoding="UTF-8"?>
        <utility_space>
          <objective index="0" etype="objective" type="objective" description="Holiday" name="holiday">
            <issue name="destination" index="1" etype="discrete" type="discrete" vtype="discrete">
              <item index="1" value="coast" evaluation="1"/>
              <item index="2" value="mountains" evaluation="4"/>
            </issue>
            <issue name="length" index="2" etype="discrete" type="discrete" vtype="discrete">
              <item index="1" value="week" evaluation="3"/>
              <item index="2" value="fortnight" evaluation="3"/>
              <item index="3" value="month" evaluation="1"/>
            </issue>
            <weight index="1" value="0.3"/>
            <weight index="2" value="0.7"/>
          </objective>
        </utility_space>
        """;

    [Fact]
    public void The_shipped_domain_exports_and_reads_back_issue_by_issue()
    {
        using var temp = new TempFolder();
        // The shipped domain with its values derived from the impact model, as every command loads it.
        var original = NegotiationFiles.Load(BuiltIn.Loader, BuiltIn.Ref(ReferenceKind.Negotiation, "us-china-2019-11"));

        GeniusXml.Export(original, temp.Path);
        var back = GeniusXml.Import(temp.Path, original.Id);

        back.Issues.Select(i => (i.Id, string.Join("|", i.Options))).ShouldBe(original.Issues.Select(i => (i.Id, string.Join("|", i.Options))));
        foreach (var party in original.Parties)
        {
            var read = back.Parties.Single(p => p.Party == party.Party);
            read.Reservation.ShouldBe(party.Reservation);
            foreach (var issue in original.Issues)
            {
                read.Weights[issue.Id].ShouldBe(party.Weights[issue.Id], 1e-12, issue.Id);
                var best = issue.Options.Max(o => party.Values[issue.Id][o]);
                foreach (var option in issue.Options)
                {
                    read.Values[issue.Id][option].ShouldBe(party.Values[issue.Id][option] / best, 1e-12, $"{issue.Id}={option}");
                }
            }
        }

        back.Constraints.ShouldBeEmpty("GENIUS has no form for linkage constraints");
    }

    [Fact]
    public void A_domain_in_the_anac_layout_is_read_with_evaluations_scaled_to_the_best_item()
    {
        using var temp = new TempFolder();
        temp.Write("domain.xml", Domain);
        temp.Write("agent-a.xml", ProfileA);
        temp.Write("agent-b.xml", ProfileB);

        var domain = GeniusXml.Import(temp.Path);

        domain.Id.ShouldBe("holiday");
        domain.Size.ShouldBe(6);
        var a = domain.Parties.Single(p => p.Party == "agent-a");
        a.Values["destination"]["mountains"].ShouldBe(0.25);
        a.Values["length"]["fortnight"].ShouldBe(0.5);
        a.Weights["destination"].ShouldBe(0.6);
        a.Reservation.ShouldBe(0.35);
        var b = domain.Parties.Single(p => p.Party == "agent-b");
        b.Values["length"]["month"].ShouldBe(1.0 / 3, 1e-12);
        b.Reservation.ShouldBe(0, "a profile without <reservation> has none");
        // Scored by hand on the profiles above, each evaluation over its issue's best (a: coast 1, mountains 0.25;
        // week 0.1, fortnight 0.5, month 1; b: coast 0.25, mountains 1; week 1, fortnight 1, month 1/3):
        //   coast, month       a 0.6 + 0.4 = 1.0     b 0.075 + 0.7/3 = 0.30833
        //   coast, fortnight   a 0.6 + 0.2 = 0.8     b 0.075 + 0.7   = 0.775
        //   mountains, fortn.  a 0.15 + 0.2 = 0.35   b 0.3 + 0.7     = 1.0
        // are the frontier (coast/week and mountains/week give one side less for the same to the other). Against a's
        // reservation 0.35 the products of gains are 0.65 × 0.30833 = 0.200, 0.45 × 0.775 = 0.349 and 0: coast for a
        // fortnight is the best outcome for both, and the largest sum of utilities (1.575) too.
        var analysis = Bargaining.Analyze(OutcomeSpace.Of(domain));
        string Named(Point p) => string.Join(",", domain.Decode(p.Index).Select((o, i) => domain.Issues[i].Options[o]));
        analysis.Pareto.Select(Named).ShouldBe(["coast,month", "coast,fortnight", "mountains,fortnight"]);
        analysis.Pareto.Select(p => p.Second).ShouldBe([0.075 + 0.7 / 3, 0.775, 1.0], 1e-12);
        Named(analysis.Nash!.Value).ShouldBe("coast,fortnight");
        analysis.Nash.Value.First.ShouldBe(0.8, 1e-12);
        Named(analysis.MaxWelfare!.Value).ShouldBe("coast,fortnight");
    }

    [Theory]
    [InlineData("agent-b.xml", "<weight index=\"2\" value=\"0.7\"/>", "", "agent-b.xml:1: field 'weight': has no weight for issue length")]
    [InlineData("agent-b.xml", "evaluation=\"4\"", "evaluation=\"four\"", "agent-b.xml:6: field 'item': 'four' is not a number")]
    [InlineData("agent-a.xml", "<weight index=\"2\" value=\"0.4\"/>", "<weight index=\"7\" value=\"0.4\"/>", "agent-a.xml:14: field 'weight': index 7 names no issue")]
    [InlineData("agent-a.xml", "<item index=\"1\" value=\"week\" evaluation=\"1\"/>", "<item index=\"1\" evaluation=\"1\"/>", "agent-a.xml:9: field 'value': <item> has no value attribute")]
    [InlineData("agent-a.xml", "</utility_space>", "", "agent-a.xml:18: cannot be read as GENIUS XML")]
    // Found by fuzzing: repeated keys reached a dictionary's ArgumentException, and a document type was expanded.
    [InlineData("agent-a.xml", "value=\"mountains\"", "value=\"coast\"", "agent-a.xml:6: field 'value': <item> repeats value 'coast' of line 5: expected each value once")]
    [InlineData("agent-a.xml", "name=\"length\" index=\"2\"", "name=\"length\" index=\"1\"", "agent-a.xml:8: field 'index': <issue> repeats index '1' of line 4: expected each index once")]
    [InlineData("agent-a.xml", "<utility_space>", "<!DOCTYPE u [<!ENTITY e \"x\">]>\n<utility_space>", "agent-a.xml:2: cannot be read as GENIUS XML")]
    public void A_malformed_profile_names_its_file_line_and_field(string file, string find, string replace, string expected)
    {
        using var temp = new TempFolder();
        temp.Write("domain.xml", Domain);
        temp.Write("agent-a.xml", file == "agent-a.xml" ? ProfileA.Replace(find, replace, StringComparison.Ordinal) : ProfileA);
        temp.Write("agent-b.xml", file == "agent-b.xml" ? ProfileB.Replace(find, replace, StringComparison.Ordinal) : ProfileB);

        Should.Throw<SourceException>(() => GeniusXml.Import(temp.Path)).Message.ShouldStartWith(expected);
    }

    [Fact]
    public void Import_ElementsNestedFarPastTheLimit_RefusedAtTheLimit()
    {
        // Found by fuzzing: 100,000 nested elements took 19 s to build into a tree (quadratic in the depth).
        using var temp = new TempFolder();
        temp.Write("domain.xml", Domain);
        temp.Write("agent-a.xml", ProfileA.Replace("<discount_factor value=\"1.0\"/>",
            string.Concat(Enumerable.Repeat("<a>", 100_000)) + string.Concat(Enumerable.Repeat("</a>", 100_000)), StringComparison.Ordinal));
        temp.Write("agent-b.xml", ProfileB);

        Should.Throw<SourceException>(() => GeniusXml.Import(temp.Path)).Message
            .ShouldBe("agent-a.xml:17: field 'a': nests elements more than 64 deep: expected at most 64 levels");
    }

    [Fact]
    public void A_folder_without_two_profiles_or_without_the_domain_is_refused()
    {
        using var temp = new TempFolder();
        Should.Throw<SourceException>(() => GeniusXml.Import(temp.Path)).Message.ShouldStartWith("domain.xml");
        temp.Write("domain.xml", Domain);
        temp.Write("agent-a.xml", ProfileA);
        Should.Throw<SourceException>(() => GeniusXml.Import(temp.Path)).Message.ShouldContain("has 1 profiles: expected two besides domain.xml");
    }
}
