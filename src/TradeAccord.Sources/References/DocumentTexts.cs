using System.Text.RegularExpressions;

namespace TradeAccord.Sources.References;

/// <summary>The text a <see cref="DocumentRef"/> stands for.</summary>
public static partial class DocumentTexts
{
    /// <summary>The document's text: a shipped file, a user's file (read with the size and type checks of
    /// <see cref="DocumentFile"/>), or the text sent.</summary>
    /// <exception cref="SourceException">A user's file is missing, not a regular file, or too large.</exception>
    public static string Of(BuiltInDocuments builtIn, DocumentRef document)
    {
        ArgumentNullException.ThrowIfNull(builtIn);
        return document switch
        {
            DocumentRef.BuiltIn shipped => DocumentFile.ReadText(builtIn.PathOf(shipped), $"{Folder(shipped.Kind)}/{shipped.Name}.yaml"),
            DocumentRef.LocalFile file => DocumentFile.ReadText(file.Path, file.Path),
            DocumentRef.Inline inline => inline.Text,
            _ => throw new ArgumentOutOfRangeException(nameof(document), document, null),
        };
    }

    /// <summary>Whether YAML <paramref name="text"/> is an agreement (its first key is <c>agreement</c>).</summary>
    public static bool IsAgreement(string text) => AgreementKey().IsMatch(text);

    /// <summary>The folder of a kind's shipped documents, as named in messages.</summary>
    public static string Folder(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Scenario => "scenarios",
        ReferenceKind.Agreement => "agreements",
        _ => "negotiations",
    };

    [GeneratedRegex(@"\A(\s*#[^\n]*\n|\s*\n)*agreement\s*:", RegexOptions.CultureInvariant)]
    private static partial Regex AgreementKey();
}
