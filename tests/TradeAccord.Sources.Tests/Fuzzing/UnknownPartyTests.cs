using TradeAccord.Sources.Agreements;

namespace TradeAccord.Sources.Tests.Fuzzing;

/// <summary>
/// A provision naming a country that is not a party, found by fuzzing agreements: listing the parties in the message
/// sorted country codes, which are not comparable, and threw InvalidOperationException out of the reader.
/// </summary>
public class UnknownPartyTests
{
    [Fact]
    public void Parse_PurchaseByACountryNotAParty_ReportsTheParties()
    {
        var text = File.ReadAllText(Path.Combine(BuiltIn.Loader.Paths.Agreements, "us-china-phase-one.yaml"));
        var at = text.IndexOf("party: CN", StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0, "the shipped agreement names China as a party somewhere to damage");

        var read = AgreementReader.Parse(string.Concat(text.AsSpan(0, at), "party: FR", text.AsSpan(at + "party: CN".Length)), "a.yaml", BuiltIn.Loader.AgreementContext);

        read.Problems.ShouldContain(p => p.Message == "'FR' is not a party: expected one of CN, US");
    }
}
