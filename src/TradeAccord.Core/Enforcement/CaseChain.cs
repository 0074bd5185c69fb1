using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TradeAccord.Core.Enforcement;

/// <summary>
/// The hash chain of a case log: each event's hash covers its own fields, the case id and the previous event's
/// hash, so changing, removing or reordering any stored event breaks every hash after it.
/// </summary>
public static class CaseChain
{
    /// <summary>The previous-hash of a first event.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The hash of <paramref name="e"/> (its <see cref="CaseEvent.Hash"/> is ignored).</summary>
    public static string HashOf(string caseId, CaseEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        // Length-prefixed fields: no choice of text in one field can imitate another field.
        string[] fields =
        [
            caseId, e.Sequence.ToString(CultureInfo.InvariantCulture), e.Kind, e.At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            e.By?.ToString() ?? "", e.FromStage, e.ToStage, e.Note ?? "", e.Data ?? "", e.PreviousHash,
        ];
        var canonical = string.Concat(fields.Select(f => $"{f.Length}:{f};"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Seals an event: fills in its hash.</summary>
    public static CaseEvent Seal(string caseId, CaseEvent e) => e with { Hash = HashOf(caseId, e) };

    /// <summary>The first event that breaks the chain, with why; null when the chain is intact.</summary>
    public static (CaseEvent Event, string Problem)? FirstBreak(string caseId, IReadOnlyList<CaseEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var previous = Genesis;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Sequence != i + 1)
            {
                return (e, $"sequence {e.Sequence} where {i + 1} was expected: an event is missing or out of order");
            }

            if (e.PreviousHash != previous)
            {
                return (e, "its previous-hash does not match the event before: the history before it was changed");
            }

            if (HashOf(caseId, e) != e.Hash)
            {
                return (e, "its content does not match its hash: the event was changed after it was written");
            }

            previous = e.Hash;
        }

        return null;
    }
}
