namespace TradeAccord.Core.Tariffs;

/// <summary>
/// The texts that explain why a measure was not applied to a line, built once per line rather than per shipment
/// and kept apart from <see cref="CandidateMeasure"/> so the common candidate stays small.
/// </summary>
internal sealed class CandidateNotes(Measure measure, DutyRate? rate)
{
    public string Status { get; } =
        $"{measure.Title} ({measure.Heading}) at {rate?.Text} is {(measure.Status == MeasureStatus.Suspended ? "suspended" : "proposed only")}: not applied";

    public string ExportDate { get; } =
        $"{measure.Title} ({measure.Heading}) applies only to goods {measure.ExportCondition}: give the export date to claim it";

    public string EndUse { get; } =
        $"{measure.Title} ({measure.Heading}) at {rate?.Text} applies to this line only for goods declared as {measure.EndUse}: not applied unless declared";

    public string Claim { get; } = $"{measure.Title}: {measure.Note} Not applied unless claimed.";
}
