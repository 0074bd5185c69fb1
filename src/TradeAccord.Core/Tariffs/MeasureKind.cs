namespace TradeAccord.Core.Tariffs;

/// <summary>What kind of duty layer a measure is; the kind decides how a layer is reported, never how it is computed.</summary>
public enum MeasureKind
{
    /// <summary>Most-favoured-nation (column 1 general) duty.</summary>
    Mfn,

    /// <summary>Column 2 duty for countries without normal trade relations.</summary>
    Column2,

    /// <summary>US additional duty under Section 301 of the Trade Act of 1974.</summary>
    Section301,

    /// <summary>A retaliatory additional duty.</summary>
    Retaliation,

    /// <summary>US additional duty under Section 232 of the Trade Expansion Act of 1962 (national security).</summary>
    Section232,

    /// <summary>US additional duty under the International Emergency Economic Powers Act (IEEPA).</summary>
    Emergency,

    /// <summary>A temporary import surcharge for balance-of-payments problems (Section 122 of the Trade Act of 1974).</summary>
    Surcharge,

    /// <summary>A product exclusion that lifts another measure for the products it describes.</summary>
    Exclusion,

    /// <summary>A transitional rate, e.g. for goods in transit when a rate rose.</summary>
    Transitional,

    /// <summary>A remedy or other additional duty not covered above.</summary>
    Additional,
}
