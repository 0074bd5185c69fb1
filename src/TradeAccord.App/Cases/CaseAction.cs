using TradeAccord.App.Requests;
using TradeAccord.Core.Common;
using TradeAccord.Core.Enforcement;

namespace TradeAccord.App.Cases;

/// <summary>An action on a case as either host receives it: <see cref="Take"/> checks every field at once, then acts.</summary>
/// <param name="Action">The action, one of those the case's stage permits.</param>
/// <param name="At">The date of the action, yyyy-MM-dd.</param>
/// <param name="Today">The date used when <paramref name="At"/> is absent; null makes the date required.</param>
/// <param name="Note">Free text recorded with the action.</param>
public sealed record CaseAction(string? Action, string? At, DateOnly? Today, string? Note)
{
    /// <summary>Takes the action on case <paramref name="id"/> for <paramref name="by"/>, or reports every problem at once.</summary>
    /// <exception cref="Core.Errors.ValidationException">One or more fields are wrong.</exception>
    public (CaseView View, Step Step) Take(CaseService cases, string id, CountryCode? by, FieldStyle style)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var fields = new Fields(style);
        fields.Length("action", Action, Fields.MaxWord);
        fields.Length("note", Note, Fields.MaxText);
        fields.Length("at", At, Fields.MaxWord);
        if (fields.Has("at"))
        {
            fields.ThrowIfInvalid();
        }

        if (string.IsNullOrWhiteSpace(Action))
        {
            fields.Problem("action", "is required: expected one of the actions permitted in the case's stage (a case's view lists them)");
        }

        var at = fields.RecordDate("at", Today is { } today ? fields.OptionalDate("at", At) ?? today : fields.Date("at", At));
        fields.ThrowIfInvalid();
        return cases.Advance(id, Action!, by, at, Note);
    }
}
