using System.Xml.Linq;

namespace TradeAccord.Core.Tests;

/// <summary>
/// The layers as project references: Core depends on nothing; Sources and Storage on Core; App on Core, Sources and
/// Storage; the two hosts (Cli, Web) on App and Core only, never on each other. A reference outside this table fails.
/// </summary>
public class ProjectGraphTests
{
    private static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["TradeAccord.Core"] = [],
        ["TradeAccord.Sources"] = ["TradeAccord.Core"],
        ["TradeAccord.Storage"] = ["TradeAccord.Core"],
        ["TradeAccord.App"] = ["TradeAccord.Core", "TradeAccord.Sources", "TradeAccord.Storage"],
        ["TradeAccord.Cli"] = ["TradeAccord.App", "TradeAccord.Core"],
        ["TradeAccord.Web"] = ["TradeAccord.App", "TradeAccord.Core"],
    };

    [Fact]
    public void The_source_projects_reference_only_the_layers_below_them() =>
        Violations(SourceGraph()).ShouldBeEmpty();

    [Fact]
    public void Every_source_project_has_a_place_in_the_graph() =>
        SourceGraph().Keys.Order(StringComparer.Ordinal).ShouldBe(Allowed.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void A_host_referencing_the_other_host_is_caught()
    {
        // Clearly synthetic: the graph as it was before the application layer, when the CLI reached the server.
        var before = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["TradeAccord.Core"] = [],
            ["TradeAccord.Sources"] = ["TradeAccord.Core"],
            ["TradeAccord.Storage"] = ["TradeAccord.Sources"],
            ["TradeAccord.Web"] = ["TradeAccord.Storage"],
            ["TradeAccord.Cli"] = ["TradeAccord.Web"],
        };

        Violations(before).ShouldBe(
        [
            "TradeAccord.Cli -> TradeAccord.Web",
            "TradeAccord.Storage -> TradeAccord.Sources",
            "TradeAccord.Web -> TradeAccord.Storage",
        ]);
    }

    private static List<string> Violations(IReadOnlyDictionary<string, string[]> graph) =>
    [
        .. graph.SelectMany(p => p.Value.Where(r => !Allowed.GetValueOrDefault(p.Key, []).Contains(r, StringComparer.Ordinal)).Select(r => $"{p.Key} -> {r}"))
            .Order(StringComparer.Ordinal),
    ];

    // Read from the checkout the tests were built from: src/*/*.csproj and their ProjectReference items.
    private static Dictionary<string, string[]> SourceGraph()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "TradeAccord.slnx")))
        {
            root = root.Parent;
        }

        root.ShouldNotBeNull("the tests run from inside the checkout (artifacts/bin)");
        return Directory.EnumerateFiles(Path.Combine(root.FullName, "src"), "*.csproj", SearchOption.AllDirectories).ToDictionary(
            file => Path.GetFileNameWithoutExtension(file)!,
            file => XDocument.Load(file).Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/'))!)
                .ToArray(),
            StringComparer.Ordinal);
    }
}
