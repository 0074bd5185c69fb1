using TradeAccord.Core.Agreements;
using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Sources.Agreements;

public sealed partial class AgreementReader
{
    private TariffObligation? ReadTariff(Node item)
    {
        item.OnlyKeys([.. ProvisionKeys, "measure", "outsideData", "requires", "from", "until", "afterExpiry", "mootBy"]);
        var common = ReadCommon(item);
        var measure = item.String("measure");
        var outside = item.String("outsideData");
        if (measure is null && outside is null)
        {
            item.Report(Rules.MissingField, "measure: is required: expected the id of a measure of the tariff engine (or outsideData saying why it is not in the data)");
        }
        else if (measure is not null && outside is not null)
        {
            item.Get("outsideData")!.Report(Rules.InvalidValue, "is given with measure: expected one of measure and outsideData");
        }

        if (measure is not null)
        {
            CheckMeasure(item, measure, common?.Party);
        }

        var requires = ReadRequirement(item);
        var (from, fromEvent) = ReadFrom(item);
        var (until, afterExpiry) = ReadExpiry(item, from);
        var mootBy = item.Identifier("mootBy", required: false, "the id of an event declared under events");
        if (mootBy is not null)
        {
            _eventRefs.Add((item.Get("mootBy")!, mootBy));
        }

        if (common is not { } c || requires is null || (from is null && fromEvent is null))
        {
            return null;
        }

        return new TariffObligation
        {
            Id = c.Id, Title = c.Title, Party = c.Party, Evidence = c.Evidence, Source = c.Source, Note = c.Note, At = item.At,
            Measure = measure, OutsideData = outside, Requires = requires, From = from, FromEvent = fromEvent,
            Until = until, AfterExpiry = afterExpiry, MootBy = mootBy,
        };
    }

    private void CheckMeasure(Node item, string measure, Core.Common.CountryCode? party)
    {
        var node = item.Get("measure")!;
        if (!_context.MeasuresById.TryGetValue(measure, out var found))
        {
            // Suggest the measures whose ids share the longest start with the one written: usually the intended one.
            var near = _context.MeasuresById.Values
                .Where(m => m.Kind != MeasureKind.Exclusion && !m.Id.Contains('@', StringComparison.Ordinal))
                .Select(m => m.Id)
                .OrderByDescending(id => CommonPrefix(id, measure)).ThenBy(id => id, StringComparer.Ordinal)
                .Take(6).ToList();
            node.Report(Rules.UnknownMeasure, $"'{measure}' is not a measure of the tariff engine: expected a measure id"
                + (near.Count > 0 ? $" such as {string.Join(", ", near)}" : " (see `accord schedule export`)"));
            return;
        }

        if (party is { } p && found.Importer != p)
        {
            node.Report(Rules.PartyMismatch, $"'{measure}' is a tariff of {found.Importer}, but the obligation binds {p}: expected a measure that {p} imposes");
        }
    }

    // A draft not yet signed cannot date its obligations: "from: signing" starts them on the day it is signed.
    private static (DateOnly? Date, AgreementEvent? Event) ReadFrom(Node item)
    {
        var text = item.String("from", required: true, "a date yyyy-MM-dd, or signing, or entry-into-force");
        if (text is null)
        {
            return (null, null);
        }

        if (KebabCase.TryParse<AgreementEvent>(text, out var anEvent))
        {
            return (null, anEvent);
        }

        return (item.Date("from"), null);
    }

    // A time-limited requirement says when it expires and, so that silence is not read as either, what follows it.
    private static (DateOnly? Until, AfterExpiry After) ReadExpiry(Node item, DateOnly? from)
    {
        var until = item.Date("until");
        var after = item.Enum<AfterExpiry>("afterExpiry");
        if (until is { } u && from is { } f && u <= f)
        {
            item.Get("until")!.Report(Rules.DateOrder, $"{u:yyyy-MM-dd} is not after from ({f:yyyy-MM-dd}): expected the day the requirement expires");
        }

        if (until is not null && after is null && item.Get("afterExpiry") is null)
        {
            item.Get("until")!.Report(Rules.MissingField, "afterExpiry: is required with until: expected unknown (the texts do not say what follows) or lapses");
        }
        else if (until is null && item.Get("until") is null && item.Get("afterExpiry") is { } node)
        {
            node.Report(Rules.InvalidValue, "is given without until: expected until with the day the requirement expires");
        }

        return (until, after ?? AfterExpiry.Unknown);
    }

    private static int CommonPrefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n;
    }

    private TariffRequirement? ReadRequirement(Node item)
    {
        var text = item.String("requires", required: true, "a rate such as 7.5%, or suspended, or removed");
        switch (text)
        {
            case null:
                return null;
            case "suspended":
                return TariffRequirement.Suspended;
            case "removed":
                return TariffRequirement.Removed;
        }

        var rate = RateText.Parse(text);
        if (rate is { IsComputable: true, IsQualified: false })
        {
            return TariffRequirement.AtRate(rate);
        }

        item.Get("requires")!.Report(Rules.InvalidValue, $"'{text}' is not a requirement: expected a rate such as 7.5% or 2¢/kg, or suspended, or removed");
        return null;
    }
}
