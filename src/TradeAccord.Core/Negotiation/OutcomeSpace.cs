namespace TradeAccord.Core.Negotiation;

/// <summary>
/// Every allowed outcome of a domain with both parties' utilities, as flat arrays: the frontier and the bargaining
/// solutions are scans and one sort over them. Utilities are additive, so each outcome costs one pass over the issues.
/// </summary>
public sealed class OutcomeSpace
{
    private OutcomeSpace(NegotiationDomain domain, long[] indexes, double[] first, double[] second)
    {
        Domain = domain;
        Indexes = indexes;
        First = first;
        Second = second;
    }

    /// <summary>The domain.</summary>
    public NegotiationDomain Domain { get; }

    /// <summary>The allowed outcomes' indexes.</summary>
    public long[] Indexes { get; }

    /// <summary>Utility to the first party, per outcome.</summary>
    public double[] First { get; }

    /// <summary>Utility to the second party, per outcome.</summary>
    public double[] Second { get; }

    /// <summary>The number of allowed outcomes.</summary>
    public int Count => Indexes.Length;

    /// <summary>Enumerates and scores every outcome the constraints allow.</summary>
    public static OutcomeSpace Of(NegotiationDomain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var size = domain.Size;
        if (size > 200_000_000)
        {
            throw new ArgumentException($"{domain.Id} has {size:N0} outcomes: more than this analysis enumerates", nameof(domain));
        }

        // Per issue and option, each party's weighted value: the utility is then a sum of table lookups.
        var w0 = Table(domain, 0);
        var w1 = Table(domain, 1);
        var indexes = new List<long>();
        var first = new List<double>();
        var second = new List<double>();
        var choice = new int[domain.Issues.Count];
        for (long index = 0; index < size; index++)
        {
            if (index > 0)
            {
                Increment(domain, choice);
            }

            if (!domain.Allows(choice))
            {
                continue;
            }

            double u0 = 0, u1 = 0;
            for (var i = 0; i < choice.Length; i++)
            {
                u0 += w0[i][choice[i]];
                u1 += w1[i][choice[i]];
            }

            indexes.Add(index);
            first.Add(u0);
            second.Add(u1);
        }

        return new OutcomeSpace(domain, [.. indexes], [.. first], [.. second]);
    }

    /// <summary>Per issue and option, party <paramref name="party"/>'s weight × value.</summary>
    public static double[][] Table(NegotiationDomain domain, int party)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var p = domain.Parties[party];
        return [.. domain.Issues.Select(issue => issue.Options.Select(o => p.Weights[issue.Id] * p.Values[issue.Id][o]).ToArray())];
    }

    private static void Increment(NegotiationDomain domain, int[] choice)
    {
        for (var i = choice.Length - 1; i >= 0; i--)
        {
            if (++choice[i] < domain.Issues[i].Options.Count)
            {
                return;
            }

            choice[i] = 0;
        }
    }
}
