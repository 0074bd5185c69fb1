namespace TradeAccord.Sources.Agreements;

/// <summary>
/// One problem in a file: where (file:line:column and the path of keys), which rule it breaks, and what was
/// expected. Validation collects all of them rather than stopping at the first.
/// </summary>
/// <param name="File">The file, as named to the user.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Rule">Short rule name, e.g. "unknown-measure".</param>
/// <param name="Path">Path of keys to the value, e.g. "tariffs[1].measure".</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record Diagnostic(string File, int Line, int Column, string Rule, string Path, string Message)
{
    /// <summary>E.g. <c>agreements/x.yaml:12:14: error [unknown-measure] tariffs[1].measure: ...</c>.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: error [{Rule}] {(Path.Length == 0 ? "" : Path + ": ")}{Message}";
}

/// <summary>The rules agreement files are checked against.</summary>
public static class Rules
{
    /// <summary>The file is not valid YAML.</summary>
    public const string YamlSyntax = "yaml-syntax";

    /// <summary>Two parts of the file state the same thing differently.</summary>
    public const string Inconsistent = "inconsistent";

    /// <summary>The file does not exist or cannot be read.</summary>
    public const string Unreadable = "unreadable";

    /// <summary>
    /// The document is refused before it is read: not a regular file, or beyond what a document may hold (its size,
    /// its nesting, YAML aliases; see <see cref="Documents.DocumentLimits"/>).
    /// </summary>
    public const string Refused = "refused";

    /// <summary>A required key is absent.</summary>
    public const string MissingField = "missing-field";

    /// <summary>A key the format does not know (often a typo).</summary>
    public const string UnknownKey = "unknown-key";

    /// <summary>A list where a value was expected, or the reverse.</summary>
    public const string WrongType = "wrong-type";

    /// <summary>A value outside its vocabulary or range.</summary>
    public const string InvalidValue = "invalid-value";

    /// <summary>A date that is not yyyy-MM-dd.</summary>
    public const string InvalidDate = "invalid-date";

    /// <summary>Dates in the wrong order.</summary>
    public const string DateOrder = "date-order";

    /// <summary>Two items with the same id.</summary>
    public const string DuplicateId = "duplicate-id";

    /// <summary>A measure id the tariff engine does not have.</summary>
    public const string UnknownMeasure = "unknown-measure";

    /// <summary>A tariff obligation on a measure of another importer than the party bound.</summary>
    public const string PartyMismatch = "party-mismatch";

    /// <summary>A party not among the agreement's parties.</summary>
    public const string UnknownParty = "unknown-party";

    /// <summary>A provision without a source.</summary>
    public const string MissingSource = "missing-source";

    /// <summary>A source naming a document the file does not declare.</summary>
    public const string UnknownDocument = "unknown-document";

    /// <summary>A provision marked documented whose only source is a news report.</summary>
    public const string EvidenceMismatch = "evidence-mismatch";

    /// <summary>A reference to a provision or stage that does not exist.</summary>
    public const string DanglingReference = "dangling-reference";

    /// <summary>A purchase category not in the product mapping.</summary>
    public const string UnknownCategory = "unknown-category";

    /// <summary>A purchase subcategory not in its category.</summary>
    public const string UnknownSubcategory = "unknown-subcategory";

    /// <summary>A data series not declared in the file.</summary>
    public const string UnknownSeries = "unknown-series";

    /// <summary>Targets that do not match the commitment's form.</summary>
    public const string FormMismatch = "form-mismatch";

    /// <summary>A product mapping file that cannot be read.</summary>
    public const string UnknownProducts = "unknown-products";
}
