using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TradeAccord.Core.Common;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources.Batch;
using TradeAccord.Web.Shapes;

namespace TradeAccord.Web.Endpoints;

/// <summary>One entry to price.</summary>
/// <param name="Hts">The declared code.</param>
/// <param name="Origin">Country of origin.</param>
/// <param name="EntryDate">Entry date, yyyy-MM-dd.</param>
/// <param name="Value">Customs value, USD.</param>
/// <param name="ExportDate">Export date, if it matters.</param>
/// <param name="Quantity">Quantity, for specific duties.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Importer">Importing country (US default).</param>
/// <param name="Scenario">Scenario name.</param>
/// <param name="ClaimExclusion">Whether a product exclusion is claimed.</param>
public sealed record DutyRequest(string? Hts, string? Origin, string? EntryDate, decimal? Value, string? ExportDate = null, decimal? Quantity = null,
    string? Unit = null, string? Importer = null, string? Scenario = null, bool ClaimExclusion = false);

/// <summary>The duty endpoints.</summary>
public static class DutyEndpoints
{
    /// <summary>Maps them.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api").WithTags("tariffs");
        api.MapPost("/duty", (DutyRequest request, ServerState state) => Quote(request, state))
            .WithSummary("The duty one entry owes, layer by layer, with each layer's legal base (the JSON of `accord duty --format json`)");
        api.MapPost("/duty/batch", Batch).DisableAntiforgery()
            .WithSummary("An entries CSV (body or the form field 'file') priced row by row; the CSV comes back with the duty columns added");
        api.MapGet("/schedule/stats", (string? date, string? importer, string? scenario, ServerState state) => Stats(date, importer, scenario, state))
            .WithSummary("Lines covered per chapter 99 heading on a date");
        api.MapGet("/scenarios", (ServerState state) => Results.Ok(state.Loader.ScenarioNames)).WithSummary("The built-in scenarios");
    }

    private static IResult Quote(DutyRequest r, ServerState state)
    {
        if (string.IsNullOrWhiteSpace(r.Hts))
        {
            return Problems.BadRequest("hts", "is required: expected an HTS code such as 7326.90.8688");
        }

        var code = ProductCode.Parse(r.Hts);
        if (!code.TryGetValue(out var product))
        {
            return Problems.BadRequest("hts", code.Error!);
        }

        var origin = CountryCode.Parse(r.Origin ?? "");
        if (!origin.TryGetValue(out var from))
        {
            return Problems.BadRequest("origin", $"{origin.Error}");
        }

        if (!TryDate(r.EntryDate, out var entry))
        {
            return Problems.BadRequest("entryDate", $"'{r.EntryDate}' is not a date: expected yyyy-MM-dd");
        }

        DateOnly? export = null;
        if (r.ExportDate is not null)
        {
            if (!TryDate(r.ExportDate, out var e))
            {
                return Problems.BadRequest("exportDate", $"'{r.ExportDate}' is not a date: expected yyyy-MM-dd");
            }

            export = e;
        }

        if (r.Value is not (>= 0 and < DutyCalculator.MaxAmount))
        {
            return Problems.BadRequest("value", "is required: expected a customs value in USD of zero or more");
        }

        var importer = CountryCode.Parse(r.Importer ?? "US");
        if (!importer.TryGetValue(out var into))
        {
            return Problems.BadRequest("importer", importer.Error!);
        }

        var schedule = state.Loader.Load(r.Scenario);
        var quote = DutyCalculator.Quote(schedule, into, new Shipment(product, from, entry, export, r.Value.Value, r.Quantity, r.Unit, r.ClaimExclusion));
        return quote.TryGetValue(out var q) ? Results.Ok(DutyJson.From(q)) : Problems.BadRequest("hts", quote.Error!);
    }

    private static async Task<IResult> Batch(HttpRequest request, ServerState state, string? scenario, string? importer)
    {
        var into = CountryCode.Parse(importer ?? "US");
        if (!into.TryGetValue(out var country))
        {
            return Problems.BadRequest("importer", into.Error!);
        }

        var folder = Directory.CreateTempSubdirectory("accord-batch-");
        var input = Path.Combine(folder.FullName, "entries.csv");
        var output = Path.Combine(folder.FullName, "duties.csv");
        await using (var file = File.Create(input))
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync().ConfigureAwait(false);
                if (form.Files["file"] is not { } upload)
                {
                    folder.Delete(true);
                    return Problems.BadRequest("file", "is required: expected the entries CSV in the form field 'file'");
                }

                await upload.CopyToAsync(file).ConfigureAwait(false);
            }
            else
            {
                await request.Body.CopyToAsync(file).ConfigureAwait(false);
            }
        }

        try
        {
            BatchSummary summary;
            try
            {
                summary = DutyBatch.Run(state.Loader.Load(scenario), country, input, output);
            }
            catch (Sources.SourceException e)
            {
                // The temporary path means nothing to the caller: name the upload instead.
                folder.Delete(true);
                return Problems.BadRequest("file", e.Message.Replace(input, "upload", StringComparison.Ordinal));
            }

            var stream = new FileStream(output, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.DeleteOnClose);
            request.HttpContext.Response.Headers["X-Rows"] = summary.Rows.ToString(CultureInfo.InvariantCulture);
            request.HttpContext.Response.Headers["X-Errors"] = summary.Errors.ToString(CultureInfo.InvariantCulture);
            request.HttpContext.Response.OnCompleted(() =>
            {
                folder.Delete(true);
                return Task.CompletedTask;
            });
            return Results.Stream(stream, "text/csv", "duties.csv");
        }
        catch
        {
            folder.Delete(true);
            throw;
        }
    }

    private static IResult Stats(string? date, string? importer, string? scenario, ServerState state)
    {
        if (!TryDate(date, out var on))
        {
            return Problems.BadRequest("date", $"'{date}' is not a date: expected yyyy-MM-dd");
        }

        var into = CountryCode.Parse(importer ?? "US");
        if (!into.TryGetValue(out var country))
        {
            return Problems.BadRequest("importer", into.Error!);
        }

        return Results.Ok(ScheduleStatsJson.Of(state.Loader.Load(scenario), country, on));
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
