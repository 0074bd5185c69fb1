using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TradeAccord.Core.Errors;
using Scalar.AspNetCore;
using TradeAccord.App.Cases;
using TradeAccord.App.Tracking;
using TradeAccord.Core.Common;
using TradeAccord.Sources.Agreements;
using TradeAccord.Sources;
using TradeAccord.Storage.Cases;
using TradeAccord.Storage;
using TradeAccord.Web.Endpoints;

namespace TradeAccord.Web;

/// <summary>The shared services of one server: the data, the store, the keys.</summary>
/// <param name="Loader">The built-in data and schedules.</param>
/// <param name="Db">The store (file path or connection string), as given.</param>
/// <param name="Keys">API keys and roles.</param>
public sealed record ServerState(ScheduleLoader Loader, string? Db, ApiKeys Keys)
{
    private int _builtInLoaded;

    /// <summary>The options the server was started with (its limits).</summary>
    public WebOptions Options { get; init; } = new();

    /// <summary>
    /// The trade store for one request, on the same store as the cases (a DuckDB file or PostgreSQL). A DuckDB file
    /// held by another process is waited for without holding a request thread.
    /// </summary>
    public async Task<ITradeStore> TradeAsync(CancellationToken cancellation)
    {
        var store = await TradeStores.OpenAsync(Db, cancellation).ConfigureAwait(false);
        try
        {
            // The built-in series are checked on the first request only, not on every one.
            if (Volatile.Read(ref _builtInLoaded) == 0)
            {
                TradeData.EnsureBuiltIn(store, Loader.Paths);
                Volatile.Write(ref _builtInLoaded, 1);
            }
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return store;
    }

    /// <summary>A case store and service for one request; the server's service never reads a case's local agreement file.</summary>
    public async Task<(ICaseStore Store, CaseService Service)> CasesAsync(CancellationToken cancellation)
    {
        var store = await CaseStores.OpenAsync(Db, cancellation).ConfigureAwait(false);
        return (store, new CaseService(store, Loader));
    }
}

/// <summary>Builds the web server: the API, its OpenAPI document, the dashboard, roles by API key.</summary>
public static class WebApp
{
    /// <summary>The role of the current request.</summary>
    public static Role RoleOf(HttpContext context) => context?.Items["role"] as Role? ?? Role.Public;

    /// <summary>
    /// Serves the endpoints only to a caller with a key (any role): without one only public data (tariffs, agreements,
    /// the tracker) is served.
    /// </summary>
    public static TBuilder RequireKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresKeyMetadata()).AddEndpointFilter(async (context, next) => RoleOf(context.HttpContext) == Role.Public
            ? Problems.Unauthorized()
            : await next(context).ConfigureAwait(false));

    /// <summary>Builds the application (not started).</summary>
    public static WebApplication Build(WebOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, WebRootPath = Path.Combine(AppContext.BaseDirectory, "dashboard") });
        builder.WebHost.UseUrls(options.Urls);
        // Kestrel's own ceiling is the largest body any endpoint takes; BodyLimits holds each endpoint to its own.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = Math.Max(options.MaxUploadBytes, RequestDocuments.MaxJsonBody));
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(f => f.MultipartBodyLengthLimit = options.MaxUploadBytes);
        builder.Services.AddRequestTimeouts(t => t.DefaultPolicy = new Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutPolicy
        {
            Timeout = options.RequestTimeout,
            TimeoutStatusCode = ErrorKind.Unavailable.HttpStatus(),
            WriteTimeoutResponse = context => Problems.Write(context, ErrorKind.Unavailable.HttpStatus(), "Request timed out",
                $"the request ran longer than the server's limit of {options.RequestTimeout.TotalSeconds:0.###} s (--request-timeout) and was stopped"),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The exception handler would log every refused request as an error; Problems logs server faults itself.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware", LogLevel.None);
        builder.Services.AddOpenApi(OpenApiDocs.Configure);
        builder.Services.AddProblemDetails();
        // Unreadable bodies reach the problem handler, which names the field instead of answering an empty 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            // Closed sets (window, weights, grouping) travel as the same lower-case words the command line takes.
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
            // Quotes first from generated metadata; every other type as before, by reflection.
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, QuoteJsonContext.Default);
        });
        var loader = new ScheduleLoader(DataPaths.Locate(options.Data));
        builder.Services.AddSingleton(new ServerState(loader, options.Db, ApiKeys.Load(options.KeysFile)) { Options = options });
        // "Now" for requests without a date; a host (or a test) may register its own clock in configure.
        builder.Services.AddSingleton(TimeProvider.System);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.Use(SecurityHeaders.Add);
        app.UseExceptionHandler(error => error.Run(Problems.FromException));
        app.UseStatusCodePages(Problems.ForEmptyStatus);
        app.Use(async (context, next) =>
        {
            var keys = context.RequestServices.GetRequiredService<ServerState>().Keys;
            var role = keys.RoleOf(context.Request.Headers[ApiKeys.Header].FirstOrDefault());
            if (role is null)
            {
                await Problems.Write(context, StatusCodes.Status401Unauthorized, "Unknown API key", $"the {ApiKeys.Header} header holds no known key", ApiKeys.Header).ConfigureAwait(false);
                return;
            }

            context.Items["role"] = role.Value;
            await next(context).ConfigureAwait(false);
        });
        app.Use(BodyLimits.Enforce);
        app.UseRequestTimeouts();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapOpenApi();
        app.MapScalarApiReference("/api/reference");
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).WithTags("server");
        app.MapGet("/api/whoami", (HttpContext context) => Results.Ok(new { role = RoleOf(context).ToKebab(), party = ApiKeys.PartyOf(RoleOf(context))?.ToString() }))
            .WithTags("server").WithSummary("The caller's role and the party it acts for");
        DutyEndpoints.Map(app);
        SeriesEndpoints.Map(app);
        AgreementEndpoints.Map(app);
        TrackEndpoints.Map(app);
        CaseEndpoints.Map(app);
        AnalysisEndpoints.Map(app);
        return app;
    }
}
