using TradeAccord.Sources.Documents;

namespace TradeAccord.Sources.References;

/// <summary>The text a <see cref="DocumentRef"/> stands for.</summary>
public static class DocumentTexts
{
    /// <summary>The document's text: a shipped file, a user's file (read with the size and type checks of
    /// <see cref="DocumentText"/>), or the text sent.</summary>
    /// <exception cref="SourceException">A user's file is missing, not a regular file, or too large.</exception>
    public static string Of(BuiltInDocuments builtIn, DocumentRef document)
    {
        ArgumentNullException.ThrowIfNull(builtIn);
        return document switch
        {
            DocumentRef.BuiltIn shipped => DocumentText.ReadFile(builtIn.PathOf(shipped), DisplayName(shipped)),
            DocumentRef.LocalFile file => DocumentText.ReadFile(file.Path, file.Path),
            DocumentRef.Inline inline => inline.Text,
            _ => throw new ArgumentOutOfRangeException(nameof(document), document, null),
        };
    }

    /// <summary>How a document is named in its problems: a shipped one by its place (<c>scenarios/phase-one.yaml</c>).</summary>
    public static string DisplayName(DocumentRef document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document is DocumentRef.BuiltIn shipped ? $"{Folder(shipped.Kind)}/{shipped.Name}.yaml" : document.Label;
    }

    /// <summary>The folder of a kind's shipped documents, as named in messages.</summary>
    public static string Folder(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Scenario => "scenarios",
        ReferenceKind.Agreement => "agreements",
        _ => "negotiations",
    };
}
