using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace TradeAccord.Fuzzing;

/// <summary>
/// The repository's shipped files, as seeds. Long tables are cut to their header and first rows: a mutation of a
/// 40-row file exercises the same code as one of a 20,000-row file, thousands of times faster.
/// </summary>
public static class Shipped
{
    /// <summary>Rows kept of a long table.</summary>
    public const int SeedRows = 40;

    /// <summary>The repository root: the nearest folder above the running code that holds TradeAccord.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The data folder.</summary>
    public static string Data => Path.Combine(Root, "data");

    /// <summary>A file of the repository, whole.</summary>
    public static byte[] File(string relative) => System.IO.File.ReadAllBytes(Path.Combine(Root, relative));

    /// <summary>Every file of a folder matching a pattern, whole.</summary>
    public static IReadOnlyList<byte[]> Files(string folder, string pattern) =>
        [.. Directory.EnumerateFiles(Path.Combine(Root, folder), pattern).Order(StringComparer.Ordinal).Select(System.IO.File.ReadAllBytes)];

    /// <summary>The header and first <see cref="SeedRows"/> rows of a CSV file (cut at line ends; quoted newlines are rare in ours).</summary>
    public static byte[] Head(string relative, int rows = SeedRows)
    {
        using var reader = new StreamReader(Path.Combine(Root, relative));
        var text = new StringBuilder();
        for (var i = 0; i <= rows && reader.ReadLine() is { } line; i++)
        {
            text.Append(line).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The first entries of a gzipped HTS JSON revision, as a JSON array again.</summary>
    public static byte[] HtsJsonHead(string relative, int entries = SeedRows)
    {
        using var gzip = new GZipStream(System.IO.File.OpenRead(Path.Combine(Root, relative)), CompressionMode.Decompress);
        var all = JsonNode.Parse(gzip)!.AsArray();
        var head = new JsonArray([.. all.Take(entries).Select(n => n?.DeepClone())]);
        return Encoding.UTF8.GetBytes(head.ToJsonString());
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "TradeAccord.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no TradeAccord.slnx above {AppContext.BaseDirectory}: run from the repository's build output");
    }
}
