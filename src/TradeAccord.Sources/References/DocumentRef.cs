namespace TradeAccord.Sources.References;

/// <summary>
/// Which scenario, agreement or negotiation a user means. Strings from outside become one of three forms, and only
/// the command line can make the one that opens a file:
/// <list type="bullet">
/// <item><see cref="BuiltIn"/>: a shipped document, by its name (<c>phase-one</c>, <c>positions-2019-11/us</c>);</item>
/// <item><see cref="LocalFile"/>: a file the user named on the command line (banned in the server's code);</item>
/// <item><see cref="Inline"/>: a document's text sent with a request, read like a file but never written or cached.</item>
/// </list>
/// </summary>
public abstract record DocumentRef
{
    private protected DocumentRef(ReferenceKind kind) => Kind = kind;

    /// <summary>What kind of document is meant.</summary>
    public ReferenceKind Kind { get; }

    /// <summary>How the document is named in answers (never a server path).</summary>
    public abstract string Label { get; }

    /// <summary>A shipped document.</summary>
    public sealed record BuiltIn : DocumentRef
    {
        internal BuiltIn(ReferenceKind kind, string name)
            : base(kind) => Name = name;

        /// <summary>The name, relative to the kind's folder, without <c>.yaml</c>.</summary>
        public string Name { get; }

        /// <inheritdoc />
        public override string Label => Name;
    }

    /// <summary>A file named on the command line.</summary>
    public sealed record LocalFile : DocumentRef
    {
        internal LocalFile(ReferenceKind kind, string path)
            : base(kind) => Path = path;

        /// <summary>The path as the user gave it.</summary>
        public string Path { get; }

        /// <inheritdoc />
        public override string Label => Path;
    }

    /// <summary>A document sent with a request.</summary>
    public sealed record Inline : DocumentRef
    {
        internal Inline(ReferenceKind kind, string text, string label)
            : base(kind)
        {
            Text = text;
            Label = label;
        }

        /// <summary>The document's text (YAML, or JSON, which is YAML too).</summary>
        public string Text { get; }

        /// <inheritdoc />
        public override string Label { get; }
    }
}
