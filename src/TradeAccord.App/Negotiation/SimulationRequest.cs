using TradeAccord.App.Requests;
using TradeAccord.Core.Negotiation;

namespace TradeAccord.App.Negotiation;

/// <summary>A simulated negotiation as either host asks: <see cref="Run"/> checks every field at once, then runs.</summary>
/// <param name="StrategyByParty">A strategy name per party (a party left out plays boulware).</param>
/// <param name="Seed">The seed (default 1): the same seed gives the same transcript.</param>
/// <param name="Rounds">The deadline in rounds (default 60, at most 10,000).</param>
public sealed record SimulationRequest(IReadOnlyDictionary<string, string> StrategyByParty, int? Seed, int? Rounds)
{
    /// <summary>The default deadline.</summary>
    public const int DefaultRounds = 60;

    /// <summary>The simulation and the strategies it ran, or every problem at once, named in <paramref name="style"/>.</summary>
    /// <exception cref="Core.Errors.ValidationException">One or more fields are wrong.</exception>
    public (SimulationResult Result, IReadOnlyList<INegotiationStrategy> Strategies, int Seed) Run(NegotiationDomain domain, FieldStyle style)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var fields = new Fields(style);
        if (Rounds is not (null or (>= 1 and <= 10_000)))
        {
            fields.Problem("rounds", $"{Rounds} is not valid: expected 1 to 10000 (default {DefaultRounds})");
        }

        foreach (var (party, name) in StrategyByParty)
        {
            if (domain.Parties.All(p => p.Party != party))
            {
                fields.Problem("strategy", $"{party}={name}: {party} is not a party of {domain.Id}: expected {string.Join(" or ", domain.Parties.Select(p => p.Party))}");
            }
            else if (Strategies.Named(name) is null)
            {
                fields.Problem("strategy", $"{party}={name}: '{name}' is not a strategy: expected one of {string.Join(", ", Strategies.Names)}");
            }
        }

        fields.ThrowIfInvalid();
        var strategies = domain.Parties.Select(p => Strategies.Named(StrategyByParty.GetValueOrDefault(p.Party, "boulware"))!).ToList();
        var seed = Seed ?? 1;
        return (Simulation.Run(OutcomeSpace.Of(domain), strategies, Rounds ?? DefaultRounds, seed), strategies, seed);
    }
}
