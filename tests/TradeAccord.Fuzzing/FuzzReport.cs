using System.Globalization;

namespace TradeAccord.Fuzzing;

/// <summary>What fuzzing one parser found.</summary>
/// <param name="Parser">The target's name.</param>
/// <param name="Inputs">Inputs fed.</param>
/// <param name="Rejected">Inputs refused with the project's own error.</param>
/// <param name="Unhandled">Inputs that raised anything else.</param>
/// <param name="Slow">Inputs that took longer than the limit.</param>
/// <param name="SlowestMs">The longest any input took, in milliseconds.</param>
/// <param name="Seconds">Wall time of the whole run.</param>
/// <param name="Findings">The first few crashing or slow inputs.</param>
public sealed record FuzzReport(
    string Parser, long Inputs, long Rejected, long Unhandled, long Slow, double SlowestMs, double Seconds, IReadOnlyList<FuzzFinding> Findings)
{
    /// <summary>Inputs per second of wall time.</summary>
    public double InputsPerSecond => Seconds > 0 ? Inputs / Seconds : 0;

    /// <summary>One line for a terminal: parser, inputs, rejections, unhandled, slowest, rate.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Parser,-18} inputs={Inputs,9} rejected={Rejected,9} unhandled={Unhandled} slow={Slow} slowest_ms={SlowestMs,8:F1} inputs/s={InputsPerSecond,8:F0}");
}
