using TradeAccord.Core.Negotiation;
using YamlDotNet.Serialization;

namespace TradeAccord.Sources.Negotiation;

/// <summary>Writes a domain as a file <see cref="NegotiationReader"/> reads back (values typed in, derived ones as computed).</summary>
public static class NegotiationWriter
{
    /// <summary>The YAML text of <paramref name="domain"/>.</summary>
    public static string Write(NegotiationDomain domain, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var document = new Dictionary<string, object>
        {
            ["negotiation"] = domain.Id,
            ["title"] = domain.Title,
            ["issues"] = domain.Issues.Select(i => new Dictionary<string, object> { ["id"] = i.Id, ["title"] = i.Title, ["options"] = i.Options.ToList() }).ToList(),
            ["parties"] = domain.Parties.Select(p => new Dictionary<string, object>
            {
                ["party"] = p.Party,
                ["reservation"] = p.Reservation,
                ["weights"] = domain.Issues.ToDictionary(i => i.Id, i => p.Weights[i.Id]),
                ["values"] = domain.Issues.ToDictionary(i => i.Id, i => i.Options.ToDictionary(o => o, o => p.Values[i.Id][o])),
            }).ToList(),
            ["constraints"] = domain.Constraints.Select(c => new Dictionary<string, object>
            {
                ["id"] = c.Id, ["title"] = c.Title, ["issue"] = c.Issue, ["when"] = c.When.ToList(), ["requires"] = c.Requires, ["allowed"] = c.Allowed.ToList(),
            }).ToList(),
        };
        var yaml = new SerializerBuilder().WithIndentedSequences().Build().Serialize(document);
        return comment is null ? yaml : string.Concat(comment.Split('\n').Select(l => $"# {l}".TrimEnd() + "\n")) + yaml;
    }
}
