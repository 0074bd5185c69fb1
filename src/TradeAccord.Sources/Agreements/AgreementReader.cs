using TradeAccord.Core.Agreements;
using TradeAccord.Core.Common;
using TradeAccord.Sources.Documents;

namespace TradeAccord.Sources.Agreements;

/// <summary>An agreement file as read: the agreement when there were no problems, and every problem found.</summary>
/// <param name="Agreement">The agreement, or null when any problem was found.</param>
/// <param name="Problems">Every problem, in file order.</param>
public sealed record AgreementRead(Agreement? Agreement, IReadOnlyList<Diagnostic> Problems)
{
    /// <summary>Whether the file is valid.</summary>
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Reads an agreement file (see <c>schemas/agreement.schema.json</c>) and checks it whole: structure, vocabulary,
/// dates, sources, and every reference — to the tariff engine's measures, to product mappings in data/, and between
/// provisions. All problems are reported together, each at its line and column.
/// </summary>
public sealed partial class AgreementReader
{
    private static readonly string[] ProvisionKeys = ["id", "title", "party", "evidence", "source", "note"];

    private readonly string _file;
    private readonly AgreementContext _context;
    private readonly List<Diagnostic> _problems = [];
    private readonly Dictionary<string, Position> _provisionIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AgreementDocument> _documents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _series = new(StringComparer.Ordinal);
    private readonly List<(Node Node, string Id)> _provisionRefs = [];
    private readonly List<(Node Node, string Id)> _seriesRefs = [];
    private readonly List<(Node Node, string Id)> _eventRefs = [];
    private readonly Dictionary<string, LaterEvent> _events = new(StringComparer.Ordinal);
    private readonly List<(Node Node, string Id, Evidence Evidence)> _documentRefs = [];
    private HashSet<CountryCode> _parties = [];
    private DateOnly? _signed;
    private Evidence _defaultEvidence;

    private AgreementReader(string file, AgreementContext context)
    {
        _file = file;
        _context = context;
    }

    /// <summary>Reads and checks the file at <paramref name="path"/>, read safely (<see cref="DocumentText.ReadFile"/>).</summary>
    /// <param name="path">The file.</param>
    /// <param name="context">What the agreement is checked against.</param>
    /// <param name="displayName">The name problems give the file; <paramref name="path"/> when null.</param>
    /// <returns>The agreement, or every problem: an unreadable or refused file is one problem, not an exception.</returns>
    public static AgreementRead Read(string path, AgreementContext context, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = displayName ?? path;
        string text;
        try
        {
            text = DocumentText.ReadFile(path, name);
        }
        catch (SourceException e)
        {
            // An I/O failure carries its exception; a refusal (not a regular file, too large) has none.
            return new(null, [new Diagnostic(name, 1, 1, e.InnerException is null ? Rules.Refused : Rules.Unreadable, "", e.Problem)]);
        }

        return Parse(text, name, context);
    }

    /// <summary>Reads and checks YAML or JSON <paramref name="text"/> (e.g. a request body) named <paramref name="displayName"/>.</summary>
    /// <param name="text">The document; too large or too deeply nested, it is one problem of rule <see cref="Rules.Refused"/>.</param>
    /// <param name="displayName">The name problems give the document, e.g. "body".</param>
    /// <param name="context">What the agreement is checked against.</param>
    public static AgreementRead Parse(string text, string displayName, AgreementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reader = new AgreementReader(displayName, context);
        var agreement = reader.ReadAgreement(text);
        var problems = reader._problems.OrderBy(p => p.Line).ThenBy(p => p.Column).ToList();
        return new(problems.Count == 0 ? agreement : null, problems);
    }

    private Agreement? ReadAgreement(string text)
    {
        var root = Node.Root(_file, text, _problems);
        if (root is null)
        {
            return null;
        }

        root.OnlyKeys("agreement", "title", "status", "positionOf", "description", "evidence", "parties", "signed",
            "entryIntoForce", "amends", "events", "documents", "series", "phases", "chapters", "tariffs", "purchases", "structural",
            "conditions", "enforcement");
        _defaultEvidence = root.Enum<Evidence>("evidence") ?? Evidence.Documented;
        var parties = ReadParties(root);
        var status = root.Enum<AgreementStatus>("status", required: true);
        _signed = root.Date("signed");
        var entry = root.Date("entryIntoForce");
        if (status == AgreementStatus.Signed && root.Get("signed") is null)
        {
            root.Report(Rules.MissingField, "signed: is required for a signed agreement: expected the date of signing");
        }

        if (_signed is { } s && entry is { } e && e < s)
        {
            root.Get("entryIntoForce")!.Report(Rules.DateOrder, $"{e:yyyy-MM-dd} is before signing ({s:yyyy-MM-dd}): expected a date on or after it");
        }

        var positionOf = root.Country("positionOf");
        if (positionOf is { } p && !_parties.Contains(p))
        {
            root.Get("positionOf")!.Report(Rules.UnknownParty, $"'{p}' is not a party: expected one of {PartyList}");
        }

        ReadDocuments(root);
        ReadEvents(root);
        var agreement = new Agreement
        {
            Id = root.String("agreement", required: true, "the agreement's short id") ?? "",
            Title = root.String("title", required: true) ?? "",
            Status = status ?? AgreementStatus.Draft,
            PositionOf = positionOf,
            Description = root.String("description"),
            Parties = parties,
            Signed = _signed,
            EntryIntoForce = entry,
            Amends = root.Identifier("amends", required: false, "the id of the agreement this file adds to"),
            Events = [.. _events.Values],
            Documents = [.. _documents.Values],
            Series = [.. root.Items("series").Select(ReadOneSeries).OfType<DataSeries>()],
            Phases = [.. root.Items("phases").Select(ReadPhase).OfType<Phase>()],
            Chapters = [.. root.Items("chapters").Select(ReadChapter).OfType<Chapter>()],
            Tariffs = [.. root.Items("tariffs").Select(ReadTariff).OfType<TariffObligation>()],
            Purchases = [.. root.Items("purchases").Select(ReadPurchase).OfType<PurchaseCommitment>()],
            Structural = [.. root.Items("structural").Select(ReadStructural).OfType<StructuralCommitment>()],
            Conditions = [.. root.Items("conditions").Select(ReadCondition).OfType<Linkage>()],
            Enforcement = root.Mapping("enforcement") is { } enforcement ? ReadEnforcement(enforcement) : null,
        };
        CheckReferences(agreement);
        return agreement;
    }

    // By their text: a country code is not comparable, and ordering the codes themselves threw once there were two.
    private string PartyList => string.Join(", ", _parties.Select(p => p.ToString()).Order(StringComparer.Ordinal));

    private IReadOnlyList<Party> ReadParties(Node root)
    {
        var parties = new List<Party>();
        foreach (var item in root.Items("parties", required: true))
        {
            item.OnlyKeys("code", "name");
            var code = item.Country("code", required: true);
            var name = item.String("name", required: true);
            if (code is { } c && name is not null)
            {
                if (parties.Any(x => x.Code == c))
                {
                    item.Report(Rules.DuplicateId, $"'{c}' is listed twice: expected each party once");
                }

                parties.Add(new Party(c, name));
            }
        }

        _parties = [.. parties.Select(p => p.Code)];
        return parties;
    }

    private void ReadDocuments(Node root)
    {
        foreach (var item in root.Items("documents"))
        {
            item.OnlyKeys("id", "title", "publisher", "published", "url", "kind");
            var id = item.Identifier("id", required: true);
            var title = item.String("title", required: true);
            var publisher = item.String("publisher", required: true);
            var kind = item.Enum<DocumentKind>("kind", required: true);
            var published = item.Date("published");
            if (id is null || title is null || publisher is null || kind is null)
            {
                continue;
            }

            if (!_documents.TryAdd(id, new AgreementDocument(id, title, publisher, published, item.String("url"), kind.Value)))
            {
                item.Get("id")!.Report(Rules.DuplicateId, $"'{id}' is declared twice: expected each document id once");
            }
        }
    }

    private DataSeries? ReadOneSeries(Node item)
    {
        item.OnlyKeys("id", "party", "publisher", "description", "data");
        var id = item.Identifier("id", required: true);
        if (id is not null && !_series.Add(id))
        {
            item.Get("id")!.Report(Rules.DuplicateId, $"'{id}' is declared twice: expected each series id once");
        }

        var party = ReadParty(item, "party", required: true);
        var publisher = item.String("publisher", required: true);
        var description = item.String("description", required: true);
        var data = item.String("data");
        if (data is not null && !_context.IsDataFile(data))
        {
            item.Get("data")!.Report(Rules.UnknownProducts, $"'{data}' is not a file under data/: expected a path relative to the data folder");
        }

        return id is null || party is null || publisher is null || description is null
            ? null
            : new DataSeries(id, party.Value, publisher, description, data);
    }

    private Phase? ReadPhase(Node item)
    {
        item.OnlyKeys("id", "title", "covered", "scope", "source");
        var id = item.Identifier("id", required: true);
        var title = item.String("title", required: true);
        var covered = item.Bool("covered", required: true);
        var scope = item.String("scope", required: true);
        // A phase is not a provision and claims no evidence of its own, so any document may say what it covers.
        var source = item.Mapping("source") is { } s ? ReadSourceRef(s, Evidence.Reported) : null;
        return id is null || title is null || covered is null || scope is null ? null : new Phase(id, title, covered.Value, scope, source);
    }

    private Chapter? ReadChapter(Node item)
    {
        item.OnlyKeys("number", "title", "articles");
        var number = item.Int("number", required: true, 1, 99);
        var title = item.String("title", required: true);
        var articles = item.Items("articles").Select(a =>
        {
            a.OnlyKeys("number", "title");
            var n = a.String("number", required: true);
            var t = a.String("title", required: true);
            return n is null || t is null ? null : new Article(n, t);
        }).OfType<Article>().ToList();
        return number is null || title is null ? null : new Chapter(number.Value, title, articles);
    }

    // "both" binds both parties: a provision without a single party.
    private CountryCode? ReadParty(Node item, string key, bool required)
    {
        if (item.String(key) == "both")
        {
            return null;
        }

        var code = item.Country(key, required);
        if (code is { } c && !_parties.Contains(c))
        {
            item.Get(key)!.Report(Rules.UnknownParty, $"'{c}' is not a party: expected one of {PartyList}");
        }

        return code;
    }

    private SourceRef? ReadSourceRef(Node source, Evidence evidence)
    {
        source.OnlyKeys("document", "article", "quote");
        var document = source.String("document", required: true, "the id of a document declared under documents");
        if (document is not null)
        {
            _documentRefs.Add((source.Get("document")!, document, evidence));
        }

        return document is null ? null : new SourceRef(document, source.String("article"), source.String("quote"));
    }

    /// <summary>Reads the keys every provision has; null when the id or title is missing.</summary>
    private (string Id, string Title, Evidence Evidence, SourceRef? Source, string? Note, CountryCode? Party)? ReadCommon(Node item, bool partyRequired = true)
    {
        var id = item.Identifier("id", required: true, "an id unique in the file");
        var title = item.String("title", required: true);
        var evidence = item.Enum<Evidence>("evidence") ?? _defaultEvidence;
        var party = partyRequired ? ReadParty(item, "party", required: true) : null;
        SourceRef? source = null;
        if (item.Mapping("source", required: false, "document and article") is { } s)
        {
            source = ReadSourceRef(s, evidence);
        }
        else if (item.Get("source") is null)
        {
            item.Report(Rules.MissingSource, "has no source: expected source with the document (and article) it comes from");
        }

        if (id is not null)
        {
            if (_provisionIds.TryGetValue(id, out var first))
            {
                item.Get("id")!.Report(Rules.DuplicateId, $"'{id}' is already used at line {first.Line}: expected provision ids unique in the file");
            }
            else
            {
                _provisionIds[id] = item.At;
            }
        }

        return id is null || title is null ? null : (id, title, evidence, source, item.String("note"), party);
    }

    private void CheckReferences(Agreement agreement)
    {
        foreach (var (node, id) in _provisionRefs.Where(r => !_provisionIds.ContainsKey(r.Id)))
        {
            node.Report(Rules.DanglingReference, $"'{id}' is not a provision of this file: expected one of {string.Join(", ", _provisionIds.Keys)}");
        }

        foreach (var (node, id) in _seriesRefs.Where(r => !_series.Contains(r.Id)))
        {
            node.Report(Rules.UnknownSeries, $"'{id}' is not declared under series: expected one of {string.Join(", ", _series)}");
        }

        foreach (var (node, id) in _eventRefs.Where(r => !_events.ContainsKey(r.Id)))
        {
            node.Report(Rules.DanglingReference, $"'{id}' is not declared under events: expected one of {(_events.Count == 0 ? "(none declared)" : string.Join(", ", _events.Keys))}");
        }

        foreach (var (node, id, evidence) in _documentRefs)
        {
            if (!_documents.TryGetValue(id, out var document))
            {
                node.Report(Rules.UnknownDocument, $"'{id}' is not declared under documents: expected one of {string.Join(", ", _documents.Keys)}");
            }
            else if (evidence == Evidence.Documented && document.Kind == DocumentKind.News)
            {
                node.Report(Rules.EvidenceMismatch, $"'{id}' is a news report, so the provision is reported, not documented: expected evidence: reported, or a documentary source");
            }
        }

        CheckConditionForms(agreement);
    }
}
