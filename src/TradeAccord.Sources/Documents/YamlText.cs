using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TradeAccord.Sources.Documents;

/// <summary>
/// Parses YAML (or JSON, which YAML reads as well) for every reader here, within <see cref="DocumentLimits"/>:
/// the size is checked first, and the nesting and aliases while parsing (<see cref="GuardedYamlParser"/>).
/// </summary>
internal static class YamlText
{
    /// <summary>The root node of the first document in <paramref name="text"/>, or null when there is none.</summary>
    /// <exception cref="SourceException">
    /// The text is too large, nested too deep, uses aliases, or is not valid YAML (then with the
    /// <see cref="YamlException"/> as its inner exception).
    /// </exception>
    public static YamlNode? ParseRoot(string text, string displayName)
    {
        DocumentText.CheckSize(text, displayName);
        var stream = new YamlStream();
        var parser = new GuardedYamlParser(new Parser(new StringReader(text)), displayName, DocumentLimits.MaxNesting);
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            throw new SourceException(displayName, (int)e.Start.Line, null, $"is not valid YAML: {Innermost(e).Message}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet fails this way on some malformed input, found by fuzzing: its scanner on a plain scalar after
            // a flow collection opened at a line's end (": {\nx"), its parser on a tag that is not a URI, its tree on
            // an event it did not expect. Still the document's fault, so still its error, at the last line read.
            throw new SourceException(displayName, parser.LastLine, null, "is not valid YAML: a value cannot be read where it stands", e);
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    // The representation model wraps the parser's error in one of its own that says less.
    private static YamlException Innermost(YamlException e) => e.InnerException is YamlException inner ? inner : e;
}
