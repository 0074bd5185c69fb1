using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TradeAccord.Web;

/// <summary>Marks an endpoint served to key holders only, for the OpenAPI document.</summary>
public sealed class RequiresKeyMetadata;

/// <summary>
/// What the generated OpenAPI document cannot see for itself: the X-Api-Key scheme, which operations need it, and
/// that every error is an RFC 9457 problem.
/// </summary>
public static class OpenApiDocs
{
    private const string Scheme = "ApiKey";

    /// <summary>Adds the transformers to <paramref name="options"/>.</summary>
    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeys.Header,
                Description = "A key from the server's keys file: its role (us-office, cn-office, observer, admin) decides what is served. Without one only tariffs, agreements and the tracker are.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            operation.Responses ??= new OpenApiResponses();
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiresKeyMetadata>().Any())
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] }];
                operation.Responses.TryAdd("401", Problem("No API key: this endpoint serves key holders only"));
            }

            operation.Responses.TryAdd("400", Problem("A field is missing or malformed: the problem's `field` names it and `detail` says what was expected"));
            return Task.CompletedTask;
        });
    }

    private static OpenApiResponse Problem(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() },
    };
}
