using System.Text.Json.Serialization;
using AiDeals.Core.Features.Accounts;
using AiDeals.Web.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;

namespace AiDeals.Web.Features.Api;

/// <summary>
/// The HTTP API under <c>/api/v1</c>: token authentication, its policies, problem details for every error, the rate
/// limiter, OpenAPI, and the endpoints. Pages and the Blazor circuit keep their own rules (cookie, redirect to the login,
/// the not-found page, no rate limit).
/// </summary>
internal static class ApiWebExtensions
{
    public const string Prefix = "/api/v1";

    /// <summary><c>Api:MaxRequestBodyBytes</c>: the largest request body a write accepts (413 above it).</summary>
    public const string MaxBodyKey = "Api:MaxRequestBodyBytes";

    public const long DefaultMaxBodyBytes = 1_000_000;

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>Anything under <c>/api</c>: the API, its reference, and addresses of neither (an API version that does not exist).</summary>
    private static bool IsUnderApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
            {
                StatusCodes.Status401Unauthorized => "Send a valid API token: Authorization: Bearer aid_… (made on the API tokens page).",
                StatusCodes.Status403Forbidden => "Your role does not allow this: writes need an analyst's token, the history an analyst.",
                StatusCodes.Status404NotFound => "There is nothing at this address.",
                StatusCodes.Status405MethodNotAllowed => "This address does not take this method.",
                _ => null,
            });
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());

            // A number is a JSON number: the web default also reads "15" as 15, which the OpenAPI schemas would then
            // have to allow as a string.
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddSingleton<ApiTokenLogins>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);

        // A script gets a status, never the login page: the cookie's redirects become 401 and 403 under /api.
        services.ConfigureApplicationCookie(cookie =>
        {
            var toLogin = cookie.Events.OnRedirectToLogin;
            var toDenied = cookie.Events.OnRedirectToAccessDenied;
            cookie.Events.OnRedirectToLogin = context => IsApi(context.HttpContext) ? Status(context.Response, 401) : toLogin(context);
            cookie.Events.OnRedirectToAccessDenied = context => IsApi(context.HttpContext) ? Status(context.Response, 403) : toDenied(context);
        });

        var anonymousRead = builder.Configuration.GetValue(AccountsWebExtensions.AllowAnonymousReadKey, false);
        services.AddAuthorizationBuilder()
            // Reads: a token or the browser's cookie, or nobody where anonymous reading is on; a bearer token that does
            // not authenticate is refused even then, so that a script learns that its token is wrong.
            .AddPolicy(ApiPolicies.Read, policy => policy
                .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName, IdentityConstants.ApplicationScheme)
                .RequireAssertion(context => context.User.Identity?.IsAuthenticated == true
                    || (anonymousRead && context.Resource is HttpContext http && !ApiTokenAuthenticationHandler.HasBearer(http.Request))))
            // The history is for analysts and admins, as its page is.
            .AddPolicy(ApiPolicies.ReadHistory, policy => policy
                .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName, IdentityConstants.ApplicationScheme)
                .RequireRole(Roles.Analyst, Roles.Admin))
            // Writes: a token only. A browser's cookie would make every write a cross-site request forgery target.
            .AddPolicy(ApiPolicies.Write, policy => policy
                .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName)
                .RequireRole(Roles.Analyst, Roles.Admin));

        services.AddApiRateLimiting(builder.Configuration);
        services.AddSingleton<ApiReadCache>();
        services.AddOutputCache(cache =>
        {
            cache.SizeLimit = 32 * 1024 * 1024;
            cache.MaximumBodySize = 4 * 1024 * 1024;
            cache.AddPolicy(ApiReadCache.PolicyName, policy => policy.AddPolicy<ApiReadCache>(), excludeDefaultPolicy: true);
        });
        services.AddApiOpenApi();
        return builder;
    }

    /// <summary>
    /// Problem details for the API's failures, before anything else can answer with HTML: an unhandled exception (or a
    /// body Kestrel refused, 413) and an empty error status (401, 403, 404, 405, 415). A body larger than the limit is refused at once.
    /// </summary>
    public static WebApplication UseApiErrors(this WebApplication app)
    {
        var maxBody = app.Configuration.GetValue(MaxBodyKey, DefaultMaxBodyBytes);
        // Under /api as a whole, not only /api/v1: a script that asks /api/v2/deals gets a 404 it can read, not the page.
        app.UseWhen(IsUnderApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions
            {
                StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            });
            api.UseStatusCodePages();
            api.Use((context, next) =>
            {
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                {
                    size.MaxRequestBodySize = maxBody;
                }

                if (context.Request.ContentLength > maxBody)
                {
                    return Results.Problem(
                        statusCode: StatusCodes.Status413PayloadTooLarge,
                        detail: $"The body is {context.Request.ContentLength:N0} bytes; the API takes at most {maxBody:N0}.").ExecuteAsync(context);
                }

                return next(context);
            });
        });
        return app;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        // No policy on the group: a read's and a write's would combine, and the write's token-only rule would then also
        // see the cookie. Each endpoint says AsRead, AsHistoryRead or AsWrite.
        var api = app.MapGroup(Prefix)
            .RequireRateLimiting(ApiRateLimiting.PolicyName)
            .WithTags("AiDeals")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapDealEndpoints();
        api.MapOrganizationEndpoints();
        api.MapValuationEndpoints();
        api.MapMarketEventEndpoints();
        api.MapSourceEndpoints();
        api.MapHistoryEndpoints();
        app.MapApiReference();
        return app;
    }

    public static RouteHandlerBuilder AsRead(this RouteHandlerBuilder endpoint) => endpoint.RequireAuthorization(ApiPolicies.Read);

    /// <summary>A list read the same for every reader: answered again from memory until the next write (<see cref="ApiReadCache"/>).</summary>
    public static RouteHandlerBuilder AsCachedRead(this RouteHandlerBuilder endpoint) => endpoint.AsRead().CacheOutput(ApiReadCache.PolicyName);

    /// <summary>A read of one record: 404 when there is none, 304 when the caller's <c>If-None-Match</c> is its version.</summary>
    public static RouteHandlerBuilder AsRecordRead(this RouteHandlerBuilder endpoint) => endpoint
        .RequireAuthorization(ApiPolicies.Read)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .Produces(StatusCodes.Status304NotModified);

    /// <summary>What every write endpoint adds: analysts' tokens only, and the errors a write can meet.</summary>
    public static RouteHandlerBuilder AsWrite(this RouteHandlerBuilder endpoint) => endpoint
        .RequireAuthorization(ApiPolicies.Write)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}

/// <summary>The API's authorization policies.</summary>
internal static class ApiPolicies
{
    public const string Read = "ApiRead";
    public const string ReadHistory = "ApiReadHistory";
    public const string Write = "ApiWrite";
}
