using Microsoft.AspNetCore.Routing;

namespace AiDeals.Web;

/// <summary>HEAD for the pages: the component endpoints are mapped for GET and POST only, so HEAD / answered 404.</summary>
internal static class HeadRequests
{
    /// <summary>
    /// Lets every page endpoint that answers GET also match HEAD. The page renders as for GET and the server sends the
    /// same status and headers without the body (Kestrel drops what is written to a HEAD response). The request's
    /// method stays HEAD: rewriting it to GET would make the server send the body.
    /// </summary>
    public static TBuilder AnswerHeadLikeGet<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            // The routing matcher reads the last method metadata an endpoint carries.
            var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods;
            if (methods is not null && methods.Contains(HttpMethods.Get) && !methods.Contains(HttpMethods.Head))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods, HttpMethods.Head]));
            }
        });
        return builder;
    }
}
