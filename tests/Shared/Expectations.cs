using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TradeAccord.Tests.Shared;

/// <summary>
/// Golden files: output compared with a file checked in under <c>tests/&lt;test project&gt;/Expectations/</c>, read
/// from the source tree. One source linked into each test project that has golden files. <c>ACCORD_UPDATE_EXPECTATIONS=1</c> (re)writes the files instead of comparing.
/// </summary>
internal static class Expectations
{
    /// <summary>The environment variable that turns comparing into (re)writing.</summary>
    public const string UpdateVariable = "ACCORD_UPDATE_EXPECTATIONS";

    // The test project this copy is compiled into names its folder.
    private static readonly string Folder = $"tests/{typeof(Expectations).Assembly.GetName().Name}/Expectations";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Keep non-ASCII text (×, –, 〔〕) readable in the files; the escaping is not what is pinned.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>
    /// Compares <paramref name="actual"/> with the expectation file <paramref name="name"/> (a path under Expectations/),
    /// both with line endings made \n, trailing whitespace cut from each line and exactly one newline at the end.
    /// </summary>
    public static void Verify(string name, string actual)
    {
        var path = Path.Combine(Root(), name.Replace('/', Path.DirectorySeparatorChar));
        var normalised = Normalise(actual);
        if (Updating)
        {
            if (!File.Exists(path) || Normalise(File.ReadAllText(path)) != normalised)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, normalised, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }

            return;
        }

        if (!File.Exists(path))
        {
            Assert.Fail($"expectation {name} is missing ({path}); run with {UpdateVariable}=1 to write it, then review it");
        }

        var expected = Normalise(File.ReadAllText(path));
        if (expected != normalised)
        {
            Assert.Fail($"output differs from expectation {name}\n{Diff(expected, normalised)}\n" +
                        $"(if the change is intended, run with {UpdateVariable}=1 and review the diff of {path})");
        }
    }

    /// <summary>A file of the source tree, by its path from the repository root (e.g. examples/entries-synthetic.csv).</summary>
    public static string SourceFile(string path) => Path.GetFullPath(Path.Combine(Root(), "..", "..", "..", path));

    /// <summary>JSON indented by System.Text.Json, properties in their order, for readable diffs.</summary>
    public static string Json(string json) => Json(JsonNode.Parse(json));

    /// <summary>A JSON tree indented, properties in their order.</summary>
    public static string Json(JsonNode? json) => json is null ? "null" : json.ToJsonString(Indented);

    private static string Normalise(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd());
        return string.Join('\n', lines).TrimEnd('\n') + "\n";
    }

    /// <summary>The first differing lines, between unchanged ones, in the manner of a unified diff.</summary>
    private static string Diff(string expected, string actual)
    {
        const int Shown = 6;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var first = 0;
        while (first < e.Length && first < a.Length && e[first] == a[first])
        {
            first++;
        }

        var last = 0; // lines equal at the end, after the difference
        while (last < e.Length - first && last < a.Length - first && e[^(last + 1)] == a[^(last + 1)])
        {
            last++;
        }

        var diff = new StringBuilder($"first difference at line {first + 1} (expected {e.Length - 1} lines, actual {a.Length - 1}):\n");
        foreach (var line in e[Math.Max(0, first - 2)..first])
        {
            diff.Append("  ").Append(line).Append('\n');
        }

        foreach (var (lines, sign) in new[] { (e[first..^last], "- "), (a[first..^last], "+ ") })
        {
            foreach (var line in lines.Take(Shown))
            {
                diff.Append(sign).Append(line).Append('\n');
            }

            if (lines.Length > Shown)
            {
                diff.Append(sign).Append($"... ({lines.Length - Shown} more)\n");
            }
        }

        if (last > 1)
        {
            diff.Append("  ").Append(e[^last]).Append('\n');
        }

        return diff.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// The Expectations folder in the source tree: beside the folder of this file as the compiler saw it, so the test
    /// binary finds it from artifacts/; if that path was mapped at build time (deterministic source paths), the
    /// nearest ancestor of the binary that holds the folder.
    /// </summary>
    private static string Root([CallerFilePath] string source = "")
    {
        var beside = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source) ?? "", "..", "..", Folder));
        if (Directory.Exists(Path.GetDirectoryName(beside)) && Path.IsPathFullyQualified(source))
        {
            return beside;
        }

        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (Directory.Exists(Path.Combine(d.FullName, Folder)))
            {
                return Path.Combine(d.FullName, Folder);
            }
        }

        throw new DirectoryNotFoundException($"{Folder} not found: the source tree is expected at {source} or above {AppContext.BaseDirectory}");
    }
}
