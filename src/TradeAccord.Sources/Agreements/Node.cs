using System.Globalization;
using TradeAccord.Core.Agreements;
using TradeAccord.Core.Common;
using TradeAccord.Sources.Documents;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TradeAccord.Sources.Agreements;

/// <summary>
/// A YAML node read leniently: every accessor reports a problem to the shared list and returns null instead of
/// throwing, so one run finds every problem in the file. Each node knows its path of keys for messages.
/// </summary>
internal sealed class Node
{
    private readonly YamlNode _node;
    private readonly List<Diagnostic> _problems;
    private readonly string _file;

    public Node(string file, YamlNode node, string path, List<Diagnostic> problems)
    {
        _file = file;
        _node = node;
        Path = path;
        _problems = problems;
    }

    public string Path { get; }

    public Position At => new((int)_node.Start.Line, (int)_node.Start.Column);

    /// <summary>The scalar text, or null for a list or mapping.</summary>
    public string? Text => _node is YamlScalarNode s ? s.Value?.Trim() : null;

    public bool IsMapping => _node is YamlMappingNode;

    public bool IsScalar => _node is YamlScalarNode;

    /// <summary>Records a problem at this node.</summary>
    public void Report(string rule, string message) =>
        _problems.Add(new Diagnostic(_file, At.Line, At.Column, rule, Path, message));

    /// <summary>The child at <paramref name="key"/>, or null (reported when <paramref name="required"/>).</summary>
    public Node? Get(string key, bool required = false, string? expected = null)
    {
        // "key:" with nothing after it counts as absent; a quoted "" is a value (and fails its own check).
        if (_node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child)
            && child is not YamlScalarNode { Value: null or "", Style: ScalarStyle.Plain or ScalarStyle.Any })
        {
            return new Node(_file, child, Join(key), _problems);
        }

        if (required)
        {
            _problems.Add(new Diagnostic(_file, At.Line, At.Column, Rules.MissingField, Join(key),
                $"is required{(expected is null ? "" : $": expected {expected}")}"));
        }

        return null;
    }

    /// <summary>Reports keys other than <paramref name="allowed"/> (typos must not pass silently).</summary>
    public void OnlyKeys(params string[] allowed)
    {
        if (_node is not YamlMappingNode map)
        {
            return;
        }

        foreach (var (key, _) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                _problems.Add(new Diagnostic(_file, (int)key.Start.Line, (int)key.Start.Column, Rules.UnknownKey, Join(name),
                    $"is not a key here: expected one of {string.Join(", ", allowed)}"));
            }
        }
    }

    public string? String(string key, bool required = false, string? expected = null)
    {
        var child = Get(key, required, expected);
        if (child is null)
        {
            return null;
        }

        if (!child.IsScalar)
        {
            child.Report(Rules.WrongType, $"expected a single value{(expected is null ? "" : $" ({expected})")}, not a list or mapping");
            return null;
        }

        return string.IsNullOrWhiteSpace(child.Text) ? null : child.Text;
    }

    /// <summary>An id: letters, digits, '.', '_' and '-', starting with a letter or digit (the schema's pattern).</summary>
    public string? Identifier(string key, bool required = false, string? expected = null)
    {
        var text = String(key, required, expected);
        if (text is null || (char.IsAsciiLetterOrDigit(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')))
        {
            return text;
        }

        Get(key)!.Report(Rules.InvalidValue, $"'{text}' is not an id: expected letters, digits, '.', '_' and '-', starting with a letter or digit");
        return null;
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var text = String(key, required, "a date yyyy-MM-dd");
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Get(key)!.Report(Rules.InvalidDate, $"'{text}' is not a date: expected yyyy-MM-dd");
        return null;
    }

    public int? Int(string key, bool required = false, int min = 0, int max = int.MaxValue)
    {
        var text = String(key, required, "a whole number");
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Get(key)!.Report(Rules.InvalidValue, $"'{text}' is not valid: expected a whole number from {min} to {max}");
        return null;
    }

    public decimal? Number()
    {
        if (Text is { } text && IsScalar
            && decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            && value >= 0m)
        {
            return value;
        }

        Report(Rules.InvalidValue, $"'{Text}' is not an amount: expected a number of zero or more, or min and max");
        return null;
    }

    public bool? Bool(string key, bool required = false)
    {
        var text = String(key, required, "true or false");
        return text switch
        {
            null => null,
            "true" => true,
            "false" => false,
            _ => Fail(key, $"'{text}' is not valid: expected true or false"),
        };
    }

    public T? Enum<T>(string key, bool required = false)
        where T : struct, System.Enum
    {
        var names = KebabCase.Names<T>();
        var text = String(key, required, $"one of {string.Join(", ", names)}");
        if (text is null)
        {
            return null;
        }

        if (KebabCase.TryParse<T>(text, out var value))
        {
            return value;
        }

        Get(key)!.Report(Rules.InvalidValue, $"'{text}' is not valid: expected one of {string.Join(", ", names)}");
        return null;
    }

    public CountryCode? Country(string key, bool required = false)
    {
        var text = String(key, required, "a two-letter country code");
        if (text is null)
        {
            return null;
        }

        var parsed = CountryCode.Parse(text);
        if (parsed.TryGetValue(out var code))
        {
            return code;
        }

        Get(key)!.Report(Rules.InvalidValue, parsed.Error!);
        return null;
    }

    /// <summary>A list of mappings; a missing key is an empty list (reported when required).</summary>
    public IReadOnlyList<Node> Items(string key, bool required = false)
    {
        var child = Get(key, required, "a list");
        if (child is null)
        {
            return [];
        }

        if (child._node is not YamlSequenceNode seq)
        {
            child.Report(Rules.WrongType, "expected a list");
            return [];
        }

        var items = new List<Node>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var item = new Node(_file, seq.Children[i], $"{child.Path}[{i}]", _problems);
            if (item.IsMapping)
            {
                items.Add(item);
            }
            else
            {
                item.Report(Rules.WrongType, "expected a mapping of keys to values");
            }
        }

        return items;
    }

    /// <summary>A list of single values; a single value counts as a list of one.</summary>
    public IReadOnlyList<Node> Values(string key, bool required = false)
    {
        var child = Get(key, required, "a list of values");
        if (child is null)
        {
            return [];
        }

        if (child.IsScalar)
        {
            return [child];
        }

        if (child._node is not YamlSequenceNode seq)
        {
            child.Report(Rules.WrongType, "expected a list of values");
            return [];
        }

        var values = new List<Node>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var item = new Node(_file, seq.Children[i], $"{child.Path}[{i}]", _problems);
            if (item.IsScalar)
            {
                values.Add(item);
            }
            else
            {
                item.Report(Rules.WrongType, "expected a single value");
            }
        }

        return values;
    }

    /// <summary>A nested mapping, or null.</summary>
    public Node? Mapping(string key, bool required = false, string? expected = null)
    {
        var child = Get(key, required, expected);
        if (child is null)
        {
            return null;
        }

        if (!child.IsMapping)
        {
            child.Report(Rules.WrongType, $"expected a mapping{(expected is null ? "" : $" ({expected})")}");
            return null;
        }

        return child;
    }

    /// <summary>Parses <paramref name="text"/> as the top-level mapping of a file, within the document limits.</summary>
    public static Node? Root(string file, string text, List<Diagnostic> problems)
    {
        YamlNode? parsed;
        try
        {
            parsed = YamlText.ParseRoot(text, file);
        }
        catch (SourceException e)
        {
            // A syntax error carries the parser's exception and its column; a refusal (size, nesting, alias) has none.
            var (rule, column) = e.InnerException is YamlException syntax ? (Rules.YamlSyntax, (int)syntax.Start.Column) : (Rules.Refused, 1);
            problems.Add(new Diagnostic(file, Math.Max(e.Line, 1), Math.Max(column, 1), rule, "", e.Problem));
            return null;
        }

        if (parsed is not YamlMappingNode root)
        {
            problems.Add(new Diagnostic(file, 1, 1, Rules.WrongType, "", "expected a mapping of keys to values at the top level"));
            return null;
        }

        return new Node(file, root, "", problems);
    }

    private string Join(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    private bool? Fail(string key, string message)
    {
        Get(key)!.Report(Rules.InvalidValue, message);
        return null;
    }
}
