namespace TradeAccord.Core.Tariffs.Stacking;

/// <summary>
/// Decides, for the layers that apply to an entry, the value each is levied on: the whole value, the metal content
/// (a Section 232 derivative), what a stacking rule leaves (the rest of the value), or nothing (removed by a rule).
/// </summary>
internal static class StackingStep
{
    /// <summary>Levied bases per chosen candidate (null: no value known), with the layers rules removed.</summary>
    public static (decimal?[] Bases, bool[] Removed, List<NotAppliedLayer>? NotApplied) Apply(
        IReadOnlyList<StackingRule> rules, Shipment shipment, CandidateMeasure[] candidates, List<int> chosen, ref List<string>? warnings)
    {
        var bases = new decimal?[chosen.Count];
        var onWholeValue = new bool[chosen.Count];
        var removed = new bool[chosen.Count];
        var noContent = new bool[chosen.Count];
        for (var i = 0; i < chosen.Count; i++)
        {
            (bases[i], onWholeValue[i], noContent[i]) = OwnBase(candidates[chosen[i]].Measure, shipment);
        }

        List<NotAppliedLayer>? notApplied = null;
        foreach (var rule in rules)
        {
            if (!rule.Validity.Contains(shipment.EntryDate) || !rule.Origins.Includes(shipment.Origin))
            {
                continue;
            }

            var triggers = Enumerable.Range(0, chosen.Count)
                .Where(i => !removed[i] && rule.TriggeredBy(candidates[chosen[i]].Measure.StackingFamily)).ToList();
            if (rule.When.Count > 0 && triggers.Count == 0)
            {
                continue;
            }

            for (var i = 0; i < chosen.Count; i++)
            {
                var candidate = candidates[chosen[i]];
                // An exclusion adds no duty (it lifts another layer): a rule has nothing to keep off.
                if (removed[i] || triggers.Contains(i) || candidate.Measure.Kind == MeasureKind.Exclusion ||
                    !rule.RemovesFamily(candidate.Measure.StackingFamily))
                {
                    continue;
                }

                var rate = candidate.Rate ?? DutyRate.NotComputable("(no rate in source)");
                switch (Outcome(rule, shipment, triggers.Select(t => onWholeValue[t]).ToList(), bases[i]))
                {
                    case (true, _):
                        removed[i] = true;
                        (notApplied ??= []).Add(new NotAppliedLayer(candidate.Measure, rate, rule, Whole: true));
                        break;
                    case (false, { } remaining):
                        bases[i] = remaining;
                        (notApplied ??= []).Add(new NotAppliedLayer(candidate.Measure, rate, rule, Whole: false));
                        break;
                    default:
                        break;
                }
            }
        }

        // Said only of a layer that stays: a removed one owes nothing, whatever its base.
        for (var i = 0; i < chosen.Count; i++)
        {
            if (noContent[i] && !removed[i])
            {
                var measure = candidates[chosen[i]].Measure;
                (warnings ??= []).Add($"{measure.Title}: levied on the value of the metal content only; no content value was given, so it is " +
                    "levied on the whole value (give the content value to price it on the content)");
            }
        }

        return (bases, removed, notApplied);
    }

    // The value a layer falls on before any rule: the metal content for a content levy (declared, else the whole value
    // with a warning), otherwise the whole value. Whole says whether the layer falls on the whole value; NoContent
    // that a content levy had no content value to fall on.
    private static (decimal? Base, bool Whole, bool NoContent) OwnBase(Measure measure, Shipment shipment)
    {
        if (measure.LevyBase != LevyBase.Content)
        {
            return (shipment.Value, true, false);
        }

        return shipment.ContentValue is { } content && shipment.Value is { } value
            ? (Math.Min(content, value), content >= value, false)
            : (shipment.Value, true, true);
    }

    // (true, _): the layer goes; (false, base): it stays on that base; (false, null): the rule does not touch it.
    private static (bool Remove, decimal? Remaining) Outcome(StackingRule rule, Shipment shipment, List<bool> triggersOnWholeValue, decimal? levied)
    {
        switch (rule.Part)
        {
            case StackingPart.Whole:
                return (true, null);
            case StackingPart.TriggerPart when triggersOnWholeValue.Any(w => w):
                return (true, null);
            case StackingPart.TriggerPart:
                // Every trigger falls on the declared metal content: the removed layer keeps the rest of the value.
                return levied is { } all && shipment.ContentValue is { } content ? (false, Math.Max(0m, all - content)) : (false, null);
            case StackingPart.UsContent:
                return shipment is { Value: { } value and > 0m, UsContentValue: { } us } && us >= rule.Threshold * value && levied is { } on
                    ? (false, Math.Max(0m, on - us))
                    : (false, null);
            default:
                return (false, null);
        }
    }
}
