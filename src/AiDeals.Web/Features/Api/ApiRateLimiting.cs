using System.Globalization;
using System.Threading.RateLimiting;
using AiDeals.Core.Features.Accounts;
using Microsoft.AspNetCore.RateLimiting;

namespace AiDeals.Web.Features.Api;

/// <summary>
/// A fixed window of requests per API token (per signed-in user for the browser's reads, per IP address for anonymous
/// reads), on the API's endpoints only: the pages and the Blazor circuit are not limited. Over the limit: 429 problem
/// details with <c>Retry-After</c>. Limits come from <c>Api:RateLimit:PermitLimit</c> and <c>Api:RateLimit:WindowSeconds</c>.
/// </summary>
internal static class ApiRateLimiting
{
    public const string PolicyName = "api";

    public const string PermitLimitKey = "Api:RateLimit:PermitLimit";

    public const string WindowKey = "Api:RateLimit:WindowSeconds";

    public static IServiceCollection AddApiRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        // 1,200 a minute lets a script page through a million deals (500 a page) in under two minutes of quota, and stops
        // a loop gone wrong from taking the server's two cores.
        var permits = Math.Max(1, configuration.GetValue(PermitLimitKey, 1200));
        var window = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue(WindowKey, 60)));
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PolicyName, context => RateLimitPartition.GetFixedWindowLimiter(
                PartitionKey(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                var http = rejected.HttpContext;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Results.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many requests",
                    detail: $"At most {permits} requests every {window.TotalSeconds:N0} s; try again in {seconds} s.").ExecuteAsync(http);
            };
        });
    }

    /// <summary>The token's id when the call came with one, else the signed-in user, else the caller's address.</summary>
    private static string PartitionKey(HttpContext context)
    {
        var user = context.User;
        return user.FindFirst(ApiTokenClaims.TokenId)?.Value is { } token ? "token:" + token
            : user.Identity is { IsAuthenticated: true, Name: { } name } ? "user:" + name
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }
}
