using System.Globalization;
using TradeAccord.Core.Common;
using TradeAccord.Core.Scenarios;
using TradeAccord.Core.Tariffs;
using YamlDotNet.Serialization;

namespace TradeAccord.Sources.Scenarios;

/// <summary>
/// Writes a scenario as a file <see cref="ScenarioReader"/> reads back, so an overlay made from an agreement can
/// be saved, reviewed and used by name. Only the changes an agreement produces (<c>replace</c>) are written; other
/// scenarios are written by hand.
/// </summary>
public static class ScenarioWriter
{
    /// <summary>The YAML text of <paramref name="scenario"/>.</summary>
    /// <exception cref="ArgumentException">The scenario has a change of a kind this writer does not write.</exception>
    public static string Write(Scenario scenario, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var changes = scenario.Changes.Select(Change).ToList();
        var document = new Dictionary<string, object>
        {
            ["name"] = scenario.Name,
            ["description"] = scenario.Description,
            ["changes"] = changes,
        };
        var yaml = new SerializerBuilder().WithIndentedSequences().Build().Serialize(document);
        return comment is null ? yaml : string.Concat(comment.Split('\n').Select(l => $"# {l}".TrimEnd() + "\n")) + yaml;
    }

    private static Dictionary<string, string> Change(ScenarioChange change) => change switch
    {
        ReplaceMeasure r => Replace(r),
        _ => throw new ArgumentException($"a {change.GetType().Name} change is not written by {nameof(ScenarioWriter)}", nameof(change)),
    };

    private static Dictionary<string, string> Replace(ReplaceMeasure r)
    {
        var map = new Dictionary<string, string> { ["replace"] = r.MeasureId, ["from"] = Date(r.From) };
        if (r.Remove)
        {
            map["removed"] = "true";
        }

        if (r.Rate is { } rate)
        {
            map["rate"] = rate.Text;
        }

        if (r.Status is { } status)
        {
            map["status"] = status == MeasureStatus.InForce ? "in-force" : status.ToKebab();
        }

        if (r.NewId is { } id)
        {
            map["id"] = id;
        }

        if (r.LegalBase is { } legalBase)
        {
            map["legalBase"] = legalBase;
        }

        return map;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
