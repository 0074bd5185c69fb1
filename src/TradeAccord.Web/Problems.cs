using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradeAccord.App.Cases;
using TradeAccord.Core.Errors;
using TradeAccord.Sources.Agreements;
using TradeAccord.Sources;

namespace TradeAccord.Web;

/// <summary>Errors as RFC 9457 problem details that name the field and what was expected.</summary>
public static class Problems
{
    /// <summary>A 400 naming <paramref name="field"/>.</summary>
    public static IResult BadRequest(string field, string detail) =>
        Results.Problem(detail: $"{field}: {detail}", statusCode: StatusCodes.Status400BadRequest, title: "Bad request",
            extensions: new Dictionary<string, object?> { ["field"] = field });

    /// <summary>A 404 that gives no hint of what exists.</summary>
    public static IResult NotFound(string what) => Results.Problem(detail: $"{what} was not found", statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>A 401: the endpoint serves key holders only.</summary>
    public static IResult Unauthorized() => Results.Problem(
        detail: $"{ApiKeys.Header}: an API key is required here: without one only tariffs, agreements and the tracker are served",
        statusCode: StatusCodes.Status401Unauthorized, title: "API key required", extensions: new Dictionary<string, object?> { ["field"] = ApiKeys.Header });

    /// <summary>A 403.</summary>
    public static IResult Forbidden(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    /// <summary>Writes a problem directly (middleware).</summary>
    public static Task Write(HttpContext context, int status, string title, string detail, string? field = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new Dictionary<string, object?>
        {
            ["type"] = $"https://tools.ietf.org/html/rfc9110#section-15.{(status >= 500 ? 6 : 5)}",
            ["title"] = title, ["status"] = status, ["detail"] = detail, ["field"] = field,
        }, options: null, contentType: "application/problem+json");
    }

    /// <summary>
    /// Maps what a handler threw to a problem: the error kind decides the status through the one table
    /// (<see cref="ErrorKinds"/>) that also decides the command line's exit codes.
    /// </summary>
    public static Task FromException(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        return error switch
        {
            ValidationException e => WriteValidation(context, e),
            // Over the body limit (ours or Kestrel's): the limit, not "expected JSON".
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => TooLarge(context, BodyLimits.LimitOf(context)),
            AgreementException e => Write(context, e.Kind.HttpStatus(), "Invalid agreement", string.Join("\n", e.Problems)),
            // A case another party may not read is answered as if it did not exist, and says no more.
            CaseException { NotFound: true } e => Write(context, e.Kind.HttpStatus(), e.Kind.Title(), "the case was not found"),
            AccordException e => Write(context, e.Kind.HttpStatus(), e.Kind.Title(), e.Message, e.Field),
            BadHttpRequestException e when Parameter(e.Message) is { } name => Write(context, 400, "Bad request", $"{name}: {e.Message}: expected a value of the type documented at /openapi/v1.json", name),
            // A value of the wrong type names its member; broken JSON (the reader's own exception inside) is the body's fault.
            BadHttpRequestException { InnerException: System.Text.Json.JsonException { InnerException: not System.Text.Json.JsonException, Path: ['$', '.', .. var member] } } e =>
                Write(context, 400, "Bad request", $"{member}: {e.Message}: expected a value as documented at /openapi/v1.json", member),
            BadHttpRequestException { StatusCode: not StatusCodes.Status400BadRequest } e => Write(context, e.StatusCode, ReasonPhrases.GetReasonPhrase(e.StatusCode), $"body: {e.Message}", "body"),
            BadHttpRequestException e => Write(context, 400, "Bad request", $"body: {e.Message}: expected JSON as documented at /openapi/v1.json", "body"),
            _ => ServerError(context, error),
        };
    }

    /// <summary>A 413 that gives the limit the body passed.</summary>
    public static Task TooLarge(HttpContext context, long limit)
    {
        ArgumentNullException.ThrowIfNull(context);
        var declared = context.Request.ContentLength is { } length ? $"{length:N0} bytes" : "the body";
        return Write(context, StatusCodes.Status413PayloadTooLarge, "Request too large",
            $"body: {declared} is over this endpoint's limit of {limit:N0} bytes{(context.Request.HasFormContentType || context.Request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true ? " (the server's --max-upload-mb)" : "")}", "body");
    }

    /// <summary>
    /// A body for an error the framework answered without one (415 for a body that is not JSON, 405, a path that is no
    /// endpoint), so every error a client sees is a problem it can read.
    /// </summary>
    public static Task ForEmptyStatus(StatusCodeContext status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var context = status.HttpContext;
        var code = context.Response.StatusCode;
        return code switch
        {
            StatusCodes.Status413PayloadTooLarge => TooLarge(context, BodyLimits.LimitOf(context)),
            StatusCodes.Status415UnsupportedMediaType => Write(context, code, "Unsupported media type",
                $"Content-Type: '{context.Request.ContentType ?? "none"}' is not accepted here: expected application/json as documented at /openapi/v1.json", "Content-Type"),
            StatusCodes.Status404NotFound => Write(context, code, "Not found", "no endpoint at this path: /api/reference lists them"),
            StatusCodes.Status405MethodNotAllowed => Write(context, code, "Method not allowed", $"{context.Request.Method} is not served at this path: /api/reference lists each path's methods"),
            _ => Write(context, code, ReasonPhrases.GetReasonPhrase(code), ReasonPhrases.GetReasonPhrase(code)),
        };
    }

    // RFC 9457 validation problem: every field with its messages, so a client fixes them all at once.
    private static Task WriteValidation(HttpContext context, ValidationException e)
    {
        context.Response.StatusCode = e.Kind.HttpStatus();
        return context.Response.WriteAsJsonAsync(new Dictionary<string, object?>
        {
            ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            ["title"] = "One or more fields are invalid",
            ["status"] = e.Kind.HttpStatus(),
            ["detail"] = e.Message,
            ["field"] = e.Field,
            ["errors"] = e.Errors,
        }, options: null, contentType: "application/problem+json");
    }

    // Only server faults are logged, as errors with their stack; a caller's mistake is answered, not logged. Neither
    // the request nor its headers (the API key) go into the log.
    private static Task ServerError(HttpContext context, Exception? error)
    {
        context.RequestServices.GetService<ILoggerFactory>()?.CreateLogger("TradeAccord.Web").RequestFailed(error, context.Request.Method, context.Request.Path);
        return Write(context, 500, "Server error", "the server failed; the error is logged without request content");
    }

    // A failed binding of a route or query value says 'Failed to bind parameter "int? year" from "abc".': the name is
    // the field to report, rather than "body".
    private static string? Parameter(string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, "^Failed to bind parameter \"[^\"]*?(\\w+)\" from", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups[1].Value : null;
    }
}
