using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TradeAccord.App.Requests;
using TradeAccord.App.Tariffs;
using TradeAccord.App.Tariffs.Batch;
using TradeAccord.Core.Common;
using TradeAccord.Core.Errors;
using TradeAccord.Core.Tariffs;
using TradeAccord.Sources;
using TradeAccord.Sources.References;

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
/// <param name="Scenario">A built-in scenario's name.</param>
/// <param name="ClaimExclusion">Whether a product exclusion is claimed.</param>
/// <param name="ScenarioDocument">Or the scenario document itself (YAML or JSON text; an agreement acts as its tariff obligations).</param>
/// <param name="ContentValue">Value of the metal content, USD, for Section 232 duties levied on it.</param>
/// <param name="UsContentValue">Value of the US content, USD.</param>
/// <param name="DeclareEndUse">The goods are declared for the end use a measure names (Section 232 vehicle parts).</param>
/// <param name="AssumeUnchanged">Price a date after the data end on the last schedule of the data, with a warning.</param>
public sealed record DutyRequest(string? Hts, string? Origin, string? EntryDate, decimal? Value, string? ExportDate = null, decimal? Quantity = null,
    string? Unit = null, string? Importer = null, string? Scenario = null, bool ClaimExclusion = false, string? ScenarioDocument = null,
    decimal? ContentValue = null, decimal? UsContentValue = null, bool AssumeUnchanged = false, bool DeclareEndUse = false)
{
    /// <summary>The host-neutral request.</summary>
    public QuoteRequest ToQuote() => new(Hts, Origin, EntryDate, Value, ExportDate, Quantity, Unit, Importer, ClaimExclusion, ContentValue, UsContentValue,
        AssumeUnchanged, DeclareEndUse);
}

/// <summary>The duty endpoints.</summary>
public static class DutyEndpoints
{
    /// <summary>Maps them.</summary>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api").WithTags("tariffs");
        api.MapPost("/duty", (DutyRequest request, ServerState state) => Quote(request, state))
            .WithSummary("The duty one entry owes, layer by layer, with each layer's legal base (the JSON of `accord duty --format json`)")
            .WithMetadata(new BodyLimit(RequestDocuments.MaxJsonBody));
        var limits = app.Services.GetRequiredService<ServerState>().Options;
        api.MapPost("/duty/batch", Batch).DisableAntiforgery().WithMetadata(new BodyLimit(limits.MaxUploadBytes))
            .WithSummary("An entries CSV (body, or the form field 'file' with an optional scenario document in the form field 'scenario') priced row by row; the CSV comes back with the duty columns added");
        api.MapGet("/schedule/stats", (string? date, string? importer, string? scenario, ServerState state) => Stats(date, importer, scenario, state))
            .WithSummary("Lines covered per chapter 99 heading on a date");
        api.MapGet("/scenarios", (ServerState state) => Results.Ok(state.Loader.ScenarioNames)).WithSummary("The built-in scenarios");
    }

    private static IResult Quote(DutyRequest r, ServerState state)
    {
        var problems = new Validator();
        var entry = problems.Try(() => r.ToQuote().Validate(FieldStyle.Api));
        var scenario = problems.Try(() => RequestDocuments.Optional(state, ReferenceKind.Scenario, "scenario", r.Scenario, "scenarioDocument", r.ScenarioDocument));
        problems.ThrowIfInvalid();
        return Results.Ok(DutyJson.From(QuoteRequest.Price(state.Loader.Load(scenario), entry.Importer, entry.Shipment, FieldStyle.Api, r.AssumeUnchanged)));
    }

    private static async Task<IResult> Batch(HttpRequest request, ServerState state, string? scenario, string? importer)
    {
        var into = CountryCode.Parse(importer ?? "US");
        if (!into.TryGetValue(out var country))
        {
            throw new ValidationException("importer", into.Error!);
        }

        // Everything the upload writes lives in this folder, removed however the request ends (an aborted upload too).
        var folder = Directory.CreateTempSubdirectory("accord-batch-");
        var keep = false;
        try
        {
            var input = Path.Combine(folder.FullName, "entries.csv");
            var output = Path.Combine(folder.FullName, "duties.csv");
            DocumentRef? document = null;
            await using (var file = File.Create(input))
            {
                if (request.HasFormContentType)
                {
                    IFormCollection form;
                    try
                    {
                        form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
                    }
                    catch (InvalidDataException e)
                    {
                        throw new ValidationException("file", $"the form cannot be read: {e.Message}: expected multipart/form-data with the entries CSV in 'file'");
                    }

                    if (form.Files["file"] is not { } upload)
                    {
                        throw new ValidationException("file", "is required: expected the entries CSV in the form field 'file'");
                    }

                    document = RequestDocuments.Optional(state, ReferenceKind.Scenario, "scenario", scenario, "scenario", await ScenarioPart(form).ConfigureAwait(false));
                    await upload.CopyToAsync(file, request.HttpContext.RequestAborted).ConfigureAwait(false);
                }
                else
                {
                    document = RequestDocuments.Optional(state, ReferenceKind.Scenario, "scenario", scenario, "scenario", null);
                    await request.Body.CopyToAsync(file, request.HttpContext.RequestAborted).ConfigureAwait(false);
                }
            }

            BatchSummary summary;
            try
            {
                summary = DutyBatch.Run(state.Loader.Load(document), country, input, output);
            }
            catch (SourceException e) when (e.File == input)
            {
                // The temporary path means nothing to the caller: name the upload instead.
                throw new ValidationException("file", new SourceException("upload", e.Line, e.Field, e.Problem).Message);
            }

            var stream = new FileStream(output, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.DeleteOnClose);
            request.HttpContext.Response.Headers["X-Rows"] = summary.Rows.ToString(CultureInfo.InvariantCulture);
            request.HttpContext.Response.Headers["X-Errors"] = summary.Errors.ToString(CultureInfo.InvariantCulture);
            request.HttpContext.Response.RegisterForDispose(new FolderRemoval(folder));
            keep = true;
            return Results.Stream(stream, "text/csv", "duties.csv");
        }
        finally
        {
            if (!keep)
            {
                folder.Delete(true);
            }
        }
    }

    // A scenario document sent beside the CSV: a form file or a plain form value named 'scenario'.
    private static async Task<string?> ScenarioPart(IFormCollection form)
    {
        if (form.Files["scenario"] is { } part)
        {
            if (part.Length > DocumentRefs.MaxInlineChars)
            {
                throw new ValidationException("scenario", $"is {part.Length:N0} bytes: expected at most {DocumentRefs.MaxInlineChars:N0}");
            }

            using var reader = new StreamReader(part.OpenReadStream());
            return await reader.ReadToEndAsync().ConfigureAwait(false);
        }

        return form.TryGetValue("scenario", out var value) ? value.ToString() : null;
    }

    private static IResult Stats(string? date, string? importer, string? scenario, ServerState state)
    {
        var problems = new Validator();
        var document = scenario is null ? null : problems.Try(() => RequestDocuments.Named(state, ReferenceKind.Scenario, "scenario", scenario));
        var stats = problems.Try(() => new ScheduleStatsQuery(date, importer, document).Run(state.Loader, FieldStyle.Api));
        problems.ThrowIfInvalid();
        return Results.Ok(ScheduleStatsJson.Of(stats.Schedule, stats.Importer, stats.Date));
    }

    private sealed class FolderRemoval(DirectoryInfo folder) : IDisposable
    {
        public void Dispose()
        {
            if (folder.Exists)
            {
                folder.Delete(true);
            }
        }
    }
}
