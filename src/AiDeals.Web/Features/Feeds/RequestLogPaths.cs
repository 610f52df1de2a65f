using Serilog.Events;

namespace AiDeals.Web.Features.Feeds;

/// <summary>
/// The properties of the request log's line. A watchlist feed's address holds its private token, which is as good as a
/// password to that feed: the log writes the path with the token left out.
/// </summary>
public static class RequestLogPaths
{
    public static IEnumerable<LogEventProperty> Properties(HttpContext context, string requestPath, double elapsed, int statusCode)
    {
        ArgumentNullException.ThrowIfNull(context);
        return
        [
            new LogEventProperty("RequestMethod", new ScalarValue(context.Request.Method)),
            new LogEventProperty("RequestPath", new ScalarValue(Redact(requestPath))),
            new LogEventProperty("StatusCode", new ScalarValue(statusCode)),
            new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
        ];
    }

    public static string Redact(string? path) =>
        path is not null && path.StartsWith(FeedEndpoints.WatchingPrefix, StringComparison.OrdinalIgnoreCase)
            ? FeedEndpoints.WatchingPrefix + "(token).atom"
            : path ?? string.Empty;
}
