using TradeAccord.Sources.Agreements;

namespace TradeAccord.Sources.Tests.Agreements;

/// <summary>
/// The signed agreement with one fault put in: each must be reported with its rule, at the line and column of the
/// faulty value (or of the item missing something), with a message that says what was expected.
/// </summary>
public class BrokenAgreementTests
{
    // Name → (text replaced, replacement, rule, text on the reported line, token at the reported column, message).
    private static readonly Dictionary<string, Broken> Variants = new Broken[]
    {
        new("unknown measure", "measure: us301-l4a-15\n", "measure: us301-l4a-51\n", Rules.UnknownMeasure, "measure: us301-l4a-51", "us301-l4a-51",
            "'us301-l4a-51' is not a measure of the tariff engine: expected a measure id such as us301-l4a-15, us301-l4a-7.5"),
        new("entry into force before signing", "entryIntoForce: 2020-02-14", "entryIntoForce: 2020-01-01", Rules.DateOrder, "entryIntoForce:", "2020-01-01",
            "2020-01-01 is before signing (2020-01-15): expected a date on or after it"),
        new("missing source", "    source: { document: eta, article: 6.2(b) }\n", "", Rules.MissingSource, "- id: purchases-agriculture", "id: purchases-agriculture",
            "has no source: expected source with the document"),
        new("unknown document", "document: fr-85-3741\n", "document: fr-85-3714\n", Rules.UnknownDocument, "document: fr-85-3714", "fr-85-3714",
            "'fr-85-3714' is not declared under documents: expected one of eta, fr-84-69447"),
        new("dangling condition", "purchases-energy, purchases-services]", "purchases-energy, purchases-servces]", Rules.DanglingReference, "governs:", "purchases-servces",
            "'purchases-servces' is not a provision of this file"),
        new("unknown category", "category: Energy", "category: Energie", Rules.UnknownCategory, "category: Energie", "Energie",
            "'Energie' is not a category of phase_one/annex_6_1_products.csv: expected one of Agriculture, Manufactured Goods, Energy"),
        new("unknown subcategory", "    category: Agriculture\n", "    category: Agriculture\n    subcategories: [Cereals, Rice]\n", Rules.UnknownSubcategory,
            "subcategories: [Cereals, Rice]", "Rice", "'Rice' is not a subcategory of Agriculture: expected one of Other agricultural commodities, Meat, Seafood, Cereals"),
        new("misspelt key", "    publicText: true\n", "    publicTxt: true\n", Rules.UnknownKey, "publicTxt:", "publicTxt",
            "is not a key here: expected one of id, title, party, evidence, source, note, category"),
        new("impossible date", "signed: 2020-01-15", "signed: 2020-15-01", Rules.InvalidDate, "signed: 2020-15-01", "2020-15-01",
            "'2020-15-01' is not a date: expected yyyy-MM-dd"),
        new("rate in words", "requires: 7.5%", "requires: seven and a half", Rules.InvalidValue, "requires: seven", "seven",
            "'seven and a half' is not a requirement: expected a rate such as 7.5% or 2¢/kg, or suspended, or removed"),
        new("best efforts with figures", "    form: binding-number\n", "    form: best-efforts\n", Rules.FormMismatch, "{ year: 2020, increase: 32.9 }", "- { year: 2020",
            "a best-efforts commitment has no figures: expected no targets, or form binding-number or range"),
        new("obligation on the other party's measure", "    party: US\n    measure: us301-l4a-15", "    party: CN\n    measure: us301-l4a-15", Rules.PartyMismatch,
            "measure: us301-l4a-15", "us301-l4a-15", "'us301-l4a-15' is a tariff of US, but the obligation binds CN"),
        new("duplicate provision id", "id: purchases-energy", "id: purchases-agriculture", Rules.DuplicateId, "id: purchases-agriculture", "purchases-agriculture",
            "'purchases-agriculture' is already used at line", Occurrence: 2),
        new("unconfirmed notice period without note", "    note: The 60 days' written notice and the good-faith rule", "    # The 60 days' written notice and the good-faith rule", Rules.MissingField,
            "by: the Party Complained Against", "by:", "note: is required when the notice period is not confirmed: expected where the figure comes from"),
        new("response after an unknown stage", "      after: determination\n", "      after: arbitration\n", Rules.DanglingReference, "after: arbitration", "arbitration",
            "'arbitration' is not a stage of the process: expected one of assessment, consultation-officials"),
        new("news source on a documented provision", "    evidence: reported\n", "", Rules.EvidenceMismatch, "source: { document: actionforex-2020-01-16", "actionforex-2020-01-16",
            "'actionforex-2020-01-16' is a news report, so the provision is reported, not documented"),
        new("undeclared series", "series: us-exports }", "series: us-census }", Rules.UnknownSeries, "series: us-census }", "us-census",
            "'us-census' is not declared under series: expected one of us-exports, us-services, cn-imports"),
        new("target year before the baseline", "{ year: 2020, increase: 12.5 }", "{ year: 2016, increase: 12.5 }", Rules.DateOrder, "year: 2016", "2016",
            "2016 is not after the baseline year 2017: expected a later year"),
        new("milestone due before signing", "        due: 2020-04-01\n", "        due: 2019-04-01\n", Rules.DateOrder, "due: 2019-04-01", "2019-04-01",
            "2019-04-01 is before signing (2020-01-15)"),
        new("not YAML", "status: signed\n", "status: signed: twice\n", Rules.YamlSyntax, "status: signed: twice", null, "is not valid YAML"),
        new("notice period disagreeing with the stage cases run on", "    noticeDays: 60\n", "    noticeDays: 90\n", Rules.Inconsistent, "noticeDays: 90", "90",
            "90 days disagrees with the time limit of stage withdrawal-noticed (60 days), which cases run on: expected the same number"),

        // The fields of the 2025 arrangement, each broken in the shipped file.
        new("unit neither dollars nor tonnes", "    unit: million t\n", "    unit: million bushels\n", Rules.InvalidValue, "unit: million bushels", "million bushels",
            "'million bushels' is not a unit: expected one of USD, USD million, USD billion, t, thousand t, million t", File: Agreements.Arrangement),
        new("HS code of odd length", "hsCodes: [\"1201\"]", "hsCodes: [\"120\"]", Rules.InvalidValue, "hsCodes: [\"120\"]", "\"120\"",
            "'120' is not an HS code: expected 2 to 10 digits in pairs", File: Agreements.Arrangement),
        new("period ending before it starts", "period: { from: 2025-11-01, to: 2025-12-31 }", "period: { from: 2025-11-01, to: 2025-10-31 }", Rules.DateOrder,
            "period: { from: 2025-11-01, to: 2025-10-31 }", "2025-10-31", "2025-10-31 is not on or after 2025-11-01 in the same year", File: Agreements.Arrangement),
        new("prorated from a day of another year", "prorateFrom: 2026-05-17", "prorateFrom: 2025-05-17", Rules.DateOrder, "prorateFrom: 2025-05-17", "2025-05-17",
            "2025-05-17 is not in 2026: expected a day of the target's year", File: Agreements.Additions),
        new("public text of a party that is not one", "publicText: { CN: false, US: true }", "publicText: { CN: false, UK: true }", Rules.UnknownKey,
            "publicText: { CN: false, UK: true }", "UK", "is not a key here: expected one of CN, US", File: Agreements.Arrangement),
        new("public text per party not a yes or no", "publicText: { CN: false, US: true }", "publicText: { CN: never, US: true }", Rules.InvalidValue,
            "publicText: { CN: never, US: true }", "never", "'never' is not valid: expected true or false", File: Agreements.Arrangement),
        new("expiry without what follows", "    until: 2026-11-10\n    afterExpiry: unknown\n    mootBy", "    until: 2026-11-10\n    mootBy", Rules.MissingField,
            "until: 2026-11-10", "2026-11-10", "afterExpiry: is required with until: expected unknown (the texts do not say what follows) or lapses", File: Agreements.Arrangement),
        new("expiry before the start", "    until: 2026-11-10\n    afterExpiry: unknown\n    mootBy", "    until: 2025-11-01\n    afterExpiry: unknown\n    mootBy", Rules.DateOrder,
            "until: 2025-11-01", "2025-11-01", "2025-11-01 is not after from (2025-11-10): expected the day the requirement expires", File: Agreements.Arrangement),
        new("what follows expiry out of the vocabulary", "afterExpiry: unknown\n    mootBy", "afterExpiry: renewed\n    mootBy", Rules.InvalidValue,
            "afterExpiry: renewed", "renewed", "'renewed' is not valid", File: Agreements.Arrangement),
        new("moot by an undeclared event", "    mootBy: ieepa-duties-ended\n    source:\n      document: eo-2025-11-04-fentanyl", "    mootBy: scotus-ruling\n    source:\n      document: eo-2025-11-04-fentanyl",
            Rules.DanglingReference, "mootBy: scotus-ruling", "scotus-ruling", "'scotus-ruling' is not declared under events: expected one of ieepa-duties-ended", File: Agreements.Arrangement),
        new("event without a date", "    date: 2026-02-20\n", "", Rules.MissingField, "- id: ieepa-duties-ended", "id: ieepa-duties-ended",
            "is required: expected a date yyyy-MM-dd", File: Agreements.Arrangement),
        new("event before the agreement", "    date: 2026-02-20\n", "    date: 2025-02-20\n", Rules.DateOrder, "date: 2025-02-20", "2025-02-20",
            "2025-02-20 is before the agreement (2025-10-30): expected a later event", File: Agreements.Arrangement),
        new("two product lists", "    productsOutsideData: the fact sheet", "    hsCodes: [\"1201\"]\n    productsOutsideData: the fact sheet", Rules.InvalidValue,
            "productsOutsideData: the fact sheet", "the fact sheet", "is given with another product list: expected one of products, hsCodes and productsOutsideData", File: Agreements.Additions),
    }.ToDictionary(b => b.Name);

    public static TheoryData<string> Names => [.. Variants.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_fault_is_reported_with_its_rule_location_and_expectation(string name)
    {
        var variant = Variants[name];
        var original = Agreements.Text(variant.File);
        var index = original.IndexOf(variant.Find, StringComparison.Ordinal);
        index.ShouldBeGreaterThanOrEqualTo(0, $"the shipped file no longer contains '{variant.Find}'");
        var text = original[..index] + variant.Replace + original[(index + variant.Find.Length)..];

        var read = Agreements.Parse(text);

        read.IsValid.ShouldBeFalse();
        read.Agreement.ShouldBeNull();
        var (line, column) = Locate(text, variant.Line, variant.Token, variant.Occurrence);
        var found = read.Problems.Where(p => p.Rule == variant.Rule).ToList();
        found.ShouldNotBeEmpty($"no {variant.Rule} among: {string.Join("\n", read.Problems)}");
        var problem = found.FirstOrDefault(p => p.Line == line) ?? found[0];
        problem.Line.ShouldBe(line, problem.ToString());
        if (column is { } c)
        {
            problem.Column.ShouldBe(c, problem.ToString());
        }

        problem.Message.ShouldContain(variant.Message, Case.Sensitive, problem.ToString());
        problem.File.ShouldBe("broken.yaml");
        problem.ToString().ShouldStartWith($"broken.yaml:{line}:");
    }

    [Fact]
    public void Every_problem_in_a_file_is_reported_at_once_in_file_order()
    {
        var text = Agreements.Text(Agreements.PhaseOne)
            .Replace("signed: 2020-01-15", "signed: 2020-15-01", StringComparison.Ordinal)
            .Replace("measure: us301-l4b-15", "measure: us301-l4b-51", StringComparison.Ordinal)
            .Replace("category: Energy", "category: Energie", StringComparison.Ordinal)
            .Replace("after: determination", "after: arbitration", StringComparison.Ordinal);

        var problems = Agreements.Parse(text).Problems;

        problems.Select(p => p.Rule).Distinct().Order().ShouldBe([Rules.DanglingReference, Rules.InvalidDate, Rules.UnknownCategory, Rules.UnknownMeasure]);
        problems.Count(p => p.Rule == Rules.DanglingReference).ShouldBe(2, "both responses name the unknown stage");
        problems.Select(p => p.Line).ShouldBe(problems.Select(p => p.Line).Order().ToList());
    }

    [Fact]
    public void A_file_that_is_not_a_mapping_is_one_clear_problem()
    {
        var problems = Agreements.Parse("- just\n- a list\n").Problems;
        problems.Count.ShouldBe(1);
        problems[0].ToString().ShouldBe("broken.yaml:1:1: error [wrong-type] expected a mapping of keys to values at the top level");
    }

    [Fact]
    public void Missing_required_keys_are_each_named()
    {
        var problems = Agreements.Parse("agreement: x\n").Problems;
        problems.Select(p => p.Path).ShouldBe(["parties", "status", "title"], ignoreOrder: true);
        problems.ShouldAllBe(p => p.Rule == Rules.MissingField);
    }

    private static (int Line, int? Column) Locate(string text, string lineText, string? token, int occurrence)
    {
        var lines = text.Split('\n');
        var seen = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(lineText, StringComparison.Ordinal) && ++seen == occurrence)
            {
                return (i + 1, token is null ? null : lines[i].IndexOf(token, StringComparison.Ordinal) + 1);
            }
        }

        throw new InvalidOperationException($"'{lineText}' not found");
    }

    private sealed record Broken(string Name, string Find, string Replace, string Rule, string Line, string? Token, string Message, int Occurrence = 1, string File = Agreements.PhaseOne);
}
