using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AiDeals.Web.Tests.Api;

/// <summary>The API's endpoints as the app maps them: method and route pattern, from the endpoint data source.</summary>
internal static partial class ApiEndpointList
{
    public static IReadOnlyList<(string Method, string Pattern)> Routes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct()
            .ToList();

    /// <summary>Whether a request path (its query left out) fits a pattern such as <c>/api/v1/deals/{id:int}</c>.</summary>
    public static bool Matches(string pattern, string path)
    {
        var regex = "^" + Parameter().Replace(Regex.Escape(pattern).Replace("\\{", "{", StringComparison.Ordinal), "[^/]+") + "$";
        return Regex.IsMatch(path.Split('?')[0], regex);
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
