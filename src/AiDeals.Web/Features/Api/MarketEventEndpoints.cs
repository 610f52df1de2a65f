using AiDeals.Core.Features.MarketEvents;

namespace AiDeals.Web.Features.Api;

/// <summary><c>/api/v1/market-events</c>: the list and the market event commands.</summary>
internal static class MarketEventEndpoints
{
    public static void MapMarketEventEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/market-events", async (HttpRequest request, MarketEventQueries queries, CancellationToken ct) =>
            {
                var sort = ApiQuery.Enum<MarketEventSortField>(request, "sort") ?? MarketEventSortField.Occurred;
                var query = new MarketEventQuery(sort, ApiQuery.Bool(request, "desc") ?? sort != MarketEventSortField.Title);
                return TypedResults.Ok(await queries.ListAsync(query, ApiQuery.Page(request), ct));
            })
            .WithName("ListMarketEvents").WithSummary("Market events, latest first unless sort (occurred, title, amount) and desc say otherwise; page and size (≤ 500).")
            .AsCachedRead();

        new FormEndpoints<MarketEventForm>(
            "/market-events",
            "MarketEvent",
            (services, id, ct) => services.GetRequiredService<MarketEventQueries>().GetFormAsync(id, ct),
            form => new CreateMarketEvent(form),
            form => new UpdateMarketEvent(form),
            (form, id, version) => (form.Id, form.Version) = (id, version),
            (id, version) => new DeleteMarketEvent(id, version),
            (id, version) => new RestoreMarketEvent(id, version)).Map(api);
    }
}
