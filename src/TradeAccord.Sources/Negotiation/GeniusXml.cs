using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using TradeAccord.Core.Negotiation;
using TradeAccord.Sources.Documents;

namespace TradeAccord.Sources.Negotiation;

/// <summary>
/// GENIUS XML domains and profiles (the format of the GENIUS negotiation environment and the ANAC competitions):
/// a domain file with the issues and their discrete items, and one profile per party with issue weights, item
/// evaluations and the reservation value. Linkage constraints have no GENIUS form: export leaves them out and says so.
/// </summary>
public static class GeniusXml
{
    /// <summary>The domain file's name in an exported folder.</summary>
    public const string DomainFile = "domain.xml";

    /// <summary>Writes the domain and each party's profile into <paramref name="folder"/>; returns the files written.</summary>
    public static IReadOnlyList<string> Export(NegotiationDomain domain, string folder)
    {
        ArgumentNullException.ThrowIfNull(domain);
        Directory.CreateDirectory(folder);
        var files = new List<string> { Path.Combine(folder, DomainFile) };
        new XDocument(new XElement("negotiation_template",
            new XElement("utility_space", new XAttribute("number_of_issues", domain.Issues.Count), Objective(domain, null)))).Save(files[0]);
        foreach (var party in domain.Parties)
        {
            var file = Path.Combine(folder, $"{party.Party}.xml");
            new XDocument(new XElement("utility_space",
                Objective(domain, party),
                new XElement("reservation", new XAttribute("value", Number(party.Reservation))),
                new XElement("discount_factor", new XAttribute("value", "1.0")))).Save(file);
            files.Add(file);
        }

        return files;
    }

    /// <summary>Reads a folder with <c>domain.xml</c> and two profiles (any other <c>*.xml</c>, named by party).</summary>
    /// <exception cref="SourceException">A file is missing or malformed.</exception>
    public static NegotiationDomain Import(string folder, string? id = null)
    {
        var domainPath = Path.Combine(folder, DomainFile);
        var domainXml = Load(domainPath, DomainFile);
        var objective = domainXml.Root?.Element("utility_space")?.Element("objective")
                        ?? throw new SourceException(DomainFile, 1, "objective", "expected negotiation_template/utility_space/objective");
        var issues = objective.Elements("issue").Select(i => new Issue(
            Attribute(i, "name", DomainFile), Attribute(i, "name", DomainFile),
            [.. i.Elements("item").Select(item => Attribute(item, "value", DomainFile))])).ToList();
        var profiles = Directory.EnumerateFiles(folder, "*.xml").Where(f => Path.GetFileName(f) != DomainFile).Order(StringComparer.Ordinal).ToList();
        if (profiles.Count != 2)
        {
            throw new SourceException(folder, 0, null, $"has {profiles.Count} profiles: expected two besides {DomainFile}");
        }

        var parties = profiles.Select(p => Profile(p, issues)).ToList();
        var name = objective.Attribute("name")?.Value ?? "genius";
        return new NegotiationDomain(id ?? name, name, issues, parties, []);
    }

    private static XElement Objective(NegotiationDomain domain, Preferences? party)
    {
        var objective = new XElement("objective", new XAttribute("index", 0), new XAttribute("etype", "objective"), new XAttribute("type", "objective"),
            new XAttribute("description", domain.Title), new XAttribute("name", domain.Id));
        for (var i = 0; i < domain.Issues.Count; i++)
        {
            var issue = domain.Issues[i];
            var element = new XElement("issue", new XAttribute("name", issue.Id), new XAttribute("index", i + 1), new XAttribute("etype", "discrete"),
                new XAttribute("type", "discrete"), new XAttribute("vtype", "discrete"));
            for (var j = 0; j < issue.Options.Count; j++)
            {
                var item = new XElement("item", new XAttribute("index", j + 1), new XAttribute("value", issue.Options[j]));
                if (party is not null)
                {
                    item.Add(new XAttribute("evaluation", Number(party.Values[issue.Id][issue.Options[j]])));
                }

                element.Add(item);
            }

            objective.Add(element);
        }

        if (party is not null)
        {
            for (var i = 0; i < domain.Issues.Count; i++)
            {
                objective.Add(new XElement("weight", new XAttribute("index", i + 1), new XAttribute("value", Number(party.Weights[domain.Issues[i].Id]))));
            }
        }

        return objective;
    }

    private static Preferences Profile(string path, List<Issue> issues)
    {
        var name = Path.GetFileName(path);
        var root = Load(path, name).Root ?? throw new SourceException(name, 1, null, "is empty");
        var objective = root.Element("objective") ?? throw new SourceException(name, 1, "objective", "expected utility_space/objective");
        var byIndex = Unique(objective.Elements("issue"), i => Attribute(i, "index", name), name, "index");
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var values = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        foreach (var weight in objective.Elements("weight"))
        {
            var index = Attribute(weight, "index", name);
            var issue = byIndex.TryGetValue(index, out var e) ? e : throw new SourceException(name, Line(weight), "weight", $"index {index} names no issue");
            var id = Attribute(issue, "name", name);
            weights[id] = Parse(Attribute(weight, "value", name), name, weight);
            // GENIUS evaluations are relative: the best item of an issue is worth 1.
            var items = Unique(issue.Elements("item"), i => Attribute(i, "value", name), name, "value")
                .ToDictionary(kv => kv.Key, kv => Parse(Attribute(kv.Value, "evaluation", name), name, kv.Value), StringComparer.Ordinal);
            var best = items.Values.DefaultIfEmpty(1).Max();
            values[id] = items.ToDictionary(kv => kv.Key, kv => best > 0 ? kv.Value / best : 0, StringComparer.Ordinal);
        }

        foreach (var issue in issues.Where(i => !weights.ContainsKey(i.Id)))
        {
            throw new SourceException(name, 1, "weight", $"has no weight for issue {issue.Id}");
        }

        var reservation = root.Element("reservation")?.Attribute("value")?.Value is { } r ? Parse(r, name, root) : 0;
        return new Preferences(Path.GetFileNameWithoutExtension(path), weights, values, reservation, new Dictionary<string, string>());
    }

    private static XDocument Load(string path, string name)
    {
        // Bytes, not text: the XML declaration names the encoding.
        var bytes = DocumentText.ReadBytes(path, name);
        try
        {
            // Building the tree of 100,000 nested elements took 19 s (it grows with the square of the depth): a
            // first pass with the reader alone, which holds no tree, refuses such a file at the 65th level.
            CheckNesting(bytes, name);
            using var reader = XmlReader.Create(new MemoryStream(bytes), Settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new SourceException(name, e.LineNumber, null, $"cannot be read as GENIUS XML: {e.Message}", e);
        }
    }

    // No document type: GENIUS files have none, and a DTD's entities could expand a small file into a huge one.
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    // The first pass sees a document type as a node (to name its line) and stops there, before any entity is used.
    private static readonly XmlReaderSettings FirstPass = new() { DtdProcessing = DtdProcessing.Parse, XmlResolver = null, MaxCharactersFromEntities = 1024 };

    private static void CheckNesting(byte[] bytes, string name)
    {
        using var reader = XmlReader.Create(new MemoryStream(bytes), FirstPass);
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.DocumentType)
            {
                throw new SourceException(name, ((IXmlLineInfo)reader).LineNumber, null,
                    "cannot be read as GENIUS XML: it has a document type (<!DOCTYPE>): expected none, as GENIUS writes");
            }

            if (reader.NodeType == XmlNodeType.Element && reader.Depth >= DocumentLimits.MaxNesting)
            {
                throw new SourceException(name, ((IXmlLineInfo)reader).LineNumber, reader.LocalName,
                    $"nests elements more than {DocumentLimits.MaxNesting} deep: expected at most {DocumentLimits.MaxNesting} levels");
            }
        }
    }

    // Keys that must differ (issue indexes, item values): a repeated one is named with its line, not left to a dictionary.
    private static Dictionary<string, XElement> Unique(IEnumerable<XElement> elements, Func<XElement, string> key, string file, string attribute)
    {
        var found = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var element in elements)
        {
            var value = key(element);
            if (!found.TryAdd(value, element))
            {
                throw new SourceException(file, Line(element), attribute,
                    $"<{element.Name}> repeats {attribute} '{value}' of line {Line(found[value])}: expected each {attribute} once");
            }
        }

        return found;
    }

    private static string Attribute(XElement element, string attribute, string file) =>
        element.Attribute(attribute)?.Value ?? throw new SourceException(file, Line(element), attribute, $"<{element.Name}> has no {attribute} attribute");

    private static double Parse(string text, string file, XElement element) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw new SourceException(file, Line(element), element.Name.LocalName, $"'{text}' is not a number");

    private static int Line(XElement element) => ((IXmlLineInfo)element).LineNumber;

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
