using AiDeals.Core.Features;
using AiDeals.Core.Features.Deals;
using AiDeals.Web.Features.Deals;

namespace AiDeals.Web.Features.Api;

/// <summary>
/// <c>GET /api/v1/deals</c>: the deal list with the filters, sorts and query names of <c>/deals</c>, read by
/// <see cref="DealQuery"/>. With <c>cursor</c> or <c>limit</c> it pages by keyset in the list's own order (the sort key,
/// then the id: <see cref="DealQueries.SearchAsync(DealFilter, DealPageRequest, CancellationToken)"/>): each answer's
/// <c>next</c> is an opaque token for the next call's <c>cursor</c>, and a script reads every deal once, in any sort, while
/// others write. Without them it answers one numbered page (<c>page</c>, <c>size</c>) with the total.
/// </summary>
internal static class DealListEndpoint
{
    public const string CursorKey = "cursor";
    public const string LimitKey = "limit";

    public static void MapDealList(this RouteGroupBuilder api, string path) =>
        api.MapGet(path, async (HttpRequest request, DealQueries deals, CancellationToken ct) =>
            {
                var filter = DealQuery.FromQuery(request.Query).ToFilter();
                if (!request.Query.ContainsKey(CursorKey) && !request.Query.ContainsKey(LimitKey))
                {
                    return Results.Ok(await deals.SearchAsync(filter, ApiQuery.Page(request), ct));
                }

                DealCursor? after = null;
                var text = request.Query[CursorKey].FirstOrDefault();
                if (!string.IsNullOrEmpty(text) && !DealCursor.TryParse(text, filter, out after))
                {
                    // A token written for another sort or direction, edited, or from the id-order scan of old.
                    return TypedResults.ValidationProblem(
                        new Dictionary<string, string[]>
                        {
                            [CursorKey] = ["Pass the next token of the previous answer, with the same sort and desc, or leave it out to start."],
                        },
                        title: "The page token is not one this list wrote for this sort.");
                }

                var limit = ApiQuery.Int(request, LimitKey) is { } l && l >= 1 ? Math.Min(l, PageRequest.MaxPageSize) : ApiQuery.DefaultPageSize;
                var page = await deals.SearchAsync(filter, new DealPageRequest { After = after, PageSize = limit }, ct);
                return Results.Ok(new DealCursorAnswer(page.Items, page.Next?.ToString()));
            })
            .WithName("ListDeals")
            .WithSummary("Deals filtered and sorted as on /deals: one numbered page (page, size) with the total, or with cursor/limit "
                + "pages by an opaque token in the chosen sort, every deal once while others write.")
            .Produces<PagedResult<DealSummary>>()
            .Produces<DealCursorAnswer>()
            .ProducesValidationProblem()
            .AsCachedRead();
}

/// <summary>
/// A page of the deals in the list's sort; <see cref="Next"/> is the opaque token of the next page (the <c>cursor</c> of
/// the next call, with the same filters and sort), null after the last.
/// </summary>
internal sealed record DealCursorAnswer(IReadOnlyList<DealSummary> Items, string? Next);
