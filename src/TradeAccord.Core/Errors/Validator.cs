namespace TradeAccord.Core.Errors;

/// <summary>Collects every problem with a request, then throws them together (or returns when there are none).</summary>
public sealed class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>Whether no problem was found so far.</summary>
    public bool IsValid => _errors.Count == 0;

    /// <summary>Whether a problem with <paramref name="field"/> was recorded.</summary>
    public bool Has(string field) => _errors.ContainsKey(field);

    /// <summary>Records a problem with <paramref name="field"/>.</summary>
    public Validator Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
        return this;
    }

    /// <summary>Records a problem with <paramref name="field"/> when <paramref name="failed"/> holds.</summary>
    public Validator When(bool failed, string field, string message) => failed ? Add(field, message) : this;

    /// <summary>Runs <paramref name="check"/>, recording a <see cref="ValidationException"/>'s problems instead of stopping.</summary>
    public T? Try<T>(Func<T> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            return check();
        }
        catch (ValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                foreach (var message in messages)
                {
                    Add(field, message);
                }
            }

            return default;
        }
    }

    /// <summary>Throws every recorded problem at once.</summary>
    /// <exception cref="ValidationException">There is at least one.</exception>
    public void ThrowIfInvalid()
    {
        if (!IsValid)
        {
            throw new ValidationException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }
}
