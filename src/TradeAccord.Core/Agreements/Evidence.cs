namespace TradeAccord.Core.Agreements;

/// <summary>How a provision is known: from a signed or published text, or only from reports of what a side wanted.</summary>
public enum Evidence
{
    /// <summary>In a published text: the agreement, a notice, an official statement.</summary>
    Documented,

    /// <summary>Reported (press, officials speaking off the record); no published text.</summary>
    Reported,
}
