using System.Text.Json;
using System.Text.Json.Serialization;
using TradeAccord.App.Requests;
using TradeAccord.Core.Common;
using TradeAccord.Core.Errors;
using TradeAccord.Sources;
using TradeAccord.Sources.References;

namespace TradeAccord.App.Impact;

/// <summary>How impact results are grouped.</summary>
[JsonConverter(typeof(ImpactGroupingJson))]
public enum ImpactGrouping
{
    /// <summary>By retaliation list or Section 301 list.</summary>
    List,

    /// <summary>By HS chapter.</summary>
    Chapter,

    /// <summary>By HS6 heading.</summary>
    Hs6,
}

/// <summary>JSON names the grouping as the command line does: list, chapter, hs6 (read in any case).</summary>
public sealed class ImpactGroupingJson() : JsonStringEnumConverter<ImpactGrouping>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);

/// <summary>The words for <see cref="ImpactGrouping"/> in answers.</summary>
public static class ImpactGroupings
{
    /// <summary>list, chapter or hs6.</summary>
    public static string Name(this ImpactGrouping by) => by switch
    {
        ImpactGrouping.Chapter => "chapter",
        ImpactGrouping.Hs6 => "hs6",
        _ => "list",
    };
}

/// <summary>An impact run as either host receives it; <see cref="Run"/> checks every field at once, then runs.</summary>
/// <param name="Importer">US or CN.</param>
/// <param name="Scenario">The scenario (tariffs after).</param>
/// <param name="Baseline">The baseline (tariffs before); null: the record.</param>
/// <param name="Year">Base year of trade values.</param>
/// <param name="Date">Date tariffs are compared on (default: 31 December of the year, within the data).</param>
/// <param name="By">The grouping.</param>
/// <param name="SupplyElasticity">Export supply elasticity, or null for infinitely elastic supply.</param>
public sealed record ImpactRequest(string? Importer, DocumentRef? Scenario, DocumentRef? Baseline, int Year, string? Date, ImpactGrouping By, double? SupplyElasticity)
{
    /// <summary>The years with shipped trade data.</summary>
    public const int FirstYear = 2013, LastYear = 2020;

    /// <summary>Checks the request (every problem at once, named in <paramref name="style"/>), then runs the model.</summary>
    /// <exception cref="Core.Errors.ValidationException">One or more fields are wrong.</exception>
    /// <param name="loader">The data.</param>
    /// <param name="style">How the host names fields.</param>
    /// <param name="earlier">Problems the host found resolving the scenario and baseline, reported with these.</param>
    public ImpactRun Run(ScheduleLoader loader, FieldStyle style, Validator? earlier = null)
    {
        ArgumentNullException.ThrowIfNull(loader);
        var fields = new Fields(style, earlier);
        var importer = fields.Country("importer", Importer ?? "US");
        if (importer != default && importer != CountryCode.US && importer != CountryCode.CN)
        {
            fields.Problem("importer", $"'{Importer}' has no shipped trade data: expected US or CN");
        }

        if (Scenario is null && !fields.Has("scenario"))
        {
            fields.Problem("scenario", $"is required: expected one of {string.Join(", ", loader.ScenarioNames)}");
        }

        if (Year is < FirstYear or > LastYear)
        {
            fields.Problem("year", $"{Year} has no trade data: expected a year from {FirstYear} to {LastYear}");
        }

        var date = fields.OptionalDate("date", Date);
        if (SupplyElasticity is { } e && !(e > 0 && double.IsFinite(e)))
        {
            fields.Problem("supplyElasticity", $"{e} is not valid: expected a positive number, or none for infinitely elastic supply");
        }

        if (!Enum.IsDefined(By))
        {
            fields.Problem("by", $"'{By}' is not valid: expected list, chapter or hs6");
        }

        fields.ThrowIfInvalid();
        return ImpactRun.Compute(loader, importer, Scenario!, Baseline, Year, date, By, SupplyElasticity);
    }
}
