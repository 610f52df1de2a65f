using AiDeals.Core.Features.History;
using Microsoft.AspNetCore.OutputCaching;

namespace AiDeals.Web.Features.Api;

/// <summary>
/// The API's lists answered again from memory while nothing was written: a script or a dashboard polling the first page
/// of deals gets the bytes of the last answer to the same address instead of reading and writing out 100 deals again.
/// Each answer is kept under the data version it was read at (<see cref="DataVersions"/>: the newest audit entry, which
/// every write leaves, from this instance, another one or the command line), read before the list: a write moves the
/// version, and the next call reads afresh. The caller is authenticated, authorized and counted by the rate limiter
/// before the cache answers (it sits after them), and the lists are the same for every reader. A cached answer carries an
/// <c>Age</c> header. Only 200 answers without cookies are kept, for at most <see cref="Lifetime"/>.
/// </summary>
internal sealed class ApiReadCache(DataVersions versions) : IOutputCachePolicy
{
    public const string PolicyName = "ApiRead";

    /// <summary>How long an answer is kept at most, however long the version holds: bounds the memory of rarely read pages.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method))
        {
            return;
        }

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["data"] = await versions.CurrentAsync(cancellation);
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
