using System.Diagnostics;
using System.Text;
using CsCheck;
using TradeAccord.Core.Errors;
using TradeAccord.Sources;

namespace TradeAccord.Fuzzing;

/// <summary>
/// Feeds a target generated inputs one at a time and sorts each outcome: accepted, rejected with the project's own
/// error (an <see cref="AccordException"/>; a <see cref="SourceException"/> must name its file), or unhandled. Every
/// input is timed on its own; one that takes longer than <see cref="SlowLimit"/> is a finding too.
/// </summary>
public static class FuzzRunner
{
    /// <summary>The longest one input may take.</summary>
    public static readonly TimeSpan SlowLimit = TimeSpan.FromSeconds(1);

    private const int KeptCrashes = 5;
    private const int KeptSlow = 3;

    /// <summary>Runs <paramref name="count"/> inputs (fewer when <paramref name="budget"/> runs out first).</summary>
    /// <param name="target">The parser.</param>
    /// <param name="count">Inputs to feed.</param>
    /// <param name="seed">Seeds the generator: the same seed feeds the same inputs.</param>
    /// <param name="budget">Stops early after this much wall time, when given.</param>
    /// <param name="progress">Told now and then how far the run is.</param>
    public static FuzzReport Run(FuzzTarget target, long count, ulong seed = 1, TimeSpan? budget = null, Action<FuzzReport>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var inputs = Mutations.Inputs(target.Seeds, target.Format);
        WarmUp(target);
        var pcg = new PCG(1, seed);
        var findings = new List<FuzzFinding>();
        var kept = (Crashes: 0, Slow: 0);
        long fed = 0, rejected = 0, unhandled = 0, slow = 0;
        var slowest = TimeSpan.Zero;
        var wall = Stopwatch.StartNew();
        var lastReport = wall.Elapsed;
        var timer = new Stopwatch();
        for (; fed < count && (budget is null || wall.Elapsed < budget); fed++)
        {
            var input = inputs.Generate(pcg, null, out _);
            string? failure = null;
            timer.Restart();
            try
            {
                target.Run(input);
            }
            catch (Exception e) when (IsRejection(e))
            {
                rejected++;
            }
            catch (Exception e)
            {
                unhandled++;
                failure = e.ToString();
            }

            var took = timer.Elapsed;
            if (took > SlowLimit)
            {
                took = Retimed(target, input, took);
            }

            slowest = took > slowest ? took : slowest;
            if (failure is not null && kept.Crashes < KeptCrashes)
            {
                kept.Crashes++;
                findings.Add(new FuzzFinding(target.Name, input, failure));
            }

            if (took > SlowLimit)
            {
                slow++;
                if (failure is null && kept.Slow < KeptSlow)
                {
                    kept.Slow++;
                    findings.Add(new FuzzFinding(target.Name, input, $"took {took.TotalMilliseconds:F0} ms (limit {SlowLimit.TotalMilliseconds:F0} ms)"));
                }
            }

            if (progress is not null && wall.Elapsed - lastReport > TimeSpan.FromSeconds(30))
            {
                lastReport = wall.Elapsed;
                progress(Report(target, fed + 1, rejected, unhandled, slow, slowest, wall.Elapsed, findings));
            }
        }

        return Report(target, fed, rejected, unhandled, slow, slowest, wall.Elapsed, findings);
    }

    // The machine is shared: a pause of the whole process (another build, a full collection) can stretch any input
    // past the limit. An input over it is run twice more, and its fastest run is what counts, so only an input that
    // is slow every time is reported.
    private static TimeSpan Retimed(FuzzTarget target, byte[] input, TimeSpan first)
    {
        var fastest = first;
        var timer = new Stopwatch();
        for (var i = 0; i < 2 && fastest > SlowLimit; i++)
        {
            timer.Restart();
            try
            {
                target.Run(input);
            }
            catch (Exception)
            {
                // Counted on the first run.
            }

            fastest = timer.Elapsed < fastest ? timer.Elapsed : fastest;
        }

        return fastest;
    }

    // The first use of a reader loads what it checks against (the shipped schedule, a negotiation's derived values):
    // each seed is fed once, untimed, so the limit measures what an input costs, not what starting up costs.
    private static void WarmUp(FuzzTarget target)
    {
        foreach (var seed in target.Seeds)
        {
            try
            {
                target.Run(seed);
            }
            catch (Exception e) when (IsRejection(e))
            {
                // A seed may be rejected (an offer of the wrong issue): it warmed up all the same.
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="e"/> is a proper rejection: the project's own error, and when it is about a file, one
    /// that names the file.
    /// </summary>
    public static bool IsRejection(Exception e) => e switch
    {
        SourceException source => source.Problems.All(p => !string.IsNullOrWhiteSpace(p.File)),
        AccordException => true,
        _ => false,
    };

    /// <summary>An input as a C# string literal's content, for a regression test.</summary>
    public static string Describe(byte[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = Encoding.UTF8.GetString(input);
        return text.Length <= 400 ? text : $"{text[..200]}…({text.Length} chars)…{text[^200..]}";
    }

    private static FuzzReport Report(FuzzTarget target, long fed, long rejected, long unhandled, long slow, TimeSpan slowest, TimeSpan wall,
        List<FuzzFinding> findings) =>
        new(target.Name, fed, rejected, unhandled, slow, slowest.TotalMilliseconds, wall.TotalSeconds, [.. findings]);
}
