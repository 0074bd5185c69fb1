namespace TradeAccord.Core.Tariffs;

/// <summary>Whether a measure is applied on the days of its validity.</summary>
public enum MeasureStatus
{
    /// <summary>Applied.</summary>
    InForce,

    /// <summary>Announced with a date but suspended: reported, never applied.</summary>
    Suspended,

    /// <summary>Proposed only: reported, never applied.</summary>
    Proposed,
}
