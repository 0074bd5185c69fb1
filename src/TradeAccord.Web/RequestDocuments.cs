using TradeAccord.Core.Errors;
using TradeAccord.Sources.References;

namespace TradeAccord.Web;

/// <summary>
/// The one place a request's scenario, agreement or negotiation becomes a <see cref="DocumentRef"/>: a built-in name,
/// or the document itself sent in the body. Never a path: this host cannot make a reference to a local file
/// (BannedSymbols.Server.txt).
/// </summary>
public static class RequestDocuments
{
    /// <summary>
    /// The largest JSON body an endpoint that takes a document reads: the document's own limit, with room for JSON
    /// escaping and the other fields. Larger bodies are refused before they are read.
    /// </summary>
    public const long MaxJsonBody = 3L * DocumentRefs.MaxInlineChars;

    /// <summary>
    /// The document named by <paramref name="nameField"/> or sent in <paramref name="documentField"/> (not both);
    /// null when neither was given.
    /// </summary>
    /// <exception cref="ValidationException">Both were given, the name is not a built-in one, or the document is empty or too large.</exception>
    public static DocumentRef? Optional(ServerState state, ReferenceKind kind, string nameField, string? name, string documentField, string? document)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (name is not null && document is not null)
        {
            throw new ValidationException(documentField, $"cannot be given with {nameField}: expected a built-in name or a document, not both");
        }

        return name is not null ? DocumentRefs.FromRequest(state.Loader.Documents, kind, nameField, name)
            : document is not null ? DocumentRefs.FromText(kind, documentField, document)
            : null;
    }

    /// <summary>A built-in document by name, for routes and query parameters that only name one.</summary>
    /// <exception cref="ValidationException">Not a built-in name.</exception>
    public static DocumentRef.BuiltIn Named(ServerState state, ReferenceKind kind, string field, string? name)
    {
        ArgumentNullException.ThrowIfNull(state);
        return DocumentRefs.FromRequest(state.Loader.Documents, kind, field, name ?? "");
    }
}
