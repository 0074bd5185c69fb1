using System.Globalization;
using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Documents;
using YamlDotNet.RepresentationModel;

namespace TradeAccord.Sources.Measures;

/// <summary>
/// A YAML mapping with typed accessors whose errors name the file, the line and the key. Reading through the
/// representation model keeps every node's position, which a plain deserializer throws away.
/// </summary>
public sealed class YamlMap
{
    private readonly YamlMappingNode _node;

    /// <summary>Wraps <paramref name="node"/> of <paramref name="file"/>.</summary>
    public YamlMap(string file, YamlMappingNode node)
    {
        File = file;
        _node = node;
    }

    /// <summary>The file, as named in errors.</summary>
    public string File { get; }

    /// <summary>1-based line where the mapping starts.</summary>
    public int Line => (int)_node.Start.Line;

    /// <summary>The keys present.</summary>
    public IEnumerable<string> Keys => _node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "");

    /// <summary>Loads the top-level mapping of a YAML file, read safely (<see cref="DocumentText.ReadFile"/>).</summary>
    /// <exception cref="SourceException">The file is unreadable, not a regular file, too large, not YAML, or not a mapping.</exception>
    public static YamlMap Load(string path, string displayName) => Parse(DocumentText.ReadFile(path, displayName), displayName);

    /// <summary>Parses YAML (or JSON) text whose top level is a mapping, within <see cref="DocumentLimits"/>.</summary>
    /// <exception cref="SourceException">The text is too large, nested too deep, not YAML, or not a mapping.</exception>
    public static YamlMap Parse(string text, string displayName) =>
        YamlText.ParseRoot(text, displayName) is YamlMappingNode root
            ? new YamlMap(displayName, root)
            : throw new SourceException(displayName, 1, null, "expected a YAML mapping at the top level");

    /// <summary>Whether <paramref name="key"/> is present.</summary>
    public bool Has(string key) => Node(key) is not null;

    /// <summary>A required scalar.</summary>
    public string String(string key) => OptionalString(key) ?? throw Error(key, Line, "is required");

    /// <summary>An optional scalar; null when absent or empty.</summary>
    public string? OptionalString(string key) => Node(key) switch
    {
        null => null,
        YamlScalarNode { Value: var v } => string.IsNullOrWhiteSpace(v) ? null : v.Trim(),
        var other => throw Error(key, (int)other.Start.Line, "expected a single value"),
    };

    /// <summary>A required date.</summary>
    public DateOnly Date(string key) => OptionalDate(key) ?? throw Error(key, Line, "is required: expected a date yyyy-MM-dd");

    /// <summary>An optional date.</summary>
    public DateOnly? OptionalDate(string key)
    {
        var text = OptionalString(key);
        if (text is null)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Error(key, LineOf(key), $"'{text}' is not a date: expected yyyy-MM-dd");
    }

    /// <summary>A rate of duty such as "25%" or "1.5¢/kg + 4%".</summary>
    public DutyRate? OptionalRate(string key)
    {
        var text = OptionalString(key);
        if (text is null)
        {
            return null;
        }

        var rate = RateText.Parse(text);
        return rate is { IsComputable: true }
            ? rate
            : throw Error(key, LineOf(key), $"'{text}' is not a rate: expected e.g. 25%, 1.5¢/kg or 2¢/kg + 5%");
    }

    /// <summary>A list of scalars; a single scalar counts as a list of one.</summary>
    public IReadOnlyList<string> List(string key) => Node(key) switch
    {
        null => [],
        YamlScalarNode { Value: var v } => string.IsNullOrWhiteSpace(v) ? [] : [v.Trim()],
        YamlSequenceNode seq => [.. seq.Children.Select(c => c is YamlScalarNode s
            ? s.Value?.Trim() ?? ""
            : throw Error(key, (int)c.Start.Line, "expected a list of single values"))],
        var other => throw Error(key, (int)other.Start.Line, "expected a list"),
    };

    /// <summary>A nested mapping, or null when absent.</summary>
    public YamlMap? OptionalMap(string key) => Node(key) switch
    {
        null => null,
        YamlMappingNode map => new YamlMap(File, map),
        var other => throw Error(key, (int)other.Start.Line, "expected a mapping of keys to values"),
    };

    /// <summary>A sequence of mappings.</summary>
    public IReadOnlyList<YamlMap> Maps(string key) => Node(key) switch
    {
        null => [],
        YamlSequenceNode seq => [.. seq.Children.Select(c => c is YamlMappingNode m
            ? new YamlMap(File, m)
            : throw Error(key, (int)c.Start.Line, "expected a list of mappings"))],
        var other => throw Error(key, (int)other.Start.Line, "expected a list"),
    };

    /// <summary>A country code.</summary>
    public CountryCode Country(string key)
    {
        var parsed = CountryCode.Parse(String(key));
        return parsed.TryGetValue(out var code) ? code : throw Error(key, LineOf(key), parsed.Error!);
    }

    /// <summary>Rejects keys not in <paramref name="allowed"/>, so a typo does not pass silently; names every one.</summary>
    public void OnlyKeys(params string[] allowed)
    {
        List<SourceProblem> unknown = [.. Keys.Where(k => !allowed.Contains(k, StringComparer.Ordinal))
            .Select(k => new SourceProblem(File, LineOf(k), k, $"unknown key: expected one of {string.Join(", ", allowed)}"))];
        if (unknown.Count > 0)
        {
            throw new SourceException(unknown);
        }
    }

    /// <summary>The line of <paramref name="key"/>'s value, or of the mapping when absent.</summary>
    public int LineOf(string key) => Node(key) is { } n ? (int)n.Start.Line : Line;

    /// <summary>An error about <paramref name="key"/>.</summary>
    public SourceException Error(string key, int line, string problem) => new(File, line, key, problem);

    private YamlNode? Node(string key) =>
        _node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}
