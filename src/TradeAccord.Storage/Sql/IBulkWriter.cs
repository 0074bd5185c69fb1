namespace TradeAccord.Storage.Sql;

/// <summary>Writes the rows of a bulk load, one column after another in table order, each row ended by <see cref="EndRow"/>.</summary>
internal interface IBulkWriter
{
    /// <summary>A VARCHAR column (null allowed).</summary>
    IBulkWriter Text(string? value);

    /// <summary>A DATE column.</summary>
    IBulkWriter Date(DateOnly value);

    /// <summary>An INTEGER column.</summary>
    IBulkWriter Integer(int value);

    /// <summary>A DECIMAL(18,2) column.</summary>
    IBulkWriter Money(decimal value);

    /// <summary>A DOUBLE PRECISION column (null allowed).</summary>
    IBulkWriter Real(double? value);

    /// <summary>Ends the row.</summary>
    void EndRow();
}
