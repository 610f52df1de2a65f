using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Web.Features.Deals;

namespace AiDeals.Web.Features.Api;

/// <summary><c>GET /api/v1/deals</c>: the deal list with the query names of <c>/deals</c>, read by <see cref="DealQuery"/>.</summary>
internal static class DealListEndpoint
{
    public static void MapDealList(this RouteGroupBuilder api, string path) =>
        api.MapGet(path, async (HttpRequest request, DealQueries deals, CancellationToken ct) =>
            {
                var query = DealQuery.FromQuery(request.Query);
                return TypedResults.Ok(await deals.SearchAsync(query.ToFilter(), ApiQuery.Page(request), ct));
            })
            .WithName("ListDeals").WithSummary("Deals filtered and sorted as on /deals.")
            .AsRead();
}
