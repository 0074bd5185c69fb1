using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace TradeAccord.Sources.Documents;

/// <summary>
/// Passes the YAML parser's events on, refusing a document before it can hurt the process. The tree built from the
/// events recurses once per level of nesting, so levels are counted as they open: a document nested thousands deep is
/// refused at level 65, long before the stack could overflow. Aliases are refused too: a mapping key built from
/// aliases of aliases (the "billion laughs") takes exponential time to hash, and no format here needs them.
/// </summary>
internal sealed class GuardedYamlParser(IParser inner, string displayName, int maxNesting) : IParser
{
    private int _depth;

    /// <inheritdoc />
    public ParsingEvent? Current => inner.Current;

    /// <summary>The line of the last event passed on: where a failure of the parser itself happened.</summary>
    public int LastLine { get; private set; } = 1;

    /// <inheritdoc />
    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        LastLine = Line(inner.Current!);
        switch (inner.Current)
        {
            case MappingStart or SequenceStart when ++_depth > maxNesting:
                throw new SourceException(displayName, Line(inner.Current), null,
                    $"nests lists and mappings more than {maxNesting} deep: expected at most {maxNesting} levels");
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
            case AnchorAlias alias:
                throw new SourceException(displayName, Line(alias), null,
                    $"uses the alias *{alias.Value}: expected every value written out (anchors and aliases are not accepted)");
        }

        return true;
    }

    private static int Line(ParsingEvent e) => (int)e.Start.Line;
}
