using Microsoft.AspNetCore.Http;

namespace TradeAccord.Web;

/// <summary>
/// Headers on every response: the dashboard runs only its own files (no inline script, no other origin), no page of
/// this server can be framed by another site, and no response is sniffed into another type.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>The dashboard's policy: scripts, styles and API calls from this origin only; never framed.</summary>
    public const string DashboardPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    // The API reference is a third-party page (Scalar) with its own inline script: it keeps only the framing rule.
    private const string ReferencePolicy = "frame-ancestors 'none'";

    /// <summary>The middleware; headers are set when the response starts, so an error page gets them too.</summary>
    public static Task Add(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/reference", StringComparison.Ordinal) ? ReferencePolicy : DashboardPolicy;
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
