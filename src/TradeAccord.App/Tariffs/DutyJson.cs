using System.Globalization;
using TradeAccord.Core.Tariffs;

namespace TradeAccord.App.Tariffs;

/// <summary>The JSON shape of a duty quote. Field names are part of the command's contract.</summary>
public sealed record DutyJson(
    string Importer,
    string Hts,
    string Line,
    string Origin,
    string EntryDate,
    string? ExportDate,
    decimal? Value,
    string Scenario,
    string? Nomenclature,
    IReadOnlyList<LayerJson> Layers,
    decimal TotalAdValorem,
    decimal? TotalDuty,
    bool Complete,
    IReadOnlyList<NotAppliedJson> NotApplied,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The JSON shape of a quote.</summary>
    public static DutyJson From(DutyQuote quote) => new(
        quote.Importer.Value,
        quote.Shipment.Code.ToDotted(),
        quote.Line.ToDotted(),
        quote.Shipment.Origin.Value,
        Iso(quote.Shipment.EntryDate),
        quote.Shipment.ExportDate is { } e ? Iso(e) : null,
        quote.Shipment.Value,
        quote.ScheduleName,
        quote.Nomenclature,
        [.. quote.Layers.Select(LayerJson.From)],
        quote.TotalAdValorem,
        quote.TotalDuty,
        quote.IsComplete,
        [.. quote.NotApplied.Select(NotAppliedJson.From)],
        quote.Warnings);

    /// <summary>An ISO date.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One layer in the JSON shape.</summary>
public sealed record LayerJson(
    string Id,
    string? Heading,
    string Kind,
    string Authority,
    string Title,
    string Rate,
    decimal AdValorem,
    decimal Share,
    IReadOnlyList<SpecificJson> Specific,
    decimal? Amount,
    string LegalBase,
    string Source,
    string ValidFrom,
    string? ValidTo)
{
    /// <summary>The JSON shape of a layer.</summary>
    public static LayerJson From(DutyLayer layer) => new(
        layer.Measure.Id,
        layer.Measure.Heading,
        KindName(layer.Measure.Kind),
        layer.Measure.Authority.Word(),
        layer.Measure.Title,
        layer.Rate.Text,
        layer.AdValorem,
        layer.Share,
        [.. layer.Rate.Specific.Select(s => new SpecificJson(s.PerUnit, s.Unit, s.Qualifier))],
        layer.Amount,
        layer.Measure.LegalBase,
        layer.Measure.Source,
        DutyJson.Iso(layer.Measure.Validity.Start),
        layer.Measure.Validity.EndOrNull is { } end ? DutyJson.Iso(end) : null);

    /// <summary>The lower-case kind name used in JSON and CSV.</summary>
    /// <summary>A kind as written in JSON.</summary>
    public static string KindName(MeasureKind kind) => kind.ToString().ToLowerInvariant();
}

/// <summary>A layer a stacking rule removed (whole) or kept off part of the value (whole = false), with the rule.</summary>
public sealed record NotAppliedJson(string Id, string? Heading, string Authority, string Title, string Rate, bool Whole, string Rule, string Citation)
{
    /// <summary>The JSON shape of a removed layer.</summary>
    public static NotAppliedJson From(Core.Tariffs.Stacking.NotAppliedLayer layer) => new(
        layer.Measure.Id, layer.Measure.Heading, layer.Measure.Authority.Word(), layer.Measure.Title, layer.Rate.Text, layer.Whole,
        layer.Rule.Id, layer.Rule.Citation);
}

/// <summary>A specific part of a rate.</summary>
public sealed record SpecificJson(decimal PerUnit, string Unit, string? Qualifier);
