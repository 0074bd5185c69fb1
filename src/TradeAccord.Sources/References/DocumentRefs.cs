using TradeAccord.Core.Errors;

namespace TradeAccord.Sources.References;

/// <summary>Turns what a user typed into a <see cref="DocumentRef"/>: the only place such strings are interpreted.</summary>
public static partial class DocumentRefs
{
    /// <summary>The most text a posted document may have: the same limit as a document file.</summary>
    public const int MaxInlineChars = Documents.DocumentLimits.MaxBytes;

    /// <summary>
    /// A name from a request: a shipped document or nothing. No file is looked at, so the answer is the same
    /// whatever exists on the server, and the error names the field, never the value's target.
    /// </summary>
    /// <exception cref="ValidationException">Not a shipped name.</exception>
    public static DocumentRef.BuiltIn FromRequest(BuiltInDocuments builtIn, ReferenceKind kind, string field, string name)
    {
        ArgumentNullException.ThrowIfNull(builtIn);
        return builtIn.Find(kind, name)
               ?? throw new ValidationException(field,
                   $"is not a built-in {BuiltInDocuments.Noun(kind)}: expected one of {string.Join(", ", builtIn.Names(kind))}, or the document itself in the request body");
    }

    /// <summary>
    /// Whether <paramref name="name"/> could name a shipped document at all: lower-case words and folders, no dots,
    /// no leading slash. Anything else is a malformed request rather than an unknown document.
    /// </summary>
    public static bool IsWellFormedName(string? name) => name is { Length: > 0 and <= 200 } && WellFormedName().IsMatch(name);

    /// <summary>A document sent with a request, checked for size; its label is the field it came in.</summary>
    /// <exception cref="ValidationException">Empty or too large.</exception>
    public static DocumentRef.Inline FromText(ReferenceKind kind, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ValidationException(field, $"is empty: expected a {BuiltInDocuments.Noun(kind)} document (YAML or JSON)");
        }

        return text.Length > MaxInlineChars
            ? throw new ValidationException(field, $"is {text.Length:N0} characters: expected at most {MaxInlineChars:N0}")
            : new DocumentRef.Inline(kind, text, field);
    }

    /// <summary>
    /// A value from the command line: a shipped name (also as <c>scenarios/x.yaml</c>-style relative spellings) or a
    /// file that exists.
    /// </summary>
    /// <exception cref="ValidationException">Neither.</exception>
    public static DocumentRef FromCommandLine(BuiltInDocuments builtIn, ReferenceKind kind, string option, string value)
    {
        ArgumentNullException.ThrowIfNull(builtIn);
        ArgumentNullException.ThrowIfNull(value);
        // As before references were typed: a built-in scenario name wins over a file of that name in the working
        // directory; an agreement or negotiation file wins over a built-in name.
        var name = ShippedSpelling(kind, value);
        if (builtIn.Find(kind, name) is { } shipped && (kind == ReferenceKind.Scenario || !File.Exists(value)))
        {
            return shipped;
        }

        if (File.Exists(value))
        {
            return new DocumentRef.LocalFile(kind, value);
        }

        throw new ValidationException(option,
            $"'{value}': no such {BuiltInDocuments.Noun(kind)}: expected a file or one of {string.Join(", ", builtIn.Names(kind))}");
    }

    // "negotiations/us-china-2019-11.yaml" and "us-china-2019-11" name the same shipped document.
    private static string ShippedSpelling(ReferenceKind kind, string value)
    {
        var folder = DocumentTexts.Folder(kind) + "/";
        var name = value.StartsWith(folder, StringComparison.Ordinal) ? value[folder.Length..] : value;
        return name.EndsWith(".yaml", StringComparison.Ordinal) ? name[..^".yaml".Length] : name;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\A[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)*\z", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex WellFormedName();
}
