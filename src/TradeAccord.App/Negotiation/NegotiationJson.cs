using TradeAccord.Core.Negotiation;

namespace TradeAccord.App.Negotiation;

/// <summary>The JSON shapes of negotiation analyses, shared by the CLI and the API.</summary>
public static class NegotiationJson
{
    /// <summary>An outcome with both utilities.</summary>
    public static object? Point(NegotiationDomain domain, Point? p) => p is { } x && domain is not null
        ? new { outcome = domain.Describe(domain.Decode(x.Index)), utilities = new Dictionary<string, double> { [domain.Parties[0].Party] = Round(x.First), [domain.Parties[1].Party] = Round(x.Second) } }
        : null;

    /// <summary>Rounds a utility for output.</summary>
    public static double Round(double value) => Math.Round(value, 4);

    /// <summary><c>{outcomes, pareto, nash, kalaiSmorodinsky, maxWelfare, reservation, zopa}</c> and more.</summary>
    public static object Analysis(NegotiationDomain domain, BargainingAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(analysis);
        return new
        {
            negotiation = domain.Id,
            outcomes = analysis.Outcomes,
            outcomesBeforeConstraints = domain.Size,
            pareto = analysis.Pareto.Select(p => Point(domain, p)),
            nash = Point(domain, analysis.Nash),
            kalaiSmorodinsky = Point(domain, analysis.KalaiSmorodinsky),
            maxWelfare = Point(domain, analysis.MaxWelfare),
            reservation = domain.Parties.ToDictionary(p => p.Party, p => p.Reservation),
            zopa = analysis.Zopa,
            acceptableToBoth = analysis.AcceptableToBoth,
            derived = domain.Parties.SelectMany(p => p.Derived.Select(d => new { party = p.Party, issue = d.Key, how = d.Value })),
        };
    }

    /// <summary>An offer's evaluation.</summary>
    public static object Evaluation(NegotiationDomain domain, IReadOnlyList<int> offer, IReadOnlyList<Point> better)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(better);
        var utilities = domain.Parties.Select((p, i) => (p.Party, Utility: domain.Utility(i, offer), p.Reservation)).ToList();
        return new
        {
            offer = domain.Describe(offer),
            allowed = domain.Allows(offer),
            utilities = utilities.ToDictionary(u => u.Party, u => Round(u.Utility)),
            acceptable = utilities.ToDictionary(u => u.Party, u => u.Utility >= u.Reservation),
            paretoDominated = better.Count > 0,
            improvements = better.Select(p => new { changed = Bargaining.Changed(domain.Decode(p.Index), offer), point = Point(domain, p) }),
        };
    }

    /// <summary><c>{agreement, rounds, utilities, transcript}</c>.</summary>
    public static object Simulation(NegotiationDomain domain, SimulationResult result, IReadOnlyList<INegotiationStrategy> strategies, int seed)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(strategies);
        return new
        {
            agreement = result.Agreement is { } a ? domain.Describe(domain.Decode(a)) : null,
            rounds = result.Rounds,
            utilities = domain.Parties.Select((p, i) => (p.Party, i)).ToDictionary(x => x.Party, x => Round(result.Utilities[x.i])),
            strategies = domain.Parties.Select((p, i) => (p.Party, i)).ToDictionary(x => x.Party, x => strategies[x.i].Name),
            seed,
            transcript = result.Transcript.Select(o => new
            {
                round = o.Round, party = o.Party, offer = domain.Describe(domain.Decode(o.Outcome)),
                utilities = new Dictionary<string, double> { [domain.Parties[0].Party] = Round(o.First), [domain.Parties[1].Party] = Round(o.Second) },
                accepted = o.Accepted,
            }),
        };
    }

    /// <summary>One party's private preferences.</summary>
    public static object Profile(NegotiationDomain domain, Preferences p)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(p);
        return new { party = p.Party, reservation = p.Reservation, weights = p.Weights, values = p.Values, derived = p.Derived };
    }
}
