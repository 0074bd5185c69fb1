using System.Globalization;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.Core.Agreements;

/// <summary>Whether the schedule meets a tariff obligation on a date.</summary>
public enum Verdict
{
    /// <summary>The schedule does what the obligation requires.</summary>
    Met,

    /// <summary>The schedule does something else.</summary>
    Broken,

    /// <summary>The obligation applies from a later date.</summary>
    NotYetDue,

    /// <summary>The measure is not in the data, so the schedule cannot say.</summary>
    NotCheckable,

    /// <summary>A later event (a ruling, an order ending the measure) made the obligation moot: neither kept nor broken.</summary>
    Moot,

    /// <summary>The requirement has expired and the texts do not say what follows.</summary>
    UnknownAfterExpiry,

    /// <summary>The requirement has expired and lapsed.</summary>
    Expired,
}

/// <summary>The check of one tariff obligation.</summary>
/// <param name="Obligation">The obligation.</param>
/// <param name="Verdict">The outcome.</param>
/// <param name="InSchedule">What the schedule has on that line on the date, e.g. "us301-l4b-15@2019-12-15 in force at 15%".</param>
/// <param name="Reason">Why, in a sentence.</param>
public sealed record ObligationCheck(TariffObligation Obligation, Verdict Verdict, string InSchedule, string Reason);

/// <summary>
/// Checks an agreement's tariff obligations against a set of measures (the record, or a scenario applied to it) on
/// a date. Each obligation's measure is looked up in the baseline, and the schedule's whole line for it (see
/// <see cref="MeasureLineage"/>) is compared with what the obligation requires.
/// </summary>
public static class TariffCheck
{
    /// <summary>Checks every tariff obligation of <paramref name="agreement"/> on <paramref name="date"/>.</summary>
    /// <param name="agreement">The agreement.</param>
    /// <param name="baseline">The measures as recorded, where obligation measure ids are looked up.</param>
    /// <param name="schedule">The measures checked (the baseline or a scenario applied to it).</param>
    /// <param name="date">The date.</param>
    public static IReadOnlyList<ObligationCheck> Run(Agreement agreement, MeasureSet baseline, MeasureSet schedule, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(schedule);
        var byId = baseline.Measures.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var events = agreement.Events.ToDictionary(e => e.Id, StringComparer.Ordinal);
        return [.. agreement.Tariffs.Select(o => Overtaken(o, events, date) ?? Check(o, o.StartsOn(agreement), byId, schedule, date))];
    }

    // A moot or expired obligation is not judged on the schedule: what it required no longer binds. The moot event
    // comes first, because it can fall before the expiry (the IEEPA duties ended before the suspension ran out).
    private static ObligationCheck? Overtaken(TariffObligation obligation, Dictionary<string, LaterEvent> events, DateOnly date)
    {
        if (obligation.MootBy is { } id && events.TryGetValue(id, out var moot) && date >= moot.Date)
        {
            return new(obligation, Verdict.Moot, "not judged", $"moot since {moot.Date:yyyy-MM-dd} ({moot.Id}): {moot.Title}");
        }

        if (obligation.Until is { } until && date >= until)
        {
            return obligation.AfterExpiry == AfterExpiry.Unknown
                ? new(obligation, Verdict.UnknownAfterExpiry, "not judged", $"{obligation.Requires} until {until:yyyy-MM-dd}; the texts do not say what follows")
                : new(obligation, Verdict.Expired, "not judged", $"{obligation.Requires} until {until:yyyy-MM-dd}, then lapsed");
        }

        return null;
    }

    private static ObligationCheck Check(TariffObligation obligation, DateOnly? startsOn, Dictionary<string, Measure> baseline, MeasureSet schedule, DateOnly date)
    {
        if (obligation.Measure is null)
        {
            return new(obligation, Verdict.NotCheckable, "not in data", $"the measure is not in the shipped data: {obligation.OutsideData}");
        }

        if (!baseline.TryGetValue(obligation.Measure, out var template))
        {
            return new(obligation, Verdict.NotCheckable, "unknown measure", $"'{obligation.Measure}' is not a measure of the tariff engine");
        }

        if (startsOn is not { } start)
        {
            return new(obligation, Verdict.NotCheckable, "undated", $"it starts on {obligation.DescribeFrom()}, which this draft does not date: give the date it assumes");
        }

        var onDate = MeasureLineage.In(schedule, template).Where(m => m.Validity.Contains(date)).ToList();
        var inForce = onDate.Where(m => m.Status == MeasureStatus.InForce).ToList();
        var found = onDate.Count == 0
            ? "no measure on this line"
            : string.Join("; ", onDate.Select(Describe));
        var from = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (date < start)
        {
            return new(obligation, Verdict.NotYetDue, found, $"required from {from}");
        }

        if (obligation.Requires.Kind != RequirementKind.Rate)
        {
            return inForce.Count == 0
                ? new(obligation, Verdict.Met, found, $"{obligation.Requires} from {from}: nothing applied on this line")
                : new(obligation, Verdict.Broken, found, $"required {obligation.Requires} from {from}, but {string.Join(", ", inForce.Select(m => m.Id))} is applied");
        }

        var required = obligation.Requires.Rate!;
        if (inForce.Count == 0)
        {
            return new(obligation, Verdict.Broken, found, $"required {required.Text} from {from}, but nothing is applied on this line");
        }

        var wrong = inForce.SelectMany(m => RatesOf(m)).Where(r => !SameRate(r, required)).Select(r => r.Text).Distinct().ToList();
        return wrong.Count == 0
            ? new(obligation, Verdict.Met, found, $"{required.Text} from {from} as required")
            : new(obligation, Verdict.Broken, found, $"required {required.Text} from {from}, but the line applies {string.Join(", ", wrong)}");
    }

    private static string Describe(Measure m)
    {
        var status = m.Status == MeasureStatus.InForce ? "in force" : m.Status.ToString().ToLowerInvariant();
        var rate = m.Rate?.Text ?? "rates by line";
        return $"{m.Id} {status} at {rate} since {m.Validity.Start:yyyy-MM-dd}";
    }

    // A measure with rates of its own per line is compared line by line.
    private static IEnumerable<DutyRate> RatesOf(Measure m) =>
        m.Coverage.HasLineRates
            ? m.Coverage.Entries.Select(e => e.Value ?? m.Rate).OfType<DutyRate>()
            : m.Rate is null ? [] : [m.Rate];

    private static bool SameRate(DutyRate a, DutyRate b) =>
        a.AdValorem == b.AdValorem && a.Specific.SequenceEqual(b.Specific) && a.IsComputable == b.IsComputable;
}
