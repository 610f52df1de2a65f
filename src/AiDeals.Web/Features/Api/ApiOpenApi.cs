using System.Globalization;
using AiDeals.Core.Domain;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace AiDeals.Web.Features.Api;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> (schemas from the JSON the API really writes: enums as strings) with
/// what reflection cannot see: every amount's bounds, what a partial date is, the bearer token. Scalar shows it at
/// <c>/api</c> in Development.
/// </summary>
internal static class ApiOpenApi
{
    public const string DocumentPath = "/openapi/v1.json";

    public const string ReferencePath = "/api";

    private const string BearerScheme = "Bearer";

    // Whole-dollar figures of a deal, a commitment, a filter or a valuation: never negative, at most $100 trillion.
    private static readonly HashSet<string> AmountProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "low", "high", "amountLow", "amountHigh", "commitmentLow", "commitmentHigh",
    };

    // The forms' dates typed as text, each read as a partial date.
    private static readonly HashSet<string> PartialDateTexts = new(StringComparer.OrdinalIgnoreCase) { "asOf", "occurred" };

    public static IServiceCollection AddApiOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            // The API's endpoints only, not the pages' CSV export or the health probe.
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1", StringComparison.OrdinalIgnoreCase) == true;
            options.AddListParameters();
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "AiDeals API",
                    Version = "v1",
                    Description = "AI investment deals with their evidence. Amounts are whole US dollars (0 to 100,000,000,000,000); a "
                        + "date known only to a month, quarter or year is the first day of that period plus its precision. Reads "
                        + "take a token or the browser's login; writes take an analyst's token: `Authorization: Bearer aid_…`.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal API token, made on the \"API tokens\" page of the account menu.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = context.JsonTypeInfo.Type;
                if (type.IsEnum)
                {
                    schema.Type = JsonSchemaType.String;
                }

                if (context.JsonPropertyInfo is { } text && text.PropertyType == typeof(string) && PartialDateTexts.Contains(text.Name))
                {
                    schema.Description = "A partial date: a day (2025-01-27), a month (2025-01), a quarter (2024-Q4) or a year (2019).";
                }
                else if (context.JsonPropertyInfo is { } property && AmountProperties.Contains(property.Name))
                {
                    schema.Minimum = "0";
                    schema.Maximum = AmountRange.MaxFigure.ToString(CultureInfo.InvariantCulture);
                    schema.Description ??= "Whole US dollars.";
                }
                else if (type == typeof(AmountRange))
                {
                    schema.Description = "An amount and how sure it is: exact and estimated have low = high; upTo has only high; "
                        + "atLeast only low; range low < high; undisclosed neither.";
                }
                else if (type == typeof(PartialDate) || type == typeof(PartialDate?))
                {
                    schema.Description = "A date known to a precision: `date` is the first day of the day, month, quarter or year, "
                        + "`end` its last day.";
                }

                return Task.CompletedTask;
            });
        });

    /// <summary>The document for everyone (it holds no data); the interactive reference in Development only.</summary>
    public static void MapApiReference(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        if (app.Environment.IsDevelopment())
        {
            var reference = app.MapScalarApiReference(ReferencePath, options => options
                .WithTitle("AiDeals API")
                .DisableDefaultFonts()
                .AddDocument("v1", "AiDeals API v1", DocumentPath)
                .AddHttpAuthentication(BearerScheme, auth => auth.Token = string.Empty))
                .WithMetadata(new ContentSecurityPolicyMetadata(SecurityHeaders.ApiReferencePolicy))
                .AllowAnonymous();

            // Scalar's page route is /api/{documentName?}: any /api/<word> would answer the reference of a document that
            // does not exist. Only /api (and /api/) is the reference; its two scripts are routes of their own.
            reference.Add(endpoint => endpoint.FilterFactories.Add((_, next) => context =>
                context.HttpContext.GetRouteValue("documentName") is string { Length: > 0 }
                    ? ValueTask.FromResult<object?>(ApiResults.NotFound("API address here: the reference is at /api, the API under /api/v1"))
                    : next(context)));
        }
    }
}
