namespace TradeAccord.Core.Negotiation;

/// <summary>An issue on the table and its options, in order.</summary>
/// <param name="Id">Short id, e.g. "farm-purchases".</param>
/// <param name="Title">What it is.</param>
/// <param name="Options">The values it can take (labels as written in offers).</param>
public sealed record Issue(string Id, string Title, IReadOnlyList<string> Options);

/// <summary>
/// A party's private preferences: a weight per issue (summing to 1), a value in [0, 1] per option of each issue,
/// and the utility of walking away (its reservation value: what escalation leaves it).
/// </summary>
/// <param name="Party">The party.</param>
/// <param name="Weights">Weight per issue id.</param>
/// <param name="Values">Value per issue id and option label.</param>
/// <param name="Reservation">Utility of no agreement.</param>
/// <param name="Derived">How derived values were computed, per issue id (empty for typed-in values).</param>
public sealed record Preferences(string Party, IReadOnlyDictionary<string, double> Weights,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Values, double Reservation,
    IReadOnlyDictionary<string, string> Derived);

/// <summary>
/// A linkage constraint: when <paramref name="Issue"/> takes one of <paramref name="When"/>, <paramref name="Requires"/>
/// must take one of <paramref name="Allowed"/> (e.g. a numeric commitment only if List 4A is cut at least by half).
/// </summary>
/// <param name="Id">Short id.</param>
/// <param name="Title">The rule in words.</param>
/// <param name="Issue">The issue that triggers it.</param>
/// <param name="When">The options of <paramref name="Issue"/> that trigger it.</param>
/// <param name="Requires">The issue constrained.</param>
/// <param name="Allowed">The options of <paramref name="Requires"/> allowed then.</param>
public sealed record Constraint(string Id, string Title, string Issue, IReadOnlyList<string> When, string Requires, IReadOnlyList<string> Allowed);

/// <summary>A bargaining domain: issues, two parties' preferences, and the constraints on outcomes.</summary>
/// <param name="Id">Short id.</param>
/// <param name="Title">What is negotiated.</param>
/// <param name="Issues">The issues.</param>
/// <param name="Parties">Exactly two parties' preferences (the first proposes first).</param>
/// <param name="Constraints">Linkage constraints.</param>
public sealed record NegotiationDomain(string Id, string Title, IReadOnlyList<Issue> Issues, IReadOnlyList<Preferences> Parties, IReadOnlyList<Constraint> Constraints)
{
    /// <summary>The number of outcomes before constraints: the product of the option counts.</summary>
    public long Size => Issues.Aggregate(1L, (n, i) => checked(n * i.Options.Count));

    /// <summary>The outcome with index <paramref name="index"/> (mixed-radix over the issues), as option indexes.</summary>
    public int[] Decode(long index)
    {
        var choice = new int[Issues.Count];
        for (var i = Issues.Count - 1; i >= 0; i--)
        {
            var count = Issues[i].Options.Count;
            choice[i] = (int)(index % count);
            index /= count;
        }

        return choice;
    }

    /// <summary>The index of an outcome given as option indexes.</summary>
    public long Encode(IReadOnlyList<int> choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        long index = 0;
        for (var i = 0; i < Issues.Count; i++)
        {
            index = index * Issues[i].Options.Count + choice[i];
        }

        return index;
    }

    /// <summary>Whether an outcome satisfies every constraint.</summary>
    public bool Allows(IReadOnlyList<int> choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        foreach (var c in Constraints)
        {
            var trigger = IndexOf(c.Issue);
            var constrained = IndexOf(c.Requires);
            if (c.When.Contains(Issues[trigger].Options[choice[trigger]], StringComparer.Ordinal)
                && !c.Allowed.Contains(Issues[constrained].Options[choice[constrained]], StringComparer.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The utility of an outcome to party <paramref name="party"/> (0 or 1).</summary>
    public double Utility(int party, IReadOnlyList<int> choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        var preferences = Parties[party];
        var utility = 0.0;
        for (var i = 0; i < Issues.Count; i++)
        {
            var issue = Issues[i];
            utility += preferences.Weights[issue.Id] * preferences.Values[issue.Id][issue.Options[choice[i]]];
        }

        return utility;
    }

    /// <summary>The position of issue <paramref name="id"/>.</summary>
    public int IndexOf(string id)
    {
        for (var i = 0; i < Issues.Count; i++)
        {
            if (Issues[i].Id == id)
            {
                return i;
            }
        }

        throw new ArgumentException($"'{id}' is not an issue of {Id}", nameof(id));
    }

    /// <summary>Parses an offer written <c>issue=option,...</c>; issues left out take their first option.</summary>
    public Common.Result<int[]> ParseOffer(string? text)
    {
        var choice = new int[Issues.Count];
        foreach (var pair in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2);
            var issue = parts.Length == 2 ? Issues.FirstOrDefault(i => i.Id == parts[0].Trim()) : null;
            if (issue is null)
            {
                return Common.Result<int[]>.Fail($"'{pair}': expected issue=option with an issue of {string.Join(", ", Issues.Select(i => i.Id))}");
            }

            var option = issue.Options.ToList().IndexOf(parts[1].Trim());
            if (option < 0)
            {
                return Common.Result<int[]>.Fail($"'{pair}': expected one of {string.Join(", ", issue.Options)}");
            }

            choice[IndexOf(issue.Id)] = option;
        }

        return Common.Result<int[]>.Ok(choice);
    }

    /// <summary>An outcome written as <c>issue=option,...</c>.</summary>
    public string Describe(IReadOnlyList<int> choice) =>
        string.Join(",", Issues.Select((issue, i) => $"{issue.Id}={issue.Options[choice[i]]}"));
}
