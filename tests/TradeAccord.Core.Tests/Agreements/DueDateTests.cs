using TradeAccord.Core.Agreements;
using TradeAccord.Core.Common;

namespace TradeAccord.Core.Tests.Agreements;

public class DueDateTests
{
    private static readonly Agreement Signed = new()
    {
        Id = "synthetic", Title = "synthetic", Status = AgreementStatus.Signed, Parties = [],
        Signed = new DateOnly(2020, 1, 15), EntryIntoForce = new DateOnly(2020, 2, 14),
    };

    [Theory]
    [InlineData(DayBasis.Calendar, 30, "2020-03-15")]
    [InlineData(DayBasis.Working, 30, "2020-03-27")]
    [InlineData(DayBasis.Working, 1, "2020-02-17")] // 2020-02-14 is a Friday: the next working day is Monday
    public void Days_after_entry_into_force(DayBasis basis, int days, string expected)
    {
        var due = new DueDate(null, days, basis);
        due.Resolve(Signed).ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        due.IsApproximate.ShouldBe(basis == DayBasis.Working);
    }

    [Fact]
    public void A_draft_without_dates_cannot_resolve_a_relative_due_date()
    {
        var draft = Signed with { Signed = null, EntryIntoForce = null };
        new DueDate(null, 30, DayBasis.Calendar, AgreementEvent.Signing).Resolve(draft).ShouldBeNull();
        new DueDate(new DateOnly(2020, 4, 1)).Resolve(draft).ShouldBe(new DateOnly(2020, 4, 1));
    }

    [Fact]
    public void Enum_names_are_kebab_case_both_ways()
    {
        CommitmentForm.BestEfforts.ToKebab().ShouldBe("best-efforts");
        KebabCase.TryParse<LinkageKind>("exchanged-for", out var link).ShouldBeTrue();
        link.ShouldBe(LinkageKind.ExchangedFor);
        KebabCase.TryParse<LinkageKind>("ExchangedFor", out _).ShouldBeFalse();
        KebabCase.Names<AgreementEvent>().ShouldBe(["signing", "entry-into-force"]);
    }
}
