using TradeAccord.App.Requests;
using TradeAccord.Sources.References;

namespace TradeAccord.App.Cases;

/// <summary>An appeal as either host receives it: <see cref="Open"/> checks every field at once, then files it.</summary>
/// <param name="Complainant">The complaining party (the office's own party on the server).</param>
/// <param name="Respondent">The party complained against.</param>
/// <param name="Article">The article said not to be kept.</param>
/// <param name="Summary">The complaint in a sentence.</param>
/// <param name="At">The date of the appeal, yyyy-MM-dd.</param>
/// <param name="Today">The date used when <paramref name="At"/> is absent; null makes the date required.</param>
/// <param name="Confidential">Whether only the two offices may read the case.</param>
/// <param name="Agreement">The agreement the case runs under.</param>
public sealed record CaseOpening(string? Complainant, string? Respondent, string? Article, string? Summary, string? At, DateOnly? Today, bool Confidential,
    DocumentRef Agreement)
{
    /// <summary>Files the appeal, or reports every problem at once, named in <paramref name="style"/>.</summary>
    /// <exception cref="Core.Errors.ValidationException">One or more fields are wrong.</exception>
    /// <exception cref="CaseException">The parties or the process do not allow it.</exception>
    public CaseView Open(CaseService cases, FieldStyle style)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var fields = new Fields(style);
        fields.Length("respondent", Respondent, Fields.MaxWord);
        fields.Length("article", Article, Fields.MaxWord);
        fields.Length("summary", Summary, Fields.MaxText);
        fields.Length("at", At, Fields.MaxWord);
        if (fields.Has("respondent") || fields.Has("at"))
        {
            fields.ThrowIfInvalid();
        }

        var complainant = fields.Country("complainant", Complainant);
        var respondent = fields.Country("respondent", Respondent);
        if (string.IsNullOrWhiteSpace(Summary))
        {
            fields.Problem("summary", "is required: the complaint in a sentence");
        }

        var at = fields.RecordDate("at", Today is { } today ? fields.OptionalDate("at", At) ?? today : fields.Date("at", At));
        fields.ThrowIfInvalid();
        return cases.Open(Agreement, complainant, respondent, Article, Summary!, at, Confidential);
    }
}
