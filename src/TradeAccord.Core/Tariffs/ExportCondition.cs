namespace TradeAccord.Core.Tariffs;

/// <summary>
/// A condition on the date goods were exported, for measures that depend on it (the List 3 transit rule of 2019:
/// goods exported before 2019-05-10 kept 10% if entered before 2019-06-15).
/// </summary>
/// <param name="ExportedBefore">The goods must have been exported before this date (exclusive), if set.</param>
/// <param name="ExportedOnOrAfter">The goods must have been exported on or after this date, if set.</param>
public sealed record ExportCondition(DateOnly? ExportedBefore, DateOnly? ExportedOnOrAfter)
{
    /// <summary>Whether an export on <paramref name="exportDate"/> meets the condition.</summary>
    public bool IsMetBy(DateOnly exportDate) =>
        (ExportedBefore is null || exportDate < ExportedBefore.Value) &&
        (ExportedOnOrAfter is null || exportDate >= ExportedOnOrAfter.Value);

    /// <inheritdoc />
    public override string ToString() =>
        string.Join(" and ", new[]
        {
            ExportedBefore is { } b ? $"exported before {b:yyyy-MM-dd}" : null,
            ExportedOnOrAfter is { } a ? $"exported on or after {a:yyyy-MM-dd}" : null,
        }.Where(s => s is not null));
}
