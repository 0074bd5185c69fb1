namespace TradeAccord.App.Tariffs.Batch;

/// <summary>What a batch run did.</summary>
/// <param name="Rows">Data rows read.</param>
/// <param name="Errors">Rows that could not be priced.</param>
/// <param name="TotalValue">Sum of the customs values of the priced rows.</param>
/// <param name="TotalDuty">Sum of the duty of the priced rows.</param>
/// <param name="TotalIeepa">Sum of the IEEPA part of that duty (an estimate of what the IEEPA duties came to, not legal advice).</param>
public sealed record BatchSummary(long Rows, long Errors, decimal TotalValue, decimal TotalDuty, decimal TotalIeepa = 0m);
