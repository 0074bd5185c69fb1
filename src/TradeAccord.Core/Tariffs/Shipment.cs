using TradeAccord.Core.Common;

namespace TradeAccord.Core.Tariffs;

/// <summary>One entry line: what is imported, from where, when, and how much of it.</summary>
/// <remarks>A struct: batches make millions of them, and a class would cost a heap object each.</remarks>
/// <param name="Code">The tariff line as declared (4 to 10 digits).</param>
/// <param name="Origin">Country of origin.</param>
/// <param name="EntryDate">Date of entry (or withdrawal from warehouse) for consumption.</param>
/// <param name="ExportDate">Date of export, where a measure depends on it.</param>
/// <param name="Value">Customs value, in the importer's currency (USD for the US, and for China as the data give).</param>
/// <param name="Quantity">Quantity, for specific rates.</param>
/// <param name="Unit">Unit of <paramref name="Quantity"/>.</param>
/// <param name="ClaimExclusions">Whether the importer claims a product exclusion listed for the line.</param>
/// <param name="ContentValue">The value of the metal content, for measures levied on it (Section 232 derivatives).</param>
/// <param name="DeclaredEndUse">Whether the importer declares the goods for the end use a measure names (vehicle parts).</param>
/// <param name="UsContentValue">The value of US content, which IEEPA reciprocal duties do not reach (EO 14257 sec. 3(d)).</param>
public readonly record struct Shipment(
    ProductCode Code,
    CountryCode Origin,
    DateOnly EntryDate,
    DateOnly? ExportDate = null,
    decimal? Value = null,
    decimal? Quantity = null,
    string? Unit = null,
    bool ClaimExclusions = false,
    decimal? ContentValue = null,
    decimal? UsContentValue = null,
    bool DeclaredEndUse = false);
