using TradeAccord.Core.Errors;
using System.Text.RegularExpressions;
using TradeAccord.Core.Agreements;
using TradeAccord.Core.Scenarios;
using TradeAccord.Sources.Documents;
using TradeAccord.Sources.References;

namespace TradeAccord.Sources.Agreements;

/// <summary>Finding, reading and converting agreement files.</summary>
public static partial class AgreementFiles
{
    /// <summary>The published JSON Schema of the agreement format.</summary>
    public static string Schema
    {
        get
        {
            using var stream = typeof(AgreementFiles).Assembly.GetManifestResourceStream("TradeAccord.Sources.agreement.schema.json")
                ?? throw new InvalidOperationException("The agreement schema is not embedded in the assembly.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>
    /// Whether the YAML file at <paramref name="path"/> is an agreement (its first key is <c>agreement</c>). A file that
    /// cannot be read safely is not one: whichever reader is used next says why.
    /// </summary>
    public static bool IsAgreement(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            return IsAgreementText(DocumentText.ReadFile(path, path));
        }
        catch (SourceException)
        {
            return false;
        }
    }

    /// <summary>Whether YAML <paramref name="text"/> is an agreement (its first key is <c>agreement</c>).</summary>
    public static bool IsAgreementText(string text) => AgreementKey().IsMatch(text);

    /// <summary>
    /// The path of an agreement named on the command line: a file, or a name under the agreements folder
    /// (<c>us-china-phase-one</c>, <c>positions-2019-11/us</c>).
    /// </summary>
    /// <exception cref="SourceException">Neither exists.</exception>
    public static string Resolve(string nameOrPath, DataPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (File.Exists(nameOrPath))
        {
            return nameOrPath;
        }

        var named = Path.Combine(paths.Agreements, nameOrPath + ".yaml");
        if (File.Exists(named))
        {
            return named;
        }

        throw new SourceException(nameOrPath, 0, null, $"no such agreement: expected a file or one of {string.Join(", ", new BuiltInDocuments(paths).Names(ReferenceKind.Agreement))}");
    }

    /// <summary>Reads an agreement that must be valid.</summary>
    /// <exception cref="AgreementException">The file has problems; the exception lists them all.</exception>
    public static Agreement ReadValid(string path, AgreementContext context, string? displayName = null)
    {
        var read = AgreementReader.Read(path, context, displayName);
        return read.Agreement ?? throw new AgreementException(read.Problems);
    }

    /// <summary>Reads the agreement <paramref name="agreement"/> refers to, which must be valid.</summary>
    /// <exception cref="AgreementException">It has problems; the exception lists them all.</exception>
    public static Agreement ReadValid(ScheduleLoader loader, DocumentRef agreement)
    {
        ArgumentNullException.ThrowIfNull(loader);
        ArgumentNullException.ThrowIfNull(agreement);
        return ParseValid(DocumentTexts.Of(loader.Documents, agreement), DocumentTexts.DisplayName(agreement), loader.AgreementContext);
    }

    /// <summary>Reads an agreement from YAML or JSON <paramref name="text"/> (e.g. a request body) that must be valid.</summary>
    /// <param name="text">The document.</param>
    /// <param name="displayName">The name problems give the document, e.g. "body".</param>
    /// <param name="context">What the agreement is checked against.</param>
    /// <exception cref="AgreementException">
    /// The text has problems (being too large or nested too deep among them); the exception lists them all.
    /// </exception>
    public static Agreement ParseValid(string text, string displayName, AgreementContext context)
    {
        var read = AgreementReader.Parse(text, displayName, context);
        return read.Agreement ?? throw new AgreementException(read.Problems);
    }

    /// <summary>The scenario of an agreement file's tariff obligations (see <see cref="AgreementOverlay"/>).</summary>
    /// <exception cref="AgreementException">The file has problems.</exception>
    public static Scenario ToScenario(string path, AgreementContext context) => ToScenario(ReadValid(path, context, path), path);

    /// <summary>The scenario of an agreement document's tariff obligations, named <paramref name="displayName"/> in errors.</summary>
    /// <exception cref="AgreementException">The document has problems.</exception>
    public static Scenario ToScenario(string text, string displayName, AgreementContext context)
    {
        var read = AgreementReader.Parse(text, displayName, context);
        return ToScenario(read.Agreement ?? throw new AgreementException(read.Problems), displayName);
    }

    private static Scenario ToScenario(Agreement agreement, string displayName)
    {
        var name = Path.GetFileNameWithoutExtension(displayName);
        return AgreementOverlay.ToScenario(agreement, agreement.PositionOf is null ? agreement.Id : $"{agreement.Id}-{name}", out _);
    }

    // Blank and comment lines, then the key. Each line is matched one way only (spaces never cross a newline): an
    // ambiguous pattern here backtracked exponentially, taking seconds on two dozen blank lines.
    [GeneratedRegex(@"\A(?:[^\S\n]*(?:#[^\n]*)?\n)*agreement[^\S\n]*:", RegexOptions.CultureInvariant)]
    private static partial Regex AgreementKey();
}

/// <summary>An agreement file with problems, listing every one.</summary>
public sealed class AgreementException : AccordException
{
    /// <summary>Creates the exception.</summary>
    public AgreementException(IReadOnlyList<Diagnostic> problems)
        : base(ErrorKind.InvalidDocument, string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    /// <summary>The problems.</summary>
    public IReadOnlyList<Diagnostic> Problems { get; }
}
