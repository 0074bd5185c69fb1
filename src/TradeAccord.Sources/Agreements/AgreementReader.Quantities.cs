using TradeAccord.Core.Agreements;
using TradeAccord.Core.Common;

namespace TradeAccord.Sources.Agreements;

public sealed partial class AgreementReader
{
    /// <summary>
    /// Units a purchase figure may be in: dollars, or tonnes of a named product (the 2025 soybean pledges are in
    /// million metric tons, not dollars).
    /// </summary>
    public static readonly IReadOnlyList<string> PurchaseUnits = ["USD", "USD million", "USD billion", "t", "thousand t", "million t"];

    // HS codes of a named product: 2 to 10 digits, dots allowed as printed (1201, 1201.90).
    private static List<string> ReadHsCodes(Node item)
    {
        var codes = new List<string>();
        foreach (var value in item.Values("hsCodes"))
        {
            var digits = value.Text!.Replace(".", "", StringComparison.Ordinal);
            if (digits.Length is < 2 or > 10 || !digits.All(char.IsAsciiDigit) || digits.Length % 2 == 1)
            {
                value.Report(Rules.InvalidValue, $"'{value.Text}' is not an HS code: expected 2 to 10 digits in pairs, e.g. 1201 or 1201.90");
                continue;
            }

            codes.Add(digits);
        }

        return codes;
    }

    // publicText is true or false for every party at once, or a mapping per party when one side published the figures
    // and the other did not; the commitment counts as public only when every party published it.
    private (bool? All, Dictionary<CountryCode, bool> ByParty) ReadPublicText(Node item)
    {
        var byParty = new Dictionary<CountryCode, bool>();
        var node = item.Get("publicText", required: true, "true or false, or a mapping party → true or false");
        if (node is null)
        {
            return (null, byParty);
        }

        if (!node.IsMapping)
        {
            return (item.Bool("publicText"), byParty);
        }

        node.OnlyKeys([.. _parties.Select(p => p.ToString()).Order(StringComparer.Ordinal)]);
        foreach (var party in _parties.OrderBy(p => p.ToString(), StringComparer.Ordinal))
        {
            if (node.Bool(party.ToString(), required: true) is { } published)
            {
                byParty[party] = published;
            }
        }

        return byParty.Count == _parties.Count ? (byParty.Values.All(v => v), byParty) : (null, byParty);
    }

    // A target is for a calendar year, for a year from a day on (prorated), or for a period of days within a year.
    private static (int? Year, DateInterval? Span, DateOnly? ProratedFrom) ReadPeriod(Node target)
    {
        if (target.Mapping("period", required: false, "from and to, the first and last days") is { } period)
        {
            if (target.Get("year") is not null || target.Get("prorateFrom") is not null)
            {
                period.Report(Rules.InvalidValue, "is given with year or prorateFrom: expected period alone, or year (with prorateFrom)");
            }

            period.OnlyKeys("from", "to");
            var from = period.Date("from", required: true);
            var to = period.Date("to", required: true);
            if (from is not { } f || to is not { } t)
            {
                return (null, null, null);
            }

            if (t < f || t.Year != f.Year)
            {
                period.Get("to")!.Report(Rules.DateOrder, $"{t:yyyy-MM-dd} is not on or after {f:yyyy-MM-dd} in the same year: expected the last day of the period");
                return (null, null, null);
            }

            return (f.Year, new DateInterval(f, t.AddDays(1)), null);
        }

        var year = target.Int("year", required: true, 1990, 2100);
        var prorated = target.Date("prorateFrom");
        if (prorated is { } p && year is { } y && p.Year != y)
        {
            target.Get("prorateFrom")!.Report(Rules.DateOrder, $"{p:yyyy-MM-dd} is not in {y}: expected a day of the target's year");
            return (null, null, null);
        }

        return (year, null, prorated);
    }
}
