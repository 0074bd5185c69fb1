namespace TradeAccord.Core.Agreements;

/// <summary>Where a provision comes from: a document declared in the agreement file, and the place in it.</summary>
/// <param name="Document">Id of a document in <see cref="Agreement.Documents"/>.</param>
/// <param name="Article">Article, paragraph or page, if the document has them.</param>
/// <param name="Quote">The words relied on, when short enough to quote.</param>
public sealed record SourceRef(string Document, string? Article = null, string? Quote = null)
{
    /// <inheritdoc/>
    public override string ToString() => Article is null ? Document : $"{Document}, {Article}";
}

/// <summary>A document that provisions cite.</summary>
/// <param name="Id">Short id used by <see cref="SourceRef.Document"/>.</param>
/// <param name="Title">Full title.</param>
/// <param name="Publisher">Who published it.</param>
/// <param name="Published">Publication date, if known.</param>
/// <param name="Url">Where it can be read, if online.</param>
/// <param name="Kind">Agreement text, notice, statement or news report.</param>
public sealed record AgreementDocument(string Id, string Title, string Publisher, DateOnly? Published, string? Url, DocumentKind Kind);

/// <summary>What sort of document a source is.</summary>
public enum DocumentKind
{
    /// <summary>The agreement's own text.</summary>
    AgreementText,

    /// <summary>An official notice (Federal Register, tariff commission announcement).</summary>
    Notice,

    /// <summary>An official statement or fact sheet.</summary>
    Statement,

    /// <summary>A news report.</summary>
    News,
}
