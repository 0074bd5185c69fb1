using System.Globalization;
using TradeAccord.Core.Common;
using TradeAccord.Core.Errors;

namespace TradeAccord.App.Requests;

/// <summary>Field checks shared by every request's validator: each records its problem and returns what it parsed.</summary>
/// <param name="style">How the host names fields.</param>
/// <param name="problems">Problems the host found already (e.g. with references), reported together with these.</param>
public sealed class Fields(FieldStyle style, Validator? problems = null)
{
    private readonly Validator _problems = problems ?? new Validator();

    /// <summary>Whether a problem with <paramref name="field"/> was recorded.</summary>
    public bool Has(string field) => _problems.Has(Name(field));

    /// <summary>The host's spelling of <paramref name="field"/>.</summary>
    public string Name(string field) => style.Spell(field);

    /// <summary>Records a problem with <paramref name="field"/>.</summary>
    public void Problem(string field, string message) => _problems.Add(Name(field), message);

    /// <summary>A required ISO date.</summary>
    public DateOnly Date(string field, string? text)
    {
        if (text is null)
        {
            Problem(field, "is required: expected a date, yyyy-MM-dd");
            return default;
        }

        return OptionalDate(field, text) ?? default;
    }

    /// <summary>An optional ISO date.</summary>
    public DateOnly? OptionalDate(string field, string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Problem(field, $"'{text}' is not a date: expected yyyy-MM-dd");
        return null;
    }

    /// <summary>The first and last day a dispute's record may carry: its deadlines, years of days later, must still be dates.</summary>
    public static readonly (DateOnly First, DateOnly Last) RecordDates = (new(1990, 1, 1), new(2100, 12, 31));

    /// <summary>Records a problem when <paramref name="date"/> lies outside <see cref="RecordDates"/>.</summary>
    public DateOnly RecordDate(string field, DateOnly date)
    {
        if (!Has(field) && (date < RecordDates.First || date > RecordDates.Last))
        {
            Problem(field, $"{date:yyyy-MM-dd} is outside the dates a case may carry: expected {RecordDates.First:yyyy-MM-dd} to {RecordDates.Last:yyyy-MM-dd}");
        }

        return date;
    }

    /// <summary>A required country code.</summary>
    public CountryCode Country(string field, string? text)
    {
        var parsed = CountryCode.Parse(text ?? "");
        if (parsed.TryGetValue(out var country))
        {
            return country;
        }

        Problem(field, text is null ? "is required: expected an ISO 3166 alpha-2 code such as CN" : parsed.Error!);
        return default;
    }

    /// <summary>The most characters of free text a field holds (a case's summary, an action's note).</summary>
    public const int MaxText = 4_000;

    /// <summary>The most characters of a short field (a party, an article, an action's name).</summary>
    public const int MaxWord = 200;

    /// <summary>
    /// Records a problem when <paramref name="text"/> is longer than <paramref name="max"/> characters: whatever a
    /// field holds is stored in the case and sent to every reader, so its size is bounded where it comes in.
    /// </summary>
    public void Length(string field, string? text, int max)
    {
        if (text?.Length > max)
        {
            Problem(field, $"is {text.Length:N0} characters long: expected at most {max:N0}");
        }
    }

    /// <summary>Runs <paramref name="check"/> (e.g. resolving a reference), recording its problems instead of stopping.</summary>
    public T? Try<T>(Func<T> check) => _problems.Try(check);

    /// <summary>Throws every problem recorded, or returns when there is none.</summary>
    /// <exception cref="ValidationException">At least one problem.</exception>
    public void ThrowIfInvalid() => _problems.ThrowIfInvalid();
}
