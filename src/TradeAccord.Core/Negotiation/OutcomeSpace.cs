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

    /// <summary>
    /// Enumerates and scores every outcome the constraints allow. Each party's utilities are built issue by issue as
    /// one flat array (every outcome of the first k issues, extended by every option of the next), so the sums are
    /// added in the same order as <see cref="OfByOutcome"/> adds them and come out bit for bit the same, without a
    /// pass over the issues per outcome. Constraints, when there are any, then drop outcomes in one pass.
    /// </summary>
    public static OutcomeSpace Of(NegotiationDomain domain)
    {
        var size = CheckedSize(domain);
        var first = new double[size];
        var second = new double[size];
        Expand(Table(domain, 0), first);
        Expand(Table(domain, 1), second);
        var indexes = new long[size];
        if (domain.Constraints.Count == 0)
        {
            for (var index = 0; index < size; index++)
            {
                indexes[index] = index;
            }

            return new OutcomeSpace(domain, indexes, first, second);
        }

        // Keep the allowed outcomes in place, in index order.
        var rules = domain.Constraints.Select(c => Rule.Of(domain, c)).ToArray();
        var choice = new int[domain.Issues.Count];
        var kept = 0;
        for (var index = 0; index < size; index++)
        {
            if (index > 0)
            {
                Increment(domain, choice);
            }

            if (Rule.AllowAll(rules, choice))
            {
                indexes[kept] = index;
                first[kept] = first[index];
                second[kept] = second[index];
                kept++;
            }
        }

        return new OutcomeSpace(domain, indexes[..kept], first[..kept], second[..kept]);
    }

    /// <summary>The plain enumeration: each outcome in turn, checked and scored on its own. The reference for <see cref="Of"/>.</summary>
    public static OutcomeSpace OfByOutcome(NegotiationDomain domain)
    {
        var size = CheckedSize(domain);

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

    private static int CheckedSize(NegotiationDomain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var size = domain.Size;
        if (size > 200_000_000)
        {
            throw new ArgumentException($"{domain.Id} has {size:N0} outcomes: more than this analysis enumerates", nameof(domain));
        }

        return (int)size;
    }

    /// <summary>
    /// Fills <paramref name="sums"/> with every outcome's utility in index order (the last issue varies fastest).
    /// After issue k the first product-of-counts slots hold the utilities of the first k issues' outcomes; each is
    /// then replaced by its block of extensions. Blocks are written from the last down, so every prefix is read before
    /// a block can cover its slot.
    /// </summary>
    private static void Expand(double[][] table, double[] sums)
    {
        if (sums.Length == 0)
        {
            return;
        }

        sums[0] = 0;
        var length = 1;
        foreach (var options in table)
        {
            for (var j = length - 1; j >= 0; j--)
            {
                var prefix = sums[j];
                var block = sums.AsSpan(j * options.Length, options.Length);
                for (var o = options.Length - 1; o >= 0; o--)
                {
                    block[o] = prefix + options[o];
                }
            }

            length *= options.Length;
        }
    }

    /// <summary>A constraint with its option labels resolved to positions, so checking it is two array reads.</summary>
    private sealed record Rule(int Trigger, bool[] When, int Requires, bool[] Allowed)
    {
        public static Rule Of(NegotiationDomain domain, Constraint constraint)
        {
            var trigger = domain.IndexOf(constraint.Issue);
            var requires = domain.IndexOf(constraint.Requires);
            return new Rule(trigger, [.. domain.Issues[trigger].Options.Select(o => constraint.When.Contains(o, StringComparer.Ordinal))],
                requires, [.. domain.Issues[requires].Options.Select(o => constraint.Allowed.Contains(o, StringComparer.Ordinal))]);
        }

        public static bool AllowAll(Rule[] rules, int[] choice)
        {
            foreach (var rule in rules)
            {
                if (rule.When[choice[rule.Trigger]] && !rule.Allowed[choice[rule.Requires]])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
