using TradeAccord.Core.Agreements;

namespace TradeAccord.Sources.Agreements;

public sealed partial class AgreementReader
{
    // Later events are not provisions: nobody is bound by them, but obligations name them (mootBy), so they are
    // declared once with the document that records them.
    private void ReadEvents(Node root)
    {
        foreach (var item in root.Items("events"))
        {
            item.OnlyKeys("id", "title", "date", "source", "note");
            var id = item.Identifier("id", required: true, "an id unique among the events");
            var title = item.String("title", required: true);
            var date = item.Date("date", required: true);
            SourceRef? source = null;
            if (item.Mapping("source", required: true, "document and article") is { } s)
            {
                source = ReadSourceRef(s, Evidence.Documented);
            }

            if (id is null || title is null || date is null)
            {
                continue;
            }

            if (_signed is { } signed && date < signed)
            {
                item.Get("date")!.Report(Rules.DateOrder, $"{date:yyyy-MM-dd} is before the agreement ({signed:yyyy-MM-dd}): expected a later event");
            }

            if (!_events.TryAdd(id, new LaterEvent(id, title, date.Value, source)))
            {
                item.Get("id")!.Report(Rules.DuplicateId, $"'{id}' is declared twice: expected each event id once");
            }
        }
    }
}
